//! The `system::traits` module (generated module list of generator-continuum).

pub mod lifecycle;

pub use lifecycle::*;
