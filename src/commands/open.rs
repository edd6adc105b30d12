//! `parallax [STORY]`: open a story; prints the Markdown report when stdout is not a terminal.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::compare::emit;
use super::{EXIT_BAD_INPUT, GlobalArgs, find_story};
use crate::pipeline;
use crate::report::{Format, Options};

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
    emit(&comparison, Format::Md, Options::default(), None)
}
