//! The `system::traits` module (generated module list of generator-continuum).

pub mod configurable;

pub use configurable::*;
