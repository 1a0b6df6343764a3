//! Prompts and pickers at a real terminal: every way out leaves the cursor
//! shown and says what happened; picker rows line up and fit the width;
//! coloured tables line up as plain ones do.

use crate::common::*;

/// Shows the cursor again (DECTCEM).
const CURSOR_SHOWN: &str = "\x1b[?25h";

fn gate(env: &Env, name: &str, prompt: &str) -> String {
    env.pipeline(
        name,
        &format!(
            "name = \"{name}\"\n[[steps]]\nid = \"gate\"\nkind = \"approval\"\nprompt = \"{prompt}\"\n"
        ),
    )
}

/// A run of a pipeline of its own waiting at its gate, in the inbox.
fn waiting(env: &Env, name: &str, prompt: &str, id: &str) -> String {
    let file = gate(env, name, prompt);
    let id = env.start(&[&file, "--id", id]);
    env.wait_phase(&id, "awaiting_approval");
    env.wait_in_inbox(name, &id);
    id
}

/// What the session printed after `key` was pressed at the picker, until
/// orca ended; and how it ended.
fn leave_picker(env: &Env, name: &str, key: &str) -> (String, i32) {
    let mut session = on_terminal(env, &["approve", "--pipeline", name]);
    session.exp_string("Which run do you approve?").unwrap();
    session.exp_string(name).unwrap();
    session.send(key).unwrap();
    session.flush().unwrap();
    let rest = session.exp_eof().unwrap();
    (rest, exit_code(&session))
}

#[test]
fn esc_in_the_picker_shows_the_cursor_and_says_nothing_was_decided() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("esc-{}", env.task_queue);
    let id = waiting(&env, &name, "Ship it?", &format!("{name}-run"));
    let (rest, code) = leave_picker(&env, &name, "\x1b");
    assert!(rest.contains(CURSOR_SHOWN), "cursor hidden: {rest:?}");
    assert!(rest.contains("cancelled; nothing was decided"), "{rest:?}");
    assert_eq!(code, 130);
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");
}

#[test]
fn ctrl_c_in_the_picker_shows_the_cursor_and_says_nothing_was_decided() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("ctrlc-{}", env.task_queue);
    let id = waiting(&env, &name, "Ship it?", &format!("{name}-run"));
    let (rest, code) = leave_picker(&env, &name, "\x03");
    assert!(rest.contains(CURSOR_SHOWN), "cursor hidden: {rest:?}");
    assert!(rest.contains("cancelled; nothing was decided"), "{rest:?}");
    assert_eq!(code, 130);
    assert_eq!(env.status(&id)["phase"], "awaiting_approval");
}

/// `orca terminate ID` at its y/n question, left with `key`.
fn leave_confirm(env: &Env, key: &str) -> (String, String, i32) {
    let id = env.start(&["sample", "--input", "task=keep"]);
    env.wait_phase(&id, "awaiting_approval");
    let mut session = on_terminal(env, &["terminate", &id]);
    session.exp_string(&format!("Terminate {id}?")).unwrap();
    session.send(key).unwrap();
    session.flush().unwrap();
    let rest = session.exp_eof().unwrap();
    (id, rest, exit_code(&session))
}

#[test]
fn ctrl_c_at_a_confirmation_shows_the_cursor_and_terminates_nothing() {
    let env = Env::new();
    let _worker = env.worker();
    let (id, rest, code) = leave_confirm(&env, "\x03");
    assert!(rest.contains(CURSOR_SHOWN), "cursor hidden: {rest:?}");
    assert!(rest.contains("cancelled; nothing was done"), "{rest:?}");
    assert_eq!(code, 130);
    assert_eq!(env.status(&id)["temporal_status"], "running");
}

