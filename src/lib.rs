//! Opsboard: operations and capacity planning for small IT services firms,
//! running entirely in the browser.
//!
//! The crate is a pure core (`model`, `engine`, `command`, `persist`) that
//! builds and tests natively, and a thin browser shell (`storage`, `browser`,
//! `file_access`, `ui`) that exists only in the wasm32 build. See
//! ARCHITECTURE.md.

pub mod command;
pub mod engine;
pub mod model;
pub mod persist;

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod file_access;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
