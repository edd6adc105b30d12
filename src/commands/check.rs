//! `parallax check`: validate sources.toml.

use std::process::ExitCode;

use super::{EXIT_OK, GlobalArgs};

/// Validates the config; prints a one-line summary or every problem (exit 2).
pub fn run(global: &GlobalArgs) -> ExitCode {
    match global.load_config() {
        Ok(config) => {
            let articles: usize = config.stories.iter().map(|s| s.articles.len()).sum();
            println!(
                "{}: ok ({} outlets, {} stories, {} articles)",
                config.path.display(),
                config.outlets.len(),
                config.stories.len(),
                articles
            );
            if !config.compare.lexicon.is_empty() {
                println!(
                    "lexicon {}: ok ({})",
                    config.compare.lexicon.join(", "),
                    config.compare.lexicon_words.summary()
                );
            }
            ExitCode::from(EXIT_OK)
        }
        Err(code) => code,
    }
}
