//! The evidence every export carries so that a finding can be reproduced and cited: the parallax
//! version, the settings that decided the statuses, and for each article its URL, fetch time and
//! the sha256 of the page it was computed from.

use crate::model::{Comparison, EngineSettings};

/// What a comparison was computed from and with.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence<'a> {
    /// The parallax version that computed the comparison (`unknown` when not recorded).
    pub parallax_version: &'a str,
    /// The JSON contract's version ([`crate::model::FORMAT_VERSION`] when written).
    pub format_version: u32,
    /// The settings that decided the statuses, as `(name, value)` pairs sorted by name.
    pub settings: Vec<(String, String)>,
    /// One entry per compared outlet, in the comparison's order.
    pub articles: Vec<ArticleEvidence<'a>>,
}

/// Where one outlet's article came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleEvidence<'a> {
    /// Outlet id.
    pub outlet: &'a str,
    /// The article's URL or local path.
    pub url: &'a str,
    /// When the page was fetched (RFC 3339); None for local files.
    pub fetched_at: Option<&'a str>,
    /// sha256 (hex) of the raw page; None when not recorded.
    pub sha256: Option<&'a str>,
}

impl<'a> Evidence<'a> {
    /// Collects the evidence of a comparison.
    pub fn of(comparison: &'a Comparison) -> Self {
        Evidence {
            parallax_version: parallax_version(comparison),
            format_version: comparison.version,
            settings: settings_pairs(&comparison.settings),
            articles: comparison
                .outlets
                .iter()
                .map(|o| ArticleEvidence {
                    outlet: &o.id,
                    url: &o.url,
                    fetched_at: o.fetched_at.as_deref(),
                    sha256: o.sha256.as_deref(),
                })
                .collect(),
        }
    }

    /// The settings on one line: `claim_match=0.35; paragraph_match=0.2; ...`.
    pub fn settings_line(&self) -> String {
        self.settings
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The recorded parallax version, or `unknown` for a comparison that lacks one.
pub fn parallax_version(comparison: &Comparison) -> &str {
    if comparison.parallax_version.is_empty() {
        "unknown"
    } else {
        &comparison.parallax_version
    }
}

/// The settings as `(name, value)` pairs sorted by name, taken from their serialised form so that
/// a setting added to [`EngineSettings`] shows up in every export without touching the writers.
/// (Sorted explicitly: serde_json's map order depends on a feature another crate may switch on.)
pub fn settings_pairs(settings: &EngineSettings) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = match serde_json::to_value(settings) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .map(|(name, value)| {
                let value = match value {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                };
                (name, value)
            })
            .collect(),
        _ => Vec::new(),
    };
    pairs.sort();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_pairs_name_every_setting_sorted() {
        let settings = EngineSettings::default();
        let pairs = settings_pairs(&settings);
        let names: Vec<&str> = pairs.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.is_sorted(), "{names:?}");
        for name in ["claim_match", "diff_deadline_ms", "paragraph_match"] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
        let fields = serde_json::to_value(&settings).unwrap();
        assert_eq!(pairs.len(), fields.as_object().unwrap().len());
        assert_eq!(
            pairs[0],
            ("claim_match".into(), settings.claim_match.to_string())
        );
    }
}
