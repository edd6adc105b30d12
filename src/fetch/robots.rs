//! robots.txt (RFC 9309): which paths of a host parallax may fetch.
//!
//! The group for parallax's product token is used when present, else the `*` group. Rules match
//! path prefixes with `*` wildcards and a `$` end anchor; the longest matching rule wins and
//! `Allow` wins a tie.

/// The rules of one host for parallax.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    allow: bool,
    pattern: String,
}

impl Robots {
    /// A host that allows everything (robots.txt absent, 4xx, or ignored).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// A host that allows nothing (robots.txt unreachable, as RFC 9309 asks).
    pub fn disallow_all() -> Robots {
        Robots {
            rules: vec![Rule {
                allow: false,
                pattern: "/".into(),
            }],
        }
    }

    /// Parses robots.txt text for the crawler whose product token is `agent` (e.g. `parallax`).
    pub fn parse(text: &str, agent: &str) -> Robots {
        let agent = agent.to_ascii_lowercase();
        let mut specific = Vec::new();
        let mut general = Vec::new();
        // The agents of the group being read, and whether its rules have begun.
        let mut agents: Vec<String> = Vec::new();
        let mut in_rules = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if in_rules {
                        agents.clear();
                        in_rules = false;
                    }
                    agents.push(value.to_ascii_lowercase());
                }
                "allow" | "disallow" => {
                    in_rules = true;
                    if value.is_empty() {
                        continue;
                    }
                    let rule = Rule {
                        allow: key == "allow",
                        pattern: value.to_string(),
                    };
                    if agents.contains(&agent) {
                        specific.push(rule.clone());
                    }
                    if agents.iter().any(|a| a == "*") {
                        general.push(rule);
                    }
                }
                _ => {}
            }
        }
        let names_agent = text.lines().any(|line| {
            let line = line.split('#').next().unwrap_or("").trim();
            line.split_once(':').is_some_and(|(key, value)| {
                key.trim().eq_ignore_ascii_case("user-agent")
                    && value.trim().eq_ignore_ascii_case(&agent)
            })
        });
        Robots {
            rules: if names_agent { specific } else { general },
        }
    }

    /// Whether `path` (path and query of a URL) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if pattern_matches(&rule.pattern, path) {
                let len = rule.pattern.len();
                let better = match best {
                    None => true,
                    Some((best_len, best_allow)) => {
                        len > best_len || (len == best_len && rule.allow && !best_allow)
                    }
                };
                if better {
                    best = Some((len, rule.allow));
                }
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Whether a robots.txt pattern matches the start of `path` (`*` any run, `$` the end).
fn pattern_matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let pieces: Vec<&str> = pattern.split('*').collect();
    let mut rest = path;
    for (i, piece) in pieces.iter().enumerate() {
        if i == 0 {
            let Some(after) = rest.strip_prefix(piece) else {
                return false;
            };
            rest = after;
        } else if i == pieces.len() - 1 && anchored {
            return rest.ends_with(piece);
        } else {
            match rest.find(piece) {
                Some(at) => rest = &rest[at + piece.len()..],
                None => return false,
            }
        }
    }
    !anchored || rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROBOTS: &str = "\
User-agent: *
Disallow: /private
Allow: /private/open

User-agent: badbot
User-agent: parallax # us
Disallow: /news/embargoed
Disallow: /*.pdf$
";

    #[test]
    fn our_own_group_wins_over_the_star_group() {
        let robots = Robots::parse(ROBOTS, "parallax");
        assert!(!robots.allows("/news/embargoed/story"));
        assert!(!robots.allows("/files/report.pdf"));
        assert!(robots.allows("/files/report.pdf?x=1"));
        assert!(robots.allows("/private/page"));
    }

    #[test]
    fn the_star_group_applies_otherwise_and_longest_rule_wins() {
        let robots = Robots::parse(ROBOTS, "otherbot");
        assert!(!robots.allows("/private/page"));
        assert!(robots.allows("/private/open/page"));
        assert!(robots.allows("/news/embargoed/story"));
    }

    #[test]
    fn empty_disallow_allows_everything_and_garbage_is_ignored() {
        let robots = Robots::parse(
            "User-agent: *\nDisallow:\n\u{1b}[31m nonsense\n",
            "parallax",
        );
        assert!(robots.allows("/anything"));
        assert!(!Robots::disallow_all().allows("/"));
        assert!(Robots::allow_all().allows("/"));
    }

    #[test]
    fn wildcards_match_inside_paths() {
        assert!(pattern_matches("/a/*/c", "/a/b/c/d"));
        assert!(!pattern_matches("/a/*/c$", "/a/b/c/d"));
        assert!(pattern_matches("/a/*/c$", "/a/b/c"));
        assert!(pattern_matches("/*", "/x"));
        assert!(pattern_matches("/x$", "/x"));
        assert!(!pattern_matches("/x$", "/xy"));
    }
}
