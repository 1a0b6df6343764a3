//! Every step kind: success and failure paths, retries, timeouts, `if`.
//! `commands`: the `command` kind; `flow`: `if` and `sleep`; `groups`:
//! `parallel` and `foreach`; `http`: the `http` kind.

mod commands;
mod flow;
mod groups;
mod http;
