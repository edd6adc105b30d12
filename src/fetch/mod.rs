//! Fetching article pages over HTTP(S): politeness, limits, retries, conditional requests.
