//! The other names news gives a country or an international body: its demonym ("Chinese" for
//! China), its capital standing for its government ("Beijing said"), its long and short forms
//! ("United States", "U.S.", "America") and its acronym ("U.N." for United Nations). Outlets
//! rewrite one into another all the time, and a stem never sees that "Pakistanis" and "Pakistan"
//! are the same word; the tokenizer writes every form of one entry as one term.
//!
//! The table is data, kept short and general: only forms that name one place or body and little
//! else. Forms that often mean something different stay out ("Korean" names two countries,
//! "Georgia" and "Jordan" are also a US state and a first name, "English" is a language). Longer
//! phrases that contain a listed form are listed on their own so that the longest match wins
//! ("South America" is not America, "New Mexico" is not Mexico). Acronyms match in capitals only:
//! "US" is the country, "us" the pronoun; "WHO" the organization, "who" the question.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Country or body (its canonical term first), then its other names, lowercase: demonyms
/// (singular; plurals in `s` are found by the lookup), capitals used for the government, short
/// and long forms, and the lowercase spellings of acronyms written with dots ("u.s" is how the
/// tokenizer reads "U.S.").
const NAMES: &[&[&str]] = &[
    &[
        "united states",
        "u.s",
        "u.s.a",
        "america",
        "american",
        "washington",
        "united states of america",
    ],
    &[
        "united kingdom",
        "u.k",
        "britain",
        "great britain",
        "british",
        "briton",
        "london",
    ],
    &["united nations", "u.n"],
    &["european union", "e.u"],
    &["world health organization", "world health organisation"],
    &["international monetary fund"],
    &[
        "north atlantic treaty organization",
        "north atlantic treaty organisation",
    ],
    &[
        "organization of the petroleum exporting countries",
        "organisation of the petroleum exporting countries",
    ],
    &["chief executive", "chief executive officer"],
    &["china", "chinese", "beijing"],
    &["russia", "russian", "moscow", "kremlin"],
    &["ukraine", "ukrainian", "kyiv", "kiev"],
    &["france", "french", "paris"],
    &["germany", "german", "berlin"],
    &["italy", "italian", "rome"],
    &["spain", "spanish", "madrid"],
    &["portugal", "portuguese", "lisbon"],
    &["netherlands", "dutch", "holland", "amsterdam"],
    &["belgium", "belgian"],
    &["switzerland", "swiss", "bern"],
    &["austria", "austrian", "vienna"],
    &["poland", "polish", "warsaw"],
    &["sweden", "swedish", "swede", "stockholm"],
    &["norway", "norwegian", "oslo"],
    &["denmark", "danish", "dane", "copenhagen"],
    &["finland", "finnish", "finn", "helsinki"],
    &["ireland", "irish", "dublin"],
    &["northern ireland", "northern irish"],
    &["greece", "greek", "athens"],
    &["turkey", "turkish", "turk", "ankara"],
    &["hungary", "hungarian", "budapest"],
    &["romania", "romanian", "bucharest"],
    &["czech republic", "czechia", "czech", "prague"],
    &["serbia", "serbian", "serb", "belgrade"],
    &["japan", "japanese", "tokyo"],
    &["south korea", "south korean", "seoul"],
    &["north korea", "north korean", "pyongyang"],
    &["taiwan", "taiwanese", "taipei"],
    &["india", "indian", "new delhi"],
    &["pakistan", "pakistani", "islamabad"],
    &["afghanistan", "afghan", "kabul"],
    &["bangladesh", "bangladeshi", "dhaka"],
    &["sri lanka", "sri lankan", "colombo"],
    &["iran", "iranian", "tehran"],
    &["iraq", "iraqi", "baghdad"],
    &["syria", "syrian", "damascus"],
    &["lebanon", "lebanese", "beirut"],
    &["israel", "israeli"],
    &["egypt", "egyptian", "cairo"],
    &["saudi arabia", "saudi", "riyadh"],
    &["united arab emirates", "emirati", "abu dhabi"],
    &["qatar", "qatari", "doha"],
    &["yemen", "yemeni", "sanaa"],
    &["indonesia", "indonesian", "jakarta"],
    &["philippines", "philippine", "filipino", "manila"],
    &["vietnam", "vietnamese", "hanoi"],
    &["thailand", "thai", "bangkok"],
    &["malaysia", "malaysian", "kuala lumpur"],
    &["singapore", "singaporean"],
    &["myanmar", "burmese"],
    &["australia", "australian", "canberra"],
    &["new zealand", "new zealander", "wellington"],
    &["canada", "canadian", "ottawa"],
    &["mexico", "mexican", "mexico city"],
    &["new mexico"],
    &["brazil", "brazilian", "brasilia"],
    &["argentina", "argentine", "argentinian", "buenos aires"],
    &["chile", "chilean", "santiago"],
    &["colombia", "colombian", "bogota"],
    &["peru", "peruvian", "lima"],
    &["venezuela", "venezuelan", "caracas"],
    &["cuba", "cuban", "havana"],
    &["nigeria", "nigerian", "abuja"],
    &["south africa", "south african", "pretoria"],
    &["kenya", "kenyan", "nairobi"],
    &["ethiopia", "ethiopian", "addis ababa"],
    &["sudan", "sudanese", "khartoum"],
    &["south sudan", "south sudanese"],
    &["south america", "south american"],
    &["north america", "north american"],
    &["latin america", "latin american"],
    &["central america", "central american"],
];

