//! What `e` writes: the current view as files in the export directory (`--export-dir`, else
//! `export_dir` of `[settings]`, else the current directory). The reader exports the
//! focused article as Markdown; Sources adds the provenance as text (`parallax provenance`);
//! the other views export the comparison as the Markdown report,
//! the JSON contract and the HTML report, through the report writers (the same bytes `parallax compare` writes).

use std::path::PathBuf;

use crate::report::markdown::{escape_markdown, escape_markdown_line};
use crate::report::{Format, render};

use super::app::{App, View};

/// A file to write: its name and its bytes.
pub type ExportFile = (PathBuf, Vec<u8>);

/// The files exporting `view` writes (empty before anything is loaded).
pub fn export_files(app: &App, view: View) -> Vec<ExportFile> {
    let Some(comparison) = &app.comparison else {
        return Vec::new();
    };
    let stem = format!("parallax-{}-{}", comparison.story, view.slug());
    match view {
        View::Reader => {
            let Some(outlet) = comparison.outlets.get(app.focus) else {
                return Vec::new();
            };
            let mut md = format!("# {}\n\n", escape_markdown(&outlet.title));
            md.push_str(&format!(
                "{} · {}\n\n",
                escape_markdown(&outlet.name),
                escape_markdown(&outlet.url)
            ));
            for paragraph in &outlet.paragraphs {
                md.push_str(&escape_markdown_line(paragraph));
                md.push_str("\n\n");
            }
            vec![(
                app.export_dir.join(format!("{stem}-{}.md", outlet.id)),
                md.into_bytes(),
            )]
        }
        _ => {
            let mut files: Vec<ExportFile> = [Format::Md, Format::Json, Format::Html]
                .into_iter()
                .filter_map(|format| {
                    let bytes = render(comparison, format).ok()?;
                    Some((
                        app.export_dir
                            .join(format!("{stem}.{}", format.extension())),
                        bytes,
                    ))
                })
                .collect();
            if view == View::Sources {
                // The provenance as `parallax provenance` prints it.
                let text = crate::provenance::text::render(comparison, &comparison.provenance);
                files.push((
                    app.export_dir.join(format!("{stem}.txt")),
                    text.into_bytes(),
                ));
            }
            files
        }
    }
}