#[test]
fn esc_at_a_confirmation_shows_the_cursor_and_terminates_nothing() {
    let env = Env::new();
    let _worker = env.worker();
    let (id, rest, code) = leave_confirm(&env, "\x1b");
    assert!(rest.contains(CURSOR_SHOWN), "cursor hidden: {rest:?}");
    assert!(rest.contains("cancelled; nothing was done"), "{rest:?}");
    assert_eq!(code, 130);
    assert_eq!(env.status(&id)["temporal_status"], "running");
}

#[test]
fn answering_no_says_nothing_was_done_and_exits_0() {
    let env = Env::new();
    let _worker = env.worker();
    let (id, rest, code) = leave_confirm(&env, "n");
    assert!(rest.contains("answered no; nothing was done"), "{rest:?}");
    assert_eq!(code, 0);
    assert_eq!(env.status(&id)["temporal_status"], "running");
}

/// The picker's row for `id`, as the person sees it.
fn picker_row(screen: &str, id: &str) -> String {
    let text = plain_text(screen);
    let row = text.lines().find(|l| l.contains(&format!("{id} ")));
    row.unwrap_or_else(|| panic!("no row for {id} in {text:?}"))
        .to_string()
}

#[test]
fn picker_rows_line_up_whatever_the_id_lengths() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("cols-{}", env.task_queue);
    let file = gate(&env, &name, "Same prompt?");
    let short = env.start(&[&file, "--id", &format!("{name}-a")]);
    let long = env.start(&[&file, "--id", &format!("{name}-a-much-longer-id")]);
    for id in [&short, &long] {
        env.wait_phase(id, "awaiting_approval");
        env.wait_in_inbox(&name, id);
    }
    let mut session = on_terminal_sized(&env, 120, &["approve", "--pipeline", &name]);
    session.exp_string("Which run do you approve?").unwrap();
    let screen = session.exp_string("Same prompt?").unwrap();
    let screen = screen + &session.exp_string("Same prompt?").unwrap();
    session.send("\x1b").unwrap();
    session.flush().unwrap();
    session.exp_eof().unwrap();
    // The pipeline column (the name is also the start of each ID).
    let at = |row: String| row[..row.rfind(&name).unwrap()].chars().count();
    let rows = [picker_row(&screen, &short), picker_row(&screen, &long)];
    assert_eq!(at(rows[0].clone()), at(rows[1].clone()), "{rows:#?}");
}

#[test]
fn a_long_prompt_is_cut_to_the_width_of_the_terminal() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("wide-{}", env.task_queue);
    let prompt = format!("Deploy {} now?", "every service ".repeat(20));
    waiting(&env, &name, &prompt, &format!("{name}-run"));
    let mut session = on_terminal_sized(&env, 80, &["approve", "--pipeline", &name]);
    session.exp_string("Which run do you approve?").unwrap();
    let screen = session.exp_string("Deploy every service").unwrap();
    let screen = screen + &session.exp_string("\n").unwrap();
    session.send("\x1b").unwrap();
    session.flush().unwrap();
    session.exp_eof().unwrap();
    let row = picker_row(&screen, &name);
    assert!(row.ends_with('…'), "not cut: {row:?}");
    assert!(row.chars().count() < 80, "row wraps: {row:?}");
}

/// Where each header word of a table starts, by display column.
fn header_starts(header: &str) -> Vec<usize> {
    let chars: Vec<char> = header.chars().collect();
    (0..chars.len())
        .filter(|&i| chars[i] != ' ' && (i == 0 || chars[i - 1] == ' '))
        .collect()
}

/// Every row of `table` has a cell starting where each header word does
/// (the first `columns` columns, which are never empty).
fn assert_columns_line_up(table: &str, header: &str, columns: usize) {
    let text = plain_text(table);
    let mut lines = text.lines().skip_while(|l| !l.contains(header));
    let head = lines
        .next()
        .unwrap_or_else(|| panic!("no header in {text:?}"));
    let starts = &header_starts(head)[..columns];
    for row in lines.filter(|l| !l.trim().is_empty()) {
        let chars: Vec<char> = row.chars().collect();
        for &at in starts {
            let starts_here = chars.get(at).is_some_and(|c| *c != ' ')
                && chars.get(at.wrapping_sub(1)).is_none_or(|c| *c == ' ');
            assert!(starts_here, "column at {at} drifts in {row:?}\n{text}");
        }
    }
}

