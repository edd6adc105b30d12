//! Reading a local file that may be hostile: an article named in `sources.toml` or on the
//! command line, or a file of the cache. Only regular files are read (a FIFO would block for
//! ever, `/dev/zero` never ends), and never more than a cap, checked before reading (a sparse
//! 2 GB file is refused at once) and while reading (a file that grows).

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Why a local file was not read.
#[derive(Debug, thiserror::Error)]
pub enum LocalFileError {
    /// The file could not be opened or read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// Not a regular file: a folder, a FIFO, a device or a socket.
    #[error("{}: is {kind}, not a regular file", path.display())]
    NotRegular {
        /// The file.
        path: PathBuf,
        /// What it is ("a folder", "a FIFO", ...).
        kind: &'static str,
    },
    /// Larger than the cap.
    #[error("{}: larger than {max} bytes (max_body_bytes)", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The cap.
        max: u64,
    },
}

/// Reads the regular file at `path` (symbolic links followed), at most `max_bytes` long.
pub fn read_regular_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, LocalFileError> {
    let io_error = |source| LocalFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    check_regular(path, &std::fs::metadata(path).map_err(io_error)?, max_bytes)?;
    let file = File::open(path).map_err(io_error)?;
    // And again on the open file, in case the name was swapped in between.
    check_regular(path, &file.metadata().map_err(io_error)?, max_bytes)?;
    let mut bytes = Vec::new();
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > max_bytes {
        return Err(LocalFileError::TooLarge {
            path: path.to_path_buf(),
            max: max_bytes,
        });
    }
    Ok(bytes)
}

fn check_regular(
    path: &Path,
    meta: &std::fs::Metadata,
    max_bytes: u64,
) -> Result<(), LocalFileError> {
    if !meta.is_file() {
        return Err(LocalFileError::NotRegular {
            path: path.to_path_buf(),
            kind: file_kind(meta),
        });
    }
    if meta.len() > max_bytes {
        return Err(LocalFileError::TooLarge {
            path: path.to_path_buf(),
            max: max_bytes,
        });
    }
    Ok(())
}

/// What a non-regular file is, for the message.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read_regular_file(&path, 5).unwrap(), b"12345");
        let err = read_regular_file(&path, 4).unwrap_err();
        assert!(
            matches!(err, LocalFileError::TooLarge { max: 4, .. }),
            "{err}"
        );
    }

    #[test]
    fn devices_and_folders_are_refused_without_reading() {
        let err = read_regular_file(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/dev/zero: is a device, not a regular file"
        );
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular_file(dir.path(), 1 << 20).unwrap_err();
        assert!(
            err.to_string().ends_with("is a folder, not a regular file"),
            "{err}"
        );
    }

    #[test]
    fn a_sparse_file_over_the_cap_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sparse.txt");
        File::create(&path).unwrap().set_len(1 << 40).unwrap();
        let err = read_regular_file(&path, 1 << 20).unwrap_err();
        assert!(matches!(err, LocalFileError::TooLarge { .. }), "{err}");
    }
}
