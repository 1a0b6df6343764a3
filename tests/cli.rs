//! Things that need no server: help, usage errors, pipeline files.

use std::time::Duration;

use crate::common::*;

fn offline() -> Env {
    // These never connect; the address is a closed port, so an accidental
    // connection attempt fails loudly, and no dev server is started.
    Env::offline()
}

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    let env = offline();
    let help = env.orca(["--help"]).ok();
    for command in [
        "dev",
        "worker",
        "start",
        "approve",
        "reject",
        "status",
        "pause",
        "resume",
        "stop",
        "pipelines",
    ] {
        help.stdout_has(&format!("  {command}"));
    }
    help.stdout_has("Exit codes:");
    env.orca(["start", "--help"])
        .ok()
        .stdout_has("--input <NAME=VALUE>");
}

#[test]
fn usage_errors_are_exit_2() {
    let env = offline();
    env.orca(["start"]).code(2);
    env.orca(["frobnicate"]).code(2);
    env.orca(["status", "x", "--output", "yaml"]).code(2);
    env.orca(["start", "sample", "--connect-timeout", "soon"])
        .code(2)
        .stderr_has("not a duration");
    env.orca(["start", "sample", "--timeout", "1s"]).code(2);
}

#[test]
fn bad_inputs_are_refused_before_connecting() {
    let env = offline();
    env.orca(["start", "sample"])
        .code(2)
        .clean_error()
        .stderr_has("pipeline `sample` needs input `task`")
        .stderr_has("hint: pass it with --input task=VALUE");
    env.orca(["start", "sample", "--input", "tsk=1"])
        .code(2)
        .clean_error()
        .stderr_has("unknown input `tsk` (declared: task)");
    env.orca(["start", "sample", "--input", "task"])
        .code(2)
        .clean_error()
        .stderr_has("must look like NAME=VALUE");
    env.orca(["start", "sample", "--input-json", "{not json"])
        .code(2)
        .clean_error()
        .stderr_has("--input-json is not valid JSON");
    env.orca(["start", "sample", "--input-json", "[1,2]"])
        .code(2)
        .clean_error()
        .stderr_has("must be a JSON object, not an array");
}

#[test]
fn pipelines_list_and_show() {
    let env = offline();
    env.orca(["pipelines", "list"]).ok().stdout_has("sample");
    let list = env.orca(["pipelines", "list", "-o", "json"]).ok().json();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "sample"),
        "{list}"
    );
    env.orca(["pipelines", "show", "sample"])
        .ok()
        .stdout_has("deny = [\"(?i)^forbidden\"]");
    let spec = env
        .orca(["pipelines", "show", "sample", "-o", "json"])
        .ok()
        .json();
    assert_eq!(spec["steps"][1]["kind"], "approval");
    env.orca(["pipelines", "show", "nope"])
        .code(2)
        .clean_error()
        .stderr_has("unknown pipeline `nope`")
        .stderr_has("hint: known pipelines: sample");
}

#[test]
fn pipelines_validate_names_problem_and_location() {
    let env = offline();
    let good = env.write(
        "good.toml",
        "name = \"good\"\n[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"x\"\n",
    );
    let dup = env.write(
        "dup.toml",
        "name = \"dup\"\n[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"x\"\n\n[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"y\"\n",
    );
    let typo = env.write(
        "typo.toml",
        "name = \"t\"\n[[steps]]\nid = \"a\"\nkind = \"agent\"\nactoin = \"x\"\n",
    );
    env.orca(["pipelines", "validate"])
        .arg(&good)
        .ok()
        .stdout_has("ok ");
    let done = env
        .orca(["pipelines", "validate"])
        .arg(&good)
        .arg(&dup)
        .arg(&typo)
        .code(2);
    done.stdout_has("ok ");
    done.stderr_has(&format!(
        "{}:8:1: step `a`: duplicate step id",
        dup.display()
    ));
    done.stderr_has("actoin");
    done.stderr_has("2 of 3 files did not validate");
}

#[test]
fn start_refuses_an_invalid_file_with_its_location() {
    let env = offline();
    let bad = env.write(
        "bad.toml",
        "name = \"bad\"\n[[steps]]\nid = \"p\"\nkind = \"policy\"\nsubject = \"x\"\ndeny = [\"(unclosed\"]\n",
    );
    env.orca(["start"])
        .arg(&bad)
        .code(2)
        .clean_error()
        .stderr_has(&format!(
            "invalid pipeline: {}:6:1: step `p`",
            bad.display()
        ))
        .stderr_has("not a valid regular expression");
    env.orca(["start", "missing-file.toml"])
        .code(2)
        .clean_error()
        .stderr_has("missing-file.toml");
}

