//! Service modules: ServiceModule implementations, one per domain.
//!
//! Hand-written modules are listed here in the order they were added (the
//! host's list is not sorted); each is also registered at start-up in
//! `ipc/mod.rs`.

pub mod gpu;
pub mod health;
pub mod system_resources;
