//! Shared helpers of the integration tests.

pub mod background;
pub mod binary;
pub mod cache_versions;
pub mod fetch_limits;
pub mod http_server;
pub mod sentence_pairs;
