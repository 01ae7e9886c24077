//! The `system` module (generated module list of generator-continuum).

pub mod traits;