/// Acronyms written without dots, in capitals, and the canonical term of the entry they name.
const ACRONYMS: &[(&str, &str)] = &[
    ("US", "united states"),
    ("USA", "united states"),
    ("UK", "united kingdom"),
    ("UN", "united nations"),
    ("EU", "european union"),
    ("WHO", "world health organization"),
    ("IMF", "international monetary fund"),
    ("NATO", "north atlantic treaty organization"),
    ("Nato", "north atlantic treaty organization"),
    ("OPEC", "organization of the petroleum exporting countries"),
    ("Opec", "organization of the petroleum exporting countries"),
    ("CEO", "chief executive"),
    ("UAE", "united arab emirates"),
];

/// Most words of any form in [`NAMES`].
pub const LONGEST_FORM: usize = 6;

/// Every form of [`NAMES`] and the canonical term of its entry.
static FORMS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    NAMES
        .iter()
        .flat_map(|entry| entry.iter().map(move |form| (*form, entry[0])))
        .collect()
});

/// The first words of the forms of more than one word, to try longer phrases only where one
/// can start.
static FIRST_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    NAMES
        .iter()
        .flat_map(|entry| entry.iter())
        .filter_map(|form| form.split_once(' ').map(|(first, _)| first))
        .collect()
});

/// The canonical term of `form` (lowercase words joined by single spaces): the entry it names.
pub fn canonical_name(form: &str) -> Option<&'static str> {
    FORMS.get(form).copied()
}

/// Whether some form of more than one word starts with `word` (lowercase).
pub fn starts_a_form(word: &str) -> bool {
    FIRST_WORDS.contains(word)
}

/// The canonical term of an acronym written without dots, as written (case-sensitive); acronyms
/// written with dots are lowercase forms in [`NAMES`].
pub fn canonical_acronym(written: &str) -> Option<&'static str> {
    ACRONYMS
        .iter()
        .find(|(acronym, _)| *acronym == written)
        .map(|&(_, canonical)| canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_names_its_entry() {
        assert_eq!(canonical_name("chinese"), Some("china"));
        assert_eq!(canonical_name("u.s"), Some("united states"));
        assert_eq!(canonical_name("south america"), Some("south america"));
        assert_eq!(canonical_name("korean"), None);
        assert_eq!(canonical_acronym("UN"), Some("united nations"));
        assert_eq!(canonical_acronym("us"), None);
        assert!(starts_a_form("south") && !starts_a_form("china"));
    }

    #[test]
    fn forms_are_lowercase_unique_and_short_enough() {
        let mut seen = std::collections::HashSet::new();
        for form in NAMES.iter().flat_map(|entry| entry.iter()) {
            assert_eq!(*form, form.to_lowercase());
            assert!(seen.insert(*form), "{form} is listed twice");
            assert!(form.split(' ').count() <= LONGEST_FORM, "{form}");
        }
        for (_, canonical) in ACRONYMS {
            assert!(NAMES.iter().any(|entry| entry[0] == *canonical));
        }
    }
}
