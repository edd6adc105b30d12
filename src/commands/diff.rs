//! `parallax diff INPUT INPUT...`: ad hoc comparison of files or URLs, no config needed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::EXIT_BAD_INPUT;
use super::GlobalArgs;
use super::compare::emit;
use crate::model::{EngineSettings, OutletFailure};
use crate::pipeline;
use crate::report::{Format, Options};

/// Arguments of `diff`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// Two or more inputs: URLs, .html files or text files; the first is the reference.
    #[arg(required = true, num_args = 2.., value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The outlet id of an input: a URL's host or a file's stem, lowercased, limited to
/// `[a-z0-9_-]`, made unique with `-2`, `-3`, ...
pub fn outlet_ids(inputs: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    inputs
        .iter()
        .map(|input| {
            let raw = match url::Url::parse(input) {
                Ok(url) if url.has_host() => url.host_str().unwrap_or("input").to_string(),
                _ => Path::new(input)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "input".into()),
            };
            let mut base: String = raw
                .to_lowercase()
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                        c
                    } else {
                        '-'
                    }
                })
                .take(56)
                .collect();
            if base.is_empty() {
                base = "input".into();
            }
            let mut id = base.clone();
            let mut n = 2;
            while !seen.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        })
        .collect()
}

/// Runs `diff`.
pub fn run(global: &GlobalArgs, args: &DiffArgs) -> ExitCode {
    let ids = outlet_ids(&args.inputs);
    let mut outlets = Vec::new();
    let mut failures = Vec::new();
    for (input, id) in args.inputs.iter().zip(&ids) {
        let result = pipeline::read_input(input, global.offline);
        match result {
            Ok(article) => outlets.push(pipeline::outlet_entry(id, id, input, article)),
            Err(error) => {
                eprintln!("error: {error}");
                failures.push(OutletFailure {
                    id: id.clone(),
                    url: input.clone(),
                    error,
                });
            }
        }
    }
    if outlets.len() < 2 || failures.iter().any(|f| f.id == ids[0]) {
        eprintln!("diff needs the first input and at least one other to be readable");
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let comparison = crate::align::compare(
        "diff",
        outlets,
        &ids[0],
        failures,
        &EngineSettings::default(),
    );
    emit(
        &comparison,
        args.format,
        Options::default(),
        args.output.as_deref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_stems_and_hosts_and_are_unique() {
        let inputs = [
            "a/Vision Times.html",
            "https://www.example.com/x",
            "b/vision times.txt",
        ]
        .map(String::from);
        assert_eq!(
            outlet_ids(&inputs),
            ["vision-times", "www-example-com", "vision-times-2"]
        );
    }
}
