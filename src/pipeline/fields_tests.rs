use serde_json::json;

use super::*;

fn field(toml_text: &str) -> FieldSpec {
    toml::from_str(toml_text).expect(toml_text)
}

fn form(fields: &[(&str, &str)]) -> BTreeMap<String, FieldSpec> {
    fields
        .iter()
        .map(|(name, text)| (name.to_string(), field(text)))
        .collect()
}

fn given(value: Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

fn refused(spec: &str, value: Value) -> String {
    check_value(&field(spec), &value).unwrap_err()
}

#[test]
fn an_integer_in_range_passes() {
    let spec = field("type = \"integer\"\nmin = 1\nmax = 20");
    assert_eq!(check_value(&spec, &json!(5)), Ok(()));
}

#[test]
fn an_integer_out_of_range_names_the_bound() {
    let rule = refused("type = \"integer\"\nmin = 1\nmax = 20", json!(21));
    assert_eq!(rule, "21 is above the maximum 20");
}

#[test]
fn a_string_where_an_integer_is_declared_is_refused() {
    let rule = refused("type = \"integer\"", json!("5"));
    assert_eq!(rule, "expected an integer, got the string \"5\"");
}

#[test]
fn a_fraction_is_not_an_integer() {
    assert!(refused("type = \"integer\"", json!(2.5)).contains("expected an integer"));
}

#[test]
fn a_number_takes_fractions_within_range() {
    let spec = field("type = \"number\"\nmax = 1");
    assert_eq!(check_value(&spec, &json!(0.5)), Ok(()));
    assert_eq!(
        check_value(&spec, &json!(1.5)).unwrap_err(),
        "1.5 is above the maximum 1"
    );
}

#[test]
fn a_boolean_must_be_a_boolean() {
    assert!(refused("type = \"boolean\"", json!("yes")).contains("expected true or false"));
}

#[test]
fn a_choice_outside_the_list_names_the_choices() {
    let rule = refused(
        "type = \"choice\"\nchoices = [\"now\", \"tonight\"]",
        json!("later"),
    );
    assert_eq!(rule, "\"later\" is not one of the choices (now, tonight)");
}

#[test]
fn a_pattern_must_match_the_whole_string() {
    let rule = refused("type = \"string\"\npattern = \"[a-z]+\"", json!("abc1"));
    assert!(rule.contains("does not match the pattern"), "{rule}");
}

#[test]
fn a_list_checks_its_length_and_items() {
    let spec = "type = \"list\"\nmax = 2\nchoices = [\"a\", \"b\", \"c\"]";
    assert_eq!(check_value(&field(spec), &json!(["a", "c"])), Ok(()));
    assert_eq!(
        refused(spec, json!(["a", "b", "c"])),
        "3 is above the maximum 2 items"
    );
    assert!(refused(spec, json!(["d"])).contains("not one of the choices"));
}

#[test]
fn a_missing_required_field_is_named() {
    let form = form(&[("window", "type = \"string\"\nrequired = true")]);
    let error = check_form(&form, &Map::new()).unwrap_err();
    assert_eq!(error.to_string(), "field `window`: is required");
}

#[test]
fn defaults_fill_what_was_left_out() {
    let form = form(&[
        ("replicas", "type = \"integer\"\ndefault = 3"),
        ("note", "type = \"string\""),
    ]);
    let out = check_form(&form, &Map::new()).unwrap();
    assert_eq!(Value::Object(out), json!({"replicas": 3}));
}

#[test]
fn an_unknown_field_is_refused_with_the_known_ones() {
    let form = form(&[("replicas", "type = \"integer\"")]);
    let error = check_form(&form, &given(json!({"replica": 2}))).unwrap_err();
    assert_eq!(error.field, "replica");
    assert!(error.rule.contains("fields: replicas"), "{}", error.rule);
}

#[test]
fn a_gate_without_fields_refuses_any() {
    let error = check_form(&BTreeMap::new(), &given(json!({"x": 1}))).unwrap_err();
    assert_eq!(error.rule, "this decision takes no fields");
}

#[test]
fn typed_text_becomes_the_declared_type() {
    let int = field("type = \"integer\"");
    assert_eq!(coerce(Some(&int), "5"), json!(5));
    assert_eq!(coerce(Some(&int), "five"), json!("five"));
    let list = field("type = \"list\"");
    assert_eq!(coerce(Some(&list), "a, b"), json!(["a", "b"]));
    let flag = field("type = \"boolean\"");
    assert_eq!(coerce(Some(&flag), "yes"), json!(true));
    assert_eq!(coerce(None, "5"), json!("5"));
}

#[test]
fn a_default_outside_the_range_is_a_declaration_problem() {
    let spec = field("type = \"integer\"\nmax = 2\ndefault = 3");
    let (key, message) = declaration_problem(&spec).unwrap();
    assert_eq!(key, "default");
    assert!(message.contains("above the maximum"), "{message}");
}

#[test]
fn a_choice_without_choices_is_a_declaration_problem() {
    let (key, _) = declaration_problem(&field("type = \"choice\"")).unwrap();
    assert_eq!(key, "choices");
}

#[test]
fn an_unknown_type_does_not_parse() {
    assert!(toml::from_str::<FieldSpec>("type = \"date\"").is_err());
}

#[test]
fn an_unknown_type_is_found_where_it_is_declared() {
    let text = "name = \"x\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"?\"\n[steps.reject_fields.why]\ntype = \"date\"\n";
    let error = unknown_type(text).unwrap();
    assert_eq!(
        error.path,
        crate::pipeline::SpecPath::root()
            .key("steps")
            .index(0)
            .key("reject_fields")
            .key("why")
            .key("type")
    );
}

#[test]
fn a_value_past_the_size_limit_is_refused() {
    let long = "x".repeat(MAX_VALUE_BYTES);
    assert!(refused("type = \"string\"", json!(long)).contains("at most 16384"));
}
