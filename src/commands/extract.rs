//! `parallax extract INPUT`: one article's extraction.

use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{EXIT_BAD_INPUT, EXIT_OK, GlobalArgs};
use crate::model::{Article, Block};
use crate::pipeline;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ExtractFormat {
    /// `{"title", "byline", "published", "paragraphs", "headings"}`.
    #[default]
    Json,
    /// Title, then paragraphs separated by blank lines.
    Text,
}

/// Arguments of `extract`.
#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    /// A URL or a file.
    pub input: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,
}

/// Renders an article as text: title, metadata lines, then paragraphs with the subheadings
/// in place (each block followed by a blank line).
pub fn article_as_text(article: &Article) -> String {
    let mut out = String::new();
    if !article.title.is_empty() {
        out.push_str(&article.title);
        out.push('\n');
    }
    if let Some(byline) = &article.byline {
        out.push_str(&format!("By {byline}\n"));
    }
    if let Some(published) = &article.published {
        out.push_str(&format!("Published {published}\n"));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    for block in article.blocks() {
        match block {
            Block::Heading(heading) => out.push_str(&format!("## {heading}\n\n")),
            Block::Paragraph(paragraph) => {
                out.push_str(paragraph);
                out.push_str("\n\n");
            }
        }
    }
    out
}

/// Runs `extract`.
pub fn run(global: &GlobalArgs, args: &ExtractArgs) -> ExitCode {
    let article = match pipeline::read_input(&args.input, global.offline) {
        Ok(article) => {
            if article.paragraphs.is_empty() {
                say!("warning: {}", pipeline::empty_article_warning(&args.input));
            }
            article
        }
        Err(error) => {
            say!("error: {error}");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let text = match args.format {
        ExtractFormat::Json => {
            let mut json = Vec::new();
            crate::report::json::write_pretty(&article, &mut json).expect("article serialises");
            String::from_utf8(json).expect("JSON is UTF-8")
        }
        ExtractFormat::Text => article_as_text(&article),
    };
    match super::write_output(None, text.as_bytes()) {
        Ok(()) => ExitCode::from(EXIT_OK),
        Err(_) => ExitCode::from(EXIT_OK),
    }
}
