//! Where a report goes (`-o FILE`, the TUI's `e`, else stdout), without destroying what was
//! there: only a previous parallax report (or an empty file) is replaced unless forced; a
//! FIFO, `/dev/stdout` or a device is written through, never replaced; a symbolic or hard link
//! is written through so every name sees the report; a plain file is replaced atomically and
//! keeps its permissions.

use std::io::{self, Write};
use std::path::Path;

use crate::cache::write_atomic_with_permissions;
use crate::report::recognise::is_report;

/// Writes `bytes` to `path` as [`write_output_with`] does without `force`, or to stdout when
/// `path` is None.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> io::Result<()> {
    write_output_with(path, bytes, false)
}

/// Writes `bytes` to `path`, or to stdout when `path` is None. An existing regular file is
/// replaced only when it is empty, a parallax report, or `force` is set; a folder or a broken
/// link is refused.
pub fn write_output_with(path: Option<&Path>, bytes: &[u8], force: bool) -> io::Result<()> {
    let Some(path) = path else {
        let mut stdout = io::stdout().lock();
        stdout.write_all(bytes)?;
        return stdout.flush();
    };
    let link = match std::fs::symlink_metadata(path) {
        Ok(link) => link,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            return write_atomic_with_permissions(path, bytes, None);
        }
        Err(err) => return Err(err),
    };
    let target = std::fs::metadata(path).map_err(|err| {
        io::Error::new(err.kind(), format!("is a link to nothing readable ({err})"))
    })?;
    if target.is_dir() {
        return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a folder"));
    }
    if !target.is_file() {
        // A FIFO, process substitution, `/dev/stdout` or a device: write into it.
        return write_through(path, bytes);
    }
    if !force && target.len() > 0 && !is_report(path) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "exists and is not a parallax report",
        ));
    }
    if link.file_type().is_symlink() || link_count(&target) > 1 {
        write_through(path, bytes)
    } else {
        write_atomic_with_permissions(path, bytes, Some(target.permissions()))
    }
}

/// Opens what `path` names for writing (truncating a file) and writes `bytes` into it.
fn write_through(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// How many names the file has (1 where the platform cannot tell).
fn link_count(meta: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::nlink(meta)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}
