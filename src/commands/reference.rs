//! Which outlet `--reference` names: an outlet id of the story, or its name (either written
//! in any case) when only one outlet answers to it.

use crate::config::Config;

/// The id of the outlet among `candidates` (outlet ids) that `asked` names; `Err` says why
/// not, listing the known ids with their names.
pub fn resolve_reference(
    config: &Config,
    candidates: &[&str],
    asked: &str,
    place: &str,
) -> Result<String, String> {
    if candidates.contains(&asked) {
        return Ok(asked.to_string());
    }
    let name_of = |id: &str| config.outlet(id).map_or("", |o| o.name.as_str());
    let wanted = asked.trim().to_lowercase();
    let mut found: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|id| id.to_lowercase() == wanted || name_of(id).to_lowercase() == wanted)
        .collect();
    found.dedup();
    let known: Vec<String> = candidates
        .iter()
        .map(|id| format!("{id} ({})", name_of(id)))
        .collect();
    match found.as_slice() {
        [one] => Ok(one.to_string()),
        [] => Err(format!(
            "--reference {asked:?}: no such outlet in {place}; known outlets: {}",
            known.join(", ")
        )),
        several => Err(format!(
            "--reference {asked:?}: several outlets in {place} answer to it ({}); name one by id",
            several.join(", ")
        )),
    }
}
