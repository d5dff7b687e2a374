//! docktutor: Docker lessons in the terminal, verified against the real daemon.
pub mod catalog;
pub mod check;
pub mod diag;
pub mod docker;
pub mod lesson;
pub mod progress;
