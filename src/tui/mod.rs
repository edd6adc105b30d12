//! The terminal interface: the story picker, then side by side, claims matrix, summary,
//! reader, sources and framing views.
//!
//! Built the Elm way: the model ([`app::App`]) changes only in [`update::update`], which takes a
//! [`message::Message`] and returns [`message::Command`]s; the [`views`] draw the model and do
//! no I/O; the [`event_loop`] is the one thread that owns the terminal, feeding messages in and
//! doing the commands ([`effects`]), with loading and comparing on background threads.

pub mod app;
pub mod discovered;
pub mod effects;
pub mod event_loop;
pub mod export;
pub mod index;
pub mod keymap;
pub mod layout;
pub mod message;
pub mod picker;
pub mod search;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod views;
