//! The `system::traits` module (generated module list of generator-continuum).

pub mod metrics_emitter;

pub use metrics_emitter::*;
