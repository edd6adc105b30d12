//! Drives the interface's background work in a test as the event loop does: each command
//! started, each message fed back to `update`, until the app is no longer busy.
#![allow(dead_code)]

use std::sync::mpsc::Receiver;
use std::time::Duration;

use parallax::tui::app::App;
use parallax::tui::effects::Background;
use parallax::tui::message::{Command, Message};
use parallax::tui::update::update;

/// Does `commands` (loads and additions; any other is a test failure), then feeds every
/// message from `receiver` back to `app` until its background work is done.
pub fn run_to_idle(
    app: &mut App,
    background: &mut Background,
    receiver: &Receiver<Message>,
    commands: Vec<Command>,
) {
    let mut pending = commands;
    loop {
        for command in pending.drain(..) {
            match command {
                Command::Load {
                    generation,
                    reference,
                    refresh,
                } => background.load(generation, reference, refresh),
                Command::AddArticle { generation, url } => background.add(generation, url),
                other => panic!("unexpected command {other:?}"),
            }
        }
        if app.busy.is_none() {
            return;
        }
        let message = receiver
            .recv_timeout(Duration::from_secs(60))
            .expect("the background work answers");
        background.follow(&message);
        pending = update(app, message);
    }
}
