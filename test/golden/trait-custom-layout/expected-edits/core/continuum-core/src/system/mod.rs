//! The `system` module (generated module list of generator-continuum).

pub mod contracts;
pub mod pressure;
pub mod supervisor;
