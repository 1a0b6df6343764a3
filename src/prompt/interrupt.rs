//! Ctrl-C at a prompt. The terminal is in raw mode, so the keypress is read
//! as a byte and `console` restores the mode before raising SIGINT itself;
//! but a select or a confirm has hidden the cursor, and dying of the signal
//! would leave it hidden in the person's shell. While a prompt is up, a
//! handler shows the cursor, says what happened, then lets the signal end
//! the process as it would have (the shell sees status 130). Once the
//! prompt is gone the earlier handler is back, so a command that goes on
//! (`watch` after its picker) handles Ctrl-C its own way.

use std::sync::atomic::{AtomicU8, Ordering};

/// What a cancelled prompt says: nothing happened, in the command's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Note {
    NothingDone = 0,
    /// approve, reject, request-changes, delegate.
    NothingDecided = 1,
}

impl Note {
    pub fn text(self) -> &'static str {
        match self {
            Note::NothingDone => "cancelled; nothing was done",
            Note::NothingDecided => "cancelled; nothing was decided",
        }
    }

    fn from_u8(value: u8) -> Note {
        match value {
            1 => Note::NothingDecided,
            _ => Note::NothingDone,
        }
    }
}

/// The command's note: an atomic, so the signal handler may read it.
static NOTE: AtomicU8 = AtomicU8::new(Note::NothingDone as u8);

/// The note a cancelled prompt prints (Esc, Ctrl-C, end of input).
pub fn note() -> Note {
    Note::from_u8(NOTE.load(Ordering::Relaxed))
}

/// Says `note` instead of the default when a prompt is cancelled.
pub fn set_note(note: Note) {
    NOTE.store(note as u8, Ordering::Relaxed);
}

/// The handler, for as long as the guard lives.
pub struct Guard {
    earlier: libc::sigaction,
}

impl Guard {
    pub fn install() -> Guard {
        // SAFETY: plain sigaction calls; the handler only calls
        // async-signal-safe functions (write, signal, raise) and reads an
        // atomic.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_interrupt as extern "C" fn(libc::c_int) as libc::sighandler_t;
            libc::sigemptyset(&mut action.sa_mask);
            let mut earlier: libc::sigaction = std::mem::zeroed();
            libc::sigaction(libc::SIGINT, &action, &mut earlier);
            Guard { earlier }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        // SAFETY: puts back the action saved by `install`.
        unsafe { libc::sigaction(libc::SIGINT, &self.earlier, std::ptr::null_mut()) };
    }
}

extern "C" fn on_interrupt(signal: libc::c_int) {
    // Show the cursor and end the prompt's line; then the note.
    const RESTORE: &[u8] = b"\x1b[?25h\n";
    let text = note().text();
    // SAFETY: async-signal-safe calls only; the default action is restored
    // before the signal is raised again, so it ends the process.
    unsafe {
        libc::write(libc::STDERR_FILENO, RESTORE.as_ptr().cast(), RESTORE.len());
        libc::write(libc::STDERR_FILENO, text.as_ptr().cast(), text.len());
        libc::write(libc::STDERR_FILENO, b"\n".as_ptr().cast(), 1);
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
