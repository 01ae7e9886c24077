//! Test fixture mirroring the host crate `continuum-core`.
//!
//! Like the host's lib.rs it declares its top-level modules by hand and has
//! no `system` module: generated code that needs one must declare it.

pub mod gpu;
pub mod ipc;
pub mod modules;
pub mod runtime;
pub mod system;
pub mod system_resources;

pub use ipc::start_server;
