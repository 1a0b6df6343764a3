//! Property tests (bounded fuzzing) of everything that parses user input:
//! pipeline specs (TOML and JSON), `--input`/`--input-json`, schedule
//! definitions and templates. Properties: never panic; a generated valid
//! spec (every step kind, nesting, retries, gates) validates, and survives
//! TOML and JSON round trips unchanged. PROPTEST_CASES raises the number of
//! cases (default here: 500 per property).

mod valid_specs;

use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(500),
        ..ProptestConfig::default()
    }
}

/// Fragments of real pipeline files, recombined at random, reach far deeper
/// into the validator than random bytes do.
fn spec_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "name = \"p\"\n",
        "description = \"d\"\n",
        "[inputs.task]\nrequired = true\n",
        "[inputs.n]\ndefault = 3\n",
        "[groups]\nops = [\"a\", \"b\"]\n",
        "[[steps]]\n",
        "id = \"a\"\n",
        "id = \"b\"\n",
        "id = \"\"\n",
        "kind = \"agent\"\n",
        "kind = \"policy\"\n",
        "kind = \"approval\"\n",
        "kind = \"command\"\n",
        "kind = \"foreach\"\n",
        "kind = \"parallel\"\n",
        "kind = \"sleep\"\n",
        "kind = \"http\"\n",
        "action = \"{{ input.task }}\"\n",
        "action = \"{{ steps.a.output }}\"\n",
        "subject = \"x\"\n",
        "deny = [\"^f\", \"(\"]\n",
        "allow = [\".*\"]\n",
        "prompt = \"{{ run.id }}\"\n",
        "approvers = [\"group:ops\", \"x\"]\n",
        "required = 2\n",
        "timeout = \"1s\"\n",
        "timeout = \"soon\"\n",
        "on_timeout = \"escalate\"\n",
        "escalate_to = [\"z\"]\n",
        "retry = { attempts = 2, initial = \"1s\" }\n",
        "argv = [\"echo\", \"{{ item }}\"]\n",
        "shell = \"true\"\n",
        "count = 3\n",
        "items = \"{{ steps.a.output.list }}\"\n",
        "[steps.step]\n",
        "[[steps.steps]]\n",
        "duration = \"2s\"\n",
        "url = \"http://x/{{ input.n }}\"\n",
        "if = \"{{ input.n > 1 }}\"\n",
        "unknown = 1\n",
        "{{ \n",
        "\u{0}\n",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn spec_parser_never_panics_on_bytes(text in "\\PC{0,400}") {
        let _ = orca::pipeline::parse_toml(&text);
    }

    #[test]
    fn spec_fragments_never_panic(text in spec_text()) {
        let _ = orca::pipeline::parse_toml(&text);
    }

    #[test]
    fn valid_specs_validate_and_round_trip(spec in valid_specs::spec()) {
        let toml_text = toml::to_string(&spec).expect("a spec serialises as TOML");
        let parsed = orca::pipeline::parse_toml(&toml_text);
        prop_assert!(parsed.is_ok(), "{:?}\n{}", parsed.err(), toml_text);
        let parsed = parsed.unwrap();
        prop_assert_eq!(&parsed, &spec);
        let json = serde_json::to_value(&parsed).unwrap();
        let again = orca::pipeline::parse_json(&json).expect("a valid spec stays valid as JSON");
        prop_assert_eq!(again, spec);
    }

    #[test]
    fn json_specs_never_panic(value in any_json(3)) {
        let _ = orca::pipeline::parse_json(&value);
    }

    #[test]
    fn input_flags_never_panic(pairs in prop::collection::vec("\\PC{0,30}", 0..5), json in prop::option::of("\\PC{0,60}")) {
        let json = json.filter(|j| !j.starts_with('@') && j != "-");
        let _ = orca::ops::start::parse_inputs(&orca::cli::args::InputArgs {
            inputs: pairs,
            input_json: json,
        });
    }

    #[test]
    fn schedule_files_never_panic(text in "\\PC{0,300}") {
        if let Ok(file) = toml::from_str::<orca::schedule::ScheduleFile>(&text) {
            for def in file.schedules {
                let _ = def.check();
                let _ = def.to_proto("q", true);
                let _ = def.describe_spec();
            }
        }
    }

    #[test]
    fn templates_never_panic(template in "\\PC{0,80}") {
        let context = serde_json::json!({"input": {"task": "x"}, "steps": {}, "run": {"id": "r"}});
        let _ = orca::pipeline::template::render(&template, &context);
        let _ = orca::pipeline::template::referenced_paths(&template);
        let _ = orca::pipeline::template::check_names(&template);
    }
}

fn any_json(depth: u32) -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "[a-z{}. ]{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(depth, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "name", "steps", "id", "kind", "action", "inputs", "subject", "deny", "prompt"
                ]),
                inner,
                0..5
            )
            .prop_map(|m| serde_json::Value::Object(
                m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}
