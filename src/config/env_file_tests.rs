use std::ffi::OsString;

use super::{Problem, find_flag, parse};

fn pairs(text: &str) -> Vec<(String, String)> {
    parse(text).expect("parses")
}

fn one(text: &str) -> String {
    pairs(text).remove(0).1
}

fn args(list: &[&str]) -> Vec<OsString> {
    std::iter::once("orca")
        .chain(list.iter().copied())
        .map(OsString::from)
        .collect()
}

#[test]
fn blank_lines_and_comments_are_skipped() {
    assert_eq!(
        pairs("# the seeds' file\n\nTEMPORAL_HOST=temporal\n   # indented\n"),
        [("TEMPORAL_HOST".into(), "temporal".into())]
    );
}

#[test]
fn export_is_allowed_before_a_name() {
    assert_eq!(pairs("export A=1")[0].0, "A");
}

#[test]
fn a_bare_value_ends_at_a_spaced_hash() {
    assert_eq!(one("A=value # why"), "value");
}

#[test]
fn a_hash_inside_a_bare_value_is_kept() {
    assert_eq!(one("A=a#b"), "a#b");
}

#[test]
fn an_empty_value_is_empty() {
    assert_eq!(one("A="), "");
}

#[test]
fn single_quotes_are_taken_as_written() {
    assert_eq!(one(r"A='x \n # y'"), r"x \n # y");
}

#[test]
fn double_quotes_take_escapes() {
    assert_eq!(one(r#"A="line\nnext \"q\" \\""#), "line\nnext \"q\" \\");
}

#[test]
fn spaces_around_the_equals_sign_are_trimmed() {
    assert_eq!(pairs("A = b"), [("A".into(), "b".into())]);
}

#[test]
fn a_line_without_equals_names_its_line() {
    assert_eq!(parse("A=1\nB\n"), Err((2, Problem::NoEquals)));
}

#[test]
fn a_name_with_a_dash_is_refused() {
    assert_eq!(parse("MY-VAR=1"), Err((1, Problem::BadName)));
}

#[test]
fn a_line_missing_its_equals_sign_does_not_show_its_value() {
    let problem = parse("TEMPORAL_API_KEY abc123==")
        .unwrap_err()
        .1
        .to_string();
    assert!(!problem.contains("abc123"), "{problem}");
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_name() {
    assert_eq!(pairs("\u{feff}A=1")[0].0, "A");
}

#[test]
fn windows_line_endings_are_read() {
    assert_eq!(
        pairs("A=1\r\nB='2'\r\n"),
        [("A".into(), "1".into()), ("B".into(), "2".into())]
    );
}

#[test]
fn an_unknown_escape_keeps_its_backslash() {
    assert_eq!(one(r#"A="C:\certs\k.pem""#), r"C:\certs\k.pem");
}

#[test]
fn tab_and_carriage_return_escapes_are_read() {
    assert_eq!(one(r#"A="a\tb\rc""#), "a\tb\rc");
}

#[test]
fn a_variable_reference_is_taken_as_written() {
    assert_eq!(one("A=${HOME}/x"), "${HOME}/x");
}

#[test]
fn an_unclosed_quote_is_refused() {
    assert_eq!(parse("A=\"open"), Err((1, Problem::UnclosedQuote)));
}

#[test]
fn text_after_a_closing_quote_is_refused() {
    assert_eq!(parse("A='x' y"), Err((1, Problem::TextAfterQuote)));
}

#[test]
fn a_comment_after_a_closing_quote_is_fine() {
    assert_eq!(one("A='x' # note"), "x");
}

#[test]
fn problems_never_quote_the_value() {
    let problem = parse("A=\"s3cret").unwrap_err().1.to_string();
    assert!(!problem.contains("s3cret"), "{problem}");
}

#[test]
fn the_flag_takes_the_next_argument() {
    assert_eq!(find_flag(args(&["--env-file", "a"])), Some("a".into()));
}

#[test]
fn the_flag_takes_a_value_after_an_equals_sign() {
    assert_eq!(find_flag(args(&["list", "--env-file=b"])), Some("b".into()));
}

#[test]
fn the_last_flag_wins() {
    let found = find_flag(args(&["--env-file", "a", "--env-file", "b"]));
    assert_eq!(found, Some("b".into()));
}

#[test]
fn nothing_after_a_double_dash_is_the_flag() {
    assert_eq!(find_flag(args(&["start", "--", "--env-file", "a"])), None);
}

#[test]
fn no_flag_reads_no_file() {
    assert_eq!(find_flag(args(&["list", ".env"])), None);
}
