//! A small table of words news rewrites swap for one another ("staff" for "employees", "hike"
//! for "increase", "nations" for "countries"), so that similarity sees through the commonest
//! paraphrases, and verbs and the nouns made from them ("abstained" / "abstentions") where the
//! stemmer leaves them apart. Each group maps to one canonical stem. It is deliberately short and general:
//! words that only sometimes mean the same thing stay out, since a wrong synonym makes two
//! different claims look alike.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::tokens;

/// Groups of interchangeable words; the first word of each group is its canonical form.
const GROUPS: &[&[&str]] = &[
    &["country", "nation"],
    &[
        "increase", "rise", "hike", "raise", "lift", "boost", "jump", "surge", "soar", "climb",
    ],
    &[
        "decrease",
        "drop",
        "decline",
        "reduction",
        "fall",
        "reduce",
        "slide",
        "slump",
        "plunge",
        "tumble",
    ],
    &["employee", "staff", "worker", "personnel", "staffer"],
    &["company", "firm", "business"],
    &["show", "reveal", "indicate"],
    &["official", "authority"],
    &["kill", "die", "dead", "death"],
    &["injure", "injured", "injury", "hurt", "wound", "wounded"],
    &["arrest", "detain", "detention"],
    &["ban", "bar", "prohibit", "forbid"],
    &["big", "large", "major"],
    &["begin", "start", "launch"],
    &["talks", "negotiation", "negotiations"],
    &["agreement", "deal", "accord", "pact"],
    &["expert", "specialist"],
    &["abroad", "overseas"],
    &["plan", "scheme"],
    &["money", "cash", "funds", "funding"],
    &["buy", "purchase", "acquire", "acquisition", "takeover"],
    &["help", "assist", "aid"],
    &["quake", "earthquake"],
    &["blaze", "fire", "wildfire"],
    &["strike", "walkout"],
    &["fan", "supporter"],
    &["rescuer", "rescue"],
    &["passenger", "traveller", "traveler"],
    &["result", "finding", "findings"],
    &["analyst", "economist"],
    &["forecast", "expect", "predict", "projection"],
    &["law", "legislation"],
    &["lawmaker", "legislator", "legislature"],
    &["says", "said", "told", "stated"],
    &["ruling", "decision", "decide", "verdict", "judgment"],
    &["aircraft", "plane", "airplane"],
    &["ambassador", "envoy"],
    &["pledge", "vow", "promise"],
    &["tariff", "levy"],
    &["try", "attempt"],
    &["halt", "stop"],
    &["reject", "refuse"],
    &["protest", "demonstration"],
    &["protester", "demonstrator"],
    &["soldier", "troop"],
    &["military", "army"],
    &["significant", "important"],
    &["rich", "wealthy"],
    &["factory", "plant"],
    &["doctor", "physician"],
    &["child", "kid"],
    &["illness", "disease", "sickness"],
    &["victim", "casualty"],
    &["inquiry", "investigation"],
    &["hostage", "captive"],
    &["journalist", "reporter"],
    &["lawyer", "attorney"],
    &["resident", "inhabitant"],
    &["gunman", "shooter", "assailant"],
    &["ceasefire", "truce"],
    &["border", "frontier"],
    &["prison", "jail"],
    &["profit", "earnings"],
    &["unemployment", "jobless", "joblessness"],
    &["deficit", "shortfall"],
    &["rain", "rainfall", "downpour"],
    &["medicine", "medication"],
    &["ship", "vessel"],
    // British and American words for one thing.
    &["petrol", "gasoline"],
    &["lorry", "truck"],
    &["railway", "railroad"],
    &["motorway", "highway"],
    &["film", "movie"],
    &["holiday", "vacation"],
    // A verb and the noun made from it, where the stemmer leaves them apart ("abstained" /
    // "abstentions"): news turns one into the other all the time.
    &["abstain", "abstention"],
    &["explode", "explosion", "blast"],
    &["collide", "collision"],
    &["invade", "invasion"],
    &["destroy", "destruction"],
    &["fail", "failure"],
    &["deny", "denial"],
    &["depart", "departure"],
    &["conclude", "conclusion"],
    &["expand", "expansion"],
    &["extend", "extension"],
    &["grow", "growth"],
    &["lose", "loss"],
    &["sell", "sale"],
    &["pay", "payment"],
    &["speak", "speech"],
    &["defend", "defence"],
    &["respond", "response"],
    &["succeed", "success"],
    &["discover", "discovery"],
    &["deliver", "delivery"],
    &["recover", "recovery"],
    &["describe", "description"],
    &["intervene", "intervention"],
    &["impose", "imposition"],
    &["compete", "competition"],
    &["admit", "admission"],
    &["permit", "permission"],
];

static CANONICAL: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let stem = |word: &str| -> String {
        tokens::tokenize(word)
            .into_iter()
            .map(|t| t.stem)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut map = HashMap::new();
    for group in GROUPS {
        let canonical = stem(group[0]);
        for word in *group {
            map.entry(stem(word)).or_insert_with(|| canonical.clone());
        }
    }
    map
});

/// The canonical stem of `stem` (itself when it is in no group).
pub fn canonical(stem: &str) -> &str {
    CANONICAL.get(stem).map_or(stem, String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical_of(word: &str) -> String {
        let stem = tokens::tokenize(word).remove(0).stem;
        canonical(&stem).to_string()
    }

    #[test]
    fn words_of_one_group_meet_and_others_stay_apart() {
        assert_eq!(canonical_of("envoy"), canonical_of("ambassador"));
        assert_eq!(canonical_of("abstentions"), canonical_of("abstained"));
        assert_eq!(canonical_of("rose"), canonical_of("increased"));
        assert_eq!(canonical_of("lorries"), canonical_of("trucks"));
        assert_ne!(canonical_of("rose"), canonical_of("fell"));
        assert_eq!(canonical_of("parliament"), "parliament");
    }
}
