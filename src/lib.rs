//! docktutor: Docker lessons in the terminal, verified against the real daemon.
//!
//! The pure core (`lesson`, `render`, `check`, `session::machine`) is kept apart from I/O
//! (`docker`, `session` driver, `progress`, `app`).

pub mod app;
pub mod author;
pub mod catalog;
pub mod check;
mod check_cmd;
pub mod cli;
pub mod diag;
pub mod docker;
pub mod failure;
pub mod lesson;
pub mod output;
pub mod prepare;
pub mod progress;
pub mod render;
pub mod selftest;
mod selftest_cmd;
pub mod session;
pub mod verify;

pub use app::run;
