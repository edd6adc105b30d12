//! Shared helpers of the integration tests.

pub mod http_server;
