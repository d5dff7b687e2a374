//! The interactive runner: a pure state machine ([`machine`]) and the small loop that
//! performs its effects on the terminal, the daemon and the progress file ([`driver`]).

mod driver;
pub mod machine;
mod screen;

pub use driver::start;
