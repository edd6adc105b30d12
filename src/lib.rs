//! parallax: read several news outlets' coverage of one story side by side.
//!
//! The library holds every part; the binary (`src/main.rs`) only parses the command line and
//! dispatches to [`commands`]. Data flows one way:
//! [`config`] → [`fetch`] → [`cache`] → [`extract`] → [`text`] → [`align`] → [`model::Comparison`]
//! → [`tui`] / [`report`], driven for one story by [`pipeline`].
#![warn(missing_docs)]

pub mod add;
pub mod align;
pub mod cache;
pub mod commands;
pub mod config;
pub mod discover;
pub mod extract;
pub mod fetch;
pub mod framing;
pub mod local_file;
pub mod model;
pub mod pipeline;
pub mod provenance;
pub mod report;
pub mod text;
pub mod tui;
