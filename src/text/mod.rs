//! Text analysis of extracted articles: hygiene ([`clean`]), sentences ([`sentences`]),
//! tokens ([`tokens`]) with the other names of countries and bodies ([`demonyms`]), the
//! initials an acronym takes of a name ([`initials`]), the checkable facts of a claim
//! ([`facts`]), the words news swaps for one another ([`synonyms`]), a user's word lists ([`lexicon`]), and a headline in its
//! body's case ([`truecase`]).

pub mod clean;
pub mod demonyms;
pub mod facts;
pub mod initials;
pub mod lexicon;
pub mod sentences;
pub mod stopwords;
pub mod synonyms;
pub mod tokens;
pub mod truecase;
