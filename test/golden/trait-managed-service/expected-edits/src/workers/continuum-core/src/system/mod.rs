//! The `system` module (generated module list of generator-continuum).

pub mod pressure;
pub mod supervisor;
pub mod traits;
