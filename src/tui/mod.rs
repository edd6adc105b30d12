//! The terminal interface: side by side, claims matrix, summary and reader views.
