//! `parallax [STORY]`: open a story; prints the Markdown report when stdout is not a terminal.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::compare::{Format, render};
use super::{EXIT_BAD_INPUT, EXIT_OK, GlobalArgs, find_story, write_output};
use crate::pipeline;

/// Runs the default command.
pub fn run(global: &GlobalArgs, story: Option<&str>) -> ExitCode {
    let config = match global.load_config() {
        Ok(config) => config,
        Err(code) => return code,
    };
    let story = match find_story(&config, story) {
        Ok(story) => story,
        Err(code) => return code,
    };
    let loaded = pipeline::load_story(&config, story, &global.load_options(), &mut |_| {});
    let Some(reference) =
        pipeline::choose_reference(None, story.reference.as_deref(), &loaded.outlets)
    else {
        eprintln!("story {:?}: no article could be read", story.id);
        return ExitCode::from(EXIT_BAD_INPUT);
    };
    let comparison = pipeline::compare_loaded(&config, loaded, &reference);
    if std::io::stdout().is_terminal() {
        eprintln!("(the terminal interface is not built yet; printing the report)");
    }
    let _ = write_output(None, &render(&comparison, Format::Md));
    ExitCode::from(EXIT_OK)
}
