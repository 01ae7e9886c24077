//! The `system::traits` module (generated module list of generator-continuum).

pub mod managed_service;

pub use managed_service::*;
