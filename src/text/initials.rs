//! The initials of a name written out, as its acronym takes them: the capitalised words' alone
//! (`Pratt & Whitney` → `PW`, written `P&W`) or with the lowercase connectors' between them
//! (`Commonwealth Heads of Government Meeting` → `CHOGM`, `Bank of England` → `BoE`). The
//! acronyms a story coins for itself ([`crate::align`]) and the names of a claim's facts
//! ([`crate::text::facts::names`]) read a name's initials this one way.

/// Lowercase words that may stand inside a capitalised name without a capital of their own
/// ("Department of Justice", "Organisation for Economic Co-operation and Development").
pub const CONNECTORS: &[&str] = &["of", "for", "the", "and", "on", "de"];

/// The initials of the words of a name, read word by word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Initials {
    /// The initials of the capitalised words.
    pub capitals: String,
    /// The initials of every word, connectors' too, in capitals.
    pub every: String,
}

impl Initials {
    /// Adds the initial of `word`, as written: a capitalised word's to both readings, a
    /// connector's ([`CONNECTORS`], written in lowercase) to [`Initials::every`] only. Returns
    /// false, and adds nothing, for any other word, which no name runs through.
    pub fn push(&mut self, word: &str) -> bool {
        let Some(initial) = word.chars().next() else {
            return false;
        };
        if initial.is_uppercase() {
            self.capitals.push(initial);
            self.every.push(initial);
        } else if CONNECTORS.contains(&word) {
            self.every.extend(initial.to_uppercase());
        } else {
            return false;
        }
        true
    }

    /// Whether `acronym`, as written, its letters alone and without a possessive (`P&W` is `PW`,
    /// `U.S.` is `US`, `BoE's` is `BoE`), spells these initials: the capitalised words' (`PW`),
    /// or every word's, in capitals (`CHOGM`) or with the connectors' in lowercase (`BoE`). A
    /// word of one capital (`Syria`) spells none.
    pub fn spelled_by(&self, acronym: &str) -> bool {
        let acronym = acronym
            .strip_suffix("'s")
            .or_else(|| acronym.strip_suffix("’s"))
            .unwrap_or(acronym);
        let letters: String = acronym.chars().filter(|c| c.is_alphanumeric()).collect();
        let capitals: String = letters.chars().filter(|c| c.is_uppercase()).collect();
        capitals.chars().count() >= 2
            && (letters == self.capitals
                || letters == self.every
                || (capitals == self.capitals && letters.to_uppercase() == self.every))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn initials(name: &str) -> Initials {
        let mut initials = Initials::default();
        for word in name.split(' ') {
            assert!(initials.push(word), "{word}");
        }
        initials
    }

    #[test]
    fn an_acronym_spells_the_capitals_or_every_word() {
        assert!(initials("Commonwealth Heads of Government Meeting").spelled_by("CHOGM"));
        assert!(initials("Bank of England").spelled_by("BoE"));
        assert!(initials("Bank of England").spelled_by("BOE"));
        assert!(initials("Supreme Court").spelled_by("SC"));
        assert!(initials("Associated Press").spelled_by("AP"));
        assert!(initials("National Cyber Security Centre").spelled_by("NCSC's"));
        assert!(initials("Bank of England").spelled_by("BoE’s"));
        assert!(!initials("Supreme Court").spelled_by("Sc"));
        assert!(!initials("Michael Dell").spelled_by("McDonald"));
        assert!(!initials("Bank of England").spelled_by("BEo"));
    }

    #[test]
    fn a_lowercase_word_other_than_a_connector_ends_a_name() {
        let mut initials = Initials::default();
        assert!(initials.push("Pratt"));
        assert!(!initials.push("whose"));
        assert!(initials.push("Whitney"));
        assert_eq!(initials.capitals, "PW");
        assert!(initials.spelled_by("P&W"));
    }
}
