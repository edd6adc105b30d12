//! Writers of a [`Comparison`](crate::model::Comparison): one type per format, each writing to
//! any `impl Write`.

pub mod json;
pub mod markdown;
