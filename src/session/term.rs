//! Put the terminal back as it was, on every way out of a session.

/// Saves the terminal settings of stdin when it is a terminal; restores them on drop.
pub struct TermGuard {
    saved: Option<libc::termios>,
}

impl TermGuard {
    pub fn save() -> TermGuard {
        // SAFETY: tcgetattr only writes into the termios we own; fd 0 is stdin.
        let saved = unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            (libc::isatty(0) == 1 && libc::tcgetattr(0, &mut t) == 0).then_some(t)
        };
        TermGuard { saved }
    }
}

impl Drop for TermGuard {
    fn drop(&mut self) {
        if let Some(t) = &self.saved {
            // SAFETY: restoring settings read from the same descriptor.
            unsafe {
                libc::tcsetattr(0, libc::TCSANOW, t);
            }
        }
        use std::io::IsTerminal;
        if self.saved.is_some() && std::io::stdout().is_terminal() {
            let _ = console::Term::stdout().show_cursor();
        }
    }
}
