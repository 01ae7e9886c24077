//! Cross-cutting system code. The generator adds `pub mod traits;`,
//! `pub mod pressure;` and `pub mod supervisor;` here.

pub mod traits;
