//! The terminal's lifecycle: raw mode and the alternate screen on entry, restored on every way
//! out (normal quit, error return through [`Session`]'s `Drop`, panic through the hook that
//! `ratatui::try_init` installs, SIGTERM through the event loop), mouse capture only when asked
//! (it takes the terminal's own text selection away) and undone with the rest, suspension on
//! Ctrl-Z with a full redraw on resume, and every frame wrapped in synchronized output so that
//! terminals that support it never show half a frame.

use std::io::{self, Write};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    BeginSynchronizedUpdate, Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen,
    LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal};

/// The terminal while the interface owns it; restores it when dropped.
pub struct Session {
    /// The ratatui terminal.
    pub terminal: DefaultTerminal,
    mouse: bool,
}

impl Session {
    /// Enters raw mode and the alternate screen (and mouse capture when `mouse`), installing a
    /// panic hook that restores the terminal before the panic message is printed.
    pub fn enter(mouse: bool) -> io::Result<Session> {
        let terminal = ratatui::try_init()?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if mouse {
                let _ = execute!(io::stdout(), DisableMouseCapture);
            }
            // `previous` is ratatui's hook: it leaves raw mode and the alternate screen, then
            // calls the hook before it, which prints the message.
            previous(info);
        }));
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(Session { terminal, mouse })
    }

    /// Draws one frame inside a synchronized update.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame<'_>)) -> io::Result<()> {
        execute!(io::stdout(), BeginSynchronizedUpdate)?;
        let drawn = self.terminal.draw(render).map(|_| ());
        execute!(io::stdout(), EndSynchronizedUpdate)?;
        drawn
    }

    /// Restores the terminal, stops the process (as Ctrl-Z does in a shell), and takes the
    /// terminal back when the shell resumes it (`fg`); the next draw repaints everything.
    pub fn suspend(&mut self) -> io::Result<()> {
        self.leave();
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, Clear(ClearType::All))?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        // A fresh terminal has empty buffers, so the next draw repaints every cell. (Not
        // `Terminal::clear`: it asks the terminal for the cursor position, and the answer would
        // race with the input thread's reads.)
        self.terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(())
    }

    /// Writes raw bytes to the terminal (OSC 52 clipboard), outside any frame.
    pub fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()
    }

    fn leave(&mut self) {
        if self.mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        let _ = self.terminal.show_cursor();
        let _ = disable_raw_mode();
        let _ = execute!(io::stdout(), LeaveAlternateScreen);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.leave();
    }
}
