//! `parallax discover`: the outlets' feeds read, their items clustered into candidate stories.

pub mod candidates;
pub mod cluster;
pub mod feed;
pub mod fetching;
pub mod likeness;
pub mod linkage;
pub mod report;
