//! The interactive runner: a pure state machine ([`machine`]) and the loop that performs its
//! effects on the terminal, the daemon and the progress file ([`driver`]), fed by the input
//! thread ([`input`]) and the daemon watcher ([`watch`]).

mod driver;
mod input;
pub mod machine;
mod screen;
mod term;
mod watch;

pub use driver::start;