#[test]
fn a_coloured_list_has_its_columns_where_the_header_says() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("colour-list-{}", env.task_queue);
    waiting(&env, &name, "Colour?", &format!("{name}-run"));
    let mut session = on_terminal_sized(
        &env,
        120,
        &["list", "--pipeline", &name, "--color", "always"],
    );
    let table = session.exp_eof().unwrap();
    assert!(
        table.contains("\x1b["),
        "not coloured on a terminal: {table:?}"
    );
    assert_columns_line_up(&table, "PIPELINE", 4);
}

#[test]
fn a_coloured_inbox_list_has_its_columns_where_the_header_says() {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("colour-gates-{}", env.task_queue);
    waiting(&env, &name, "Colour?", &format!("{name}-run"));
    let args = [
        "list",
        "--awaiting-approval",
        "--pipeline",
        &name,
        "--color",
        "always",
    ];
    let mut session = on_terminal_sized(&env, 120, &args);
    let table = session.exp_eof().unwrap();
    assert!(
        table.contains("\x1b["),
        "not coloured on a terminal: {table:?}"
    );
    assert_columns_line_up(&table, "PIPELINE", 3);
}

#[test]
fn a_coloured_step_table_has_its_columns_where_the_header_says() {
    let env = Env::new();
    let _worker = env.worker();
    let id = env.start(&["sample", "--input", "task=colour"]);
    env.wait_phase(&id, "awaiting_approval");
    let mut session = on_terminal_sized(&env, 120, &["status", &id, "--color", "always"]);
    let card = session.exp_eof().unwrap();
    assert!(
        card.contains("\x1b["),
        "not coloured on a terminal: {card:?}"
    );
    assert_columns_line_up(&card, "ATTEMPTS", 3);
}

/// `orca VERB --pipeline NAME` with no ID on a terminal: the runs of that
/// pipeline are offered, and Enter shows the one picked.
fn picked(verb: &str, shows: &str) {
    let env = Env::new();
    let _worker = env.worker();
    let name = format!("recent-{verb}-{}", env.task_queue);
    let id = waiting(&env, &name, "Look?", &format!("{name}-run"));
    let mut session = on_terminal_sized(&env, 120, &[verb, "--pipeline", &name]);
    session.exp_string(&format!("Which run's {verb}?")).unwrap();
    session.exp_string(&id).unwrap();
    session.send_line("").unwrap();
    session.exp_string(shows).unwrap();
    assert_eq!(exit_code(&session), 0);
}

#[test]
fn status_without_an_id_offers_the_recent_runs() {
    picked("status", "Look? (step gate)");
}

#[test]
fn history_without_an_id_offers_the_recent_runs() {
    picked("history", "approval_requested");
}

#[test]
fn a_coloured_schedule_list_has_its_columns_where_the_header_says() {
    let env = Env::new();
    let name = format!("colour-{}", env.task_queue);
    env.orca(["schedule", "create", &name, "sample", "--input", "task=x"])
        .args(["--every", "1h", "--paused"])
        .ok();
    eventually(
        std::time::Duration::from_secs(30),
        "the schedule listed",
        || env.orca(["schedule", "list"]).ok().stdout.contains(&name),
    );
    let args = ["schedule", "list", "--color", "always"];
    let mut session = on_terminal_sized(&env, 160, &args);
    let table = session.exp_eof().unwrap();
    env.orca(["schedule", "delete", &name, "--yes"]).ok();
    assert!(
        table.contains("\x1b["),
        "not coloured on a terminal: {table:?}"
    );
    assert_columns_line_up(&table, "PIPELINE", 4);
}