#[test]
fn a_closed_port_is_exit_6_quickly_with_a_hint() {
    let env = offline();
    let done = env
        .orca(["status", "x"])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 6, "{done}");
    done.clean_error()
        .stderr_has("cannot reach Temporal at 127.0.0.1:")
        .stderr_has("hint: is a server running? try: orca dev");
    assert!(
        done.elapsed < Duration::from_secs(8),
        "took {:?}",
        done.elapsed
    );
}

/// Each broken file is refused with the problem in words and where it is:
/// one test per file, so the first failure hides none of the rest.
mod pipelines_validate_catalogue_of_broken_files {
    use super::offline;

    /// `orca pipelines validate NAME.toml` of a pipeline `name = "x"` plus
    /// `body`: exit 2, `expected` and the file's path in the message.
    macro_rules! broken {
        ($test:ident, $body:expr, $expected:expr $(,)?) => {
            #[test]
            fn $test() {
                refused(stringify!($test), $body, $expected);
            }
        };
    }

    #[track_caller]
    fn refused(name: &str, body: &str, expected: &str) {
        let env = offline();
        let path = env.write(&format!("{name}.toml"), &format!("name = \"x\"\n{body}"));
        let done = env.orca(["pipelines", "validate"]).arg(&path).code(2);
        assert!(
            done.stderr.contains(expected),
            "{name}: expected {expected:?}\n{done}"
        );
        assert!(
            done.stderr.contains(&format!("{}:", path.display())),
            "{name}: no location\n{done}"
        );
        assert!(!done.stderr.contains("panicked"), "{name}\n{done}");
    }

    broken!(
        bad_duration,
        "[[steps]]\nid = \"a\"\nkind = \"sleep\"\nduration = \"soon\"\n",
        "`soon` is not a duration",
    );
    broken!(
        unknown_kind,
        "[[steps]]\nid = \"a\"\nkind = \"teleport\"\n",
        "unknown variant `teleport`",
    );
    broken!(
        unknown_step_ref,
        "[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"{{ steps.b.output }}\"\n",
        "`steps.b`, which is not an earlier step",
    );
    broken!(
        unknown_input,
        "[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"{{ input.who }}\"\n",
        "`input.who`, which the pipeline does not declare",
    );
    broken!(
        unknown_filter,
        "[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"{{ run.id | shout }}\"\n",
        "unknown filter",
    );
    broken!(
        bad_template,
        "[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"{{ run.id \"\n",
        "does not parse",
    );
    broken!(
        argv_and_shell,
        "[[steps]]\nid = \"a\"\nkind = \"command\"\nargv = [\"x\"]\nshell = \"x\"\n",
        "either `argv` or `shell`",
    );
    broken!(
        no_id,
        "[[steps]]\nkind = \"agent\"\naction = \"x\"\n",
        "every step needs an `id`",
    );
    broken!(
        gate_in_parallel,
        "[[steps]]\nid = \"p\"\nkind = \"parallel\"\n[[steps.steps]]\nid = \"g\"\nkind = \"approval\"\nprompt = \"?\"\n",
        "must be a top-level step",
    );
    broken!(
        retry_on_sleep,
        "[[steps]]\nid = \"a\"\nkind = \"sleep\"\nduration = \"1s\"\nretry = { attempts = 2 }\n",
        "`retry` applies to command, http and agent steps",
    );
    broken!(
        zero_attempts,
        "[[steps]]\nid = \"a\"\nkind = \"agent\"\naction = \"x\"\nretry = { attempts = 0 }\n",
        "at least 1",
    );
    broken!(
        items_and_count,
        "[[steps]]\nid = \"a\"\nkind = \"foreach\"\ncount = 2\nitems = [1]\n[steps.step]\nkind = \"sleep\"\nduration = \"1s\"\n",
        "either `items` or `count`",
    );
    broken!(
        bad_method,
        "[[steps]]\nid = \"a\"\nkind = \"http\"\nmethod = \"FETCH\"\nurl = \"http://x\"\n",
        "unknown HTTP method `FETCH`",
    );
    broken!(no_steps, "", "missing field `steps`",);
    broken!(not_toml, "[[steps\n", "unclosed array table",);
}

/// A server that takes the connection and never answers: the message names
/// the connect timeout as a person reads it (`1.5s`, not `1s 500ms`).
#[test]
fn a_silent_server_is_reported_with_the_timeout_rounded() {
    let env = offline();
    // Never accepted: the kernel completes the handshake, nobody speaks.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = silent.local_addr().unwrap().to_string();
    let done = env
        .orca(["status", "x", "--connect-timeout", "1500ms"])
        .args(["--address", &address])
        .code(6);
    done.clean_error().stderr_has("no answer within 1.5s");
}
