//! The on-disk store of fetched pages and extracted articles (`cache/`).
