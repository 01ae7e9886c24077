//! The `system::traits` module (generated module list of generator-continuum).

pub mod cache_control;

pub use cache_control::*;
