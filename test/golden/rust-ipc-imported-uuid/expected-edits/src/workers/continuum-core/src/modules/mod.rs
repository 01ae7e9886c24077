//! Service modules. The generator adds one `pub mod <name>;` line per module
//! (for example `pub mod gpu;` for a spec whose `rust.module` is `modules/gpu`).

pub mod gpu_owner;
