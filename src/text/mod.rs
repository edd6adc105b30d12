//! Text analysis of extracted articles: hygiene ([`clean`]), sentences ([`sentences`]),
//! tokens ([`tokens`]) and the checkable facts of a claim ([`facts`]).

pub mod clean;
pub mod facts;
pub mod sentences;
pub mod stopwords;
pub mod tokens;
