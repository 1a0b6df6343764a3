//! What a person sees at a terminal: help, prompts and pickers, waiting and
//! watching, control answers, reused IDs. Terminal behaviour is tested
//! through a pty, the way a person meets it.

mod control;
mod help;
mod ids;
mod prompts;
mod waiting;
