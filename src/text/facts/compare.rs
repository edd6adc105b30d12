//! What changed between the origin's facts and another outlet's facts, in plain words.
//!
//! Each kind of fact is paired across the two wordings (equal facts first, then related ones),
//! and what is left unpaired is a detail dropped or added. The rules, and why:
//!
//! | kind | reported | not reported |
//! | --- | --- | --- |
//! | number | changed (`number: 60 to 80 -> 70`; a figure put for one of the same part in a change: where it started, `from $2,500`, where it ended, `to $2,800`, or the change, `by $300`; and the same figure told as where the change started on one side and where it ended on the other, `number: to $240 -> from $240`, where each side tells one end), made less or more specific (`number: 60 to 80 -> dozens (less specific)`, a figure repeated without its scale word: `1.1 million -> 1.1`, a bound and a figure on its side within twice it: `more than 6 percent -> 6.4 percent`), dropped (`number dropped: $153,000`), added (`number added: 12`) | two plain counts of different things, one dropped and one added (`a three-term congressman` / `88,747 votes`; counts of one thing past a name, `23 U.S. troops` / `26 American troops`, still change); a count right after a name (`Pentium 4`, `Boeing 737-700s`) put for a figure elsewhere (it may be part of the name; `Arsenal 2` / `Arsenal 3` changes); the same amount written otherwise (`1 million` = `1,000,000`, `doubled` = `rose 100%`, `half` = `50%`, `third` = `3rd`, `30 years` = `three decades`, `36 hours` = `a day and a half`, `within 12 months` = `within a year`, `a quarter of a million` = `250,000`, `2 hours, 1 minute and 9 seconds` = `2:01:09`); the same amount converted into another unit (`41C` = `106F`, `2.4 miles` = `3.9 km`, as rounded); a conversion into another currency or unit dropped or added alone (`(about $153,000)`, `(106F)`); a bare count against a percentage, a measure or an ordinal (`12 percent` / `six colleges`: two figures, one dropped and one added) |
//! | date | changed (a range of days is one date: `date: 28 to 31 August -> 21 to 24 August`), less/more specific (`date: Nov. 17, 2020 -> last November (less specific)`), dropped, added | the same date written otherwise; the same moment in another named time zone (`8am AEST` = `6 p.m. EDT` = `2200 GMT`; `6:47 a.m. EDT (1047 GMT)` is one time); a relative date beside a compatible absolute one (`last year` = `in 2019`); a year within a decade (`1985` -> `1980s` is less specific); the date of the report put for the date of the events (`officials said Sunday` / `ambushed Saturday`: one dropped, one added) |
//! | quote | altered words (`quote altered`), a quote dropped (`quote dropped`) or added (`quote added`) | a fragment of the same words quoted, or an ellipsis; a contraction spelled out (`won't` = `will not`); a word hyphenated or an abbreviation dotted otherwise (`do-not-call` = `Do Not Call`, `F.T.C.` = `FTC`); words the outlet put in brackets (`continues [to put] Americans`); straight or curly quote marks; a short quote (up to 6 words: scare quotes, a title) whose words the other wording carries unquoted; function words added or dropped, not put for one another |
//! | name | one name put for another: names compare as sets, and as many names of each side have no counterpart on the other (`name: Li Ming -> Wang Wei`); a lone sentence-initial name put for another in an otherwise equal sentence, after a colon too (`Siemens won the contract` → `Alstom won the contract`, `Daily Press Briefing: Syria` → `Daily Press Briefing: South Sudan`) | a name dropped or added (outlets write `he`, `the professor`, or add an affiliation); the same names in another order, or the speaker moved from the start to the end (`U.S. officials say Beijing ...` = `Beijing ..., U.S. officials say`); a legislator's party and state tagged or written out (`R-Tenn.` = `Republican of Tennessee`); a name written as its initials (`BoE` = `Bank of England`, `Kenya SC` = `Kenya Supreme Court`, `P&W` = `Pratt & Whitney`); a name describing the word put in the other's place (`the death of Franklin` → `the death of an FBI analyst`); a sentence's capitalised first word put for another in a reworded sentence (`Internal documents` → `Leaked documents`); a country's adjective put for a name that is no place (`Italian police` → `the Prodi bomb`); a plural after `the` put for one entity's name (`Arsenal` → `the Londoners`); one name transliterated two ways (`Odai` → `Uday`) |
//! | attribution | another verb class (`attribution: said -> claimed`), another named speaker (`attribution: Li -> Wang`, framing: who says it, not a name in the claim; but the company of a speaker's title is what the claim is about, a name: `Boeing's chief executive said` → `Airbus's chief executive said` is `name: Boeing's -> Airbus's`; the speaker is the noun phrase by the verb, the same in `Li said`, `said Li` and `Li, who said`), another count of speakers (`attribution: Two officials -> Three officials`; the count is the attribution's, never a figure of the claim: `according to two people familiar with the talks`), another kind of source (`attribution: police -> prosecutors`: police, prosecutors, defence, court, witnesses, doctors ... see `[sources]` in `attribution.toml`), attribution dropped (the outlet states the claim as its own) or added | `said` → `told reporters` → `according to`; a vaguer source (`police` → `officials`, `a spokesman`, `he`) or one of no listed kind (`the company` → `the firm`); `denied X` → `said ... not X` (the negation moved into the claim); a passive participle with its agent, which tells where a thing came from, not who says the claim (`documents obtained by the Ledger` → `documents first reported by the Ledger`); a verb that reports only sometimes standing for the other's attribution (`researchers found the drug cut deaths`, `called it a dark day`, `documents show`) |
//! | hedge | added or removed (`hedge added: allegedly`) | one hedge for another of its class (`may` → `might`, `is thought to` → `is believed to`, `is seen as` → `is regarded as`, `is forecast to` → `is expected to`, `allegedly took` → `is accused of taking`); a hedge inside quoted words, which the quote's change covers |
//! | negation | the claim's polarity flipped (`negation`: `did not` → `did`, `acquitted` → `convicted`, `denied that` → `said that`, the denial told once, as the negation); a word put for its opposite in the same place (`negation: rose -> fell`, `negation: lawful -> unlawful`) | `did not deny` → `confirmed` (same polarity; the attribution reports the verb); `acquitted` → `found not guilty`; `unvaccinated` → `had not been vaccinated`; `did not rise` → `fell`; `non-binding` → `nonbinding`; the `not` of a contrast dropped (`caused by an update, not a cyberattack` → `caused by an update`); a negation inside a quote dropped or added (the quote change reports it); a negation in an aside the other wording lacks (`wounding seven, none seriously`, `he said, declining to answer questions`, `no passenger was ejected` where nobody is ejected in the other); `without` = `does not have`, `unless` = `if not`; `their failure to win` = `they did not win` (a bare `failure to pass the deal would ...` supposes, no negation); `isn't until March 9` bounds a time, no negation |
//!
//! Numbers and dates are what a reader checks first, so a figure or a date one outlet carries and
//! the other leaves out is reported even when the rest of the claim is the same; names are not,
//! because outlets routinely swap a name for a pronoun or a role.

use crate::model::{ChangeClass, ChangeKind, FactChange};

use super::aliases::Aliases;
use super::quantities::count_alike;
use super::quotes::Quote;
use super::{Attribution, Facts, Name, Quantity, Role};

/// Longest fact text shown inside a reason.
const REASON_TEXT_MAX: usize = 60;

/// Pairs the items of `a` with those of `b` for which `related` holds, greedily in order, among
/// the items still unpaired; marks them in `used_a`/`used_b` and returns the pairs.
pub(crate) fn pair<T>(
    a: &[T],
    b: &[T],
    used_a: &mut [bool],
    used_b: &mut [bool],
    related: impl Fn(&T, &T) -> bool,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (i, x) in a.iter().enumerate() {
        if used_a[i] {
            continue;
        }
        if let Some(j) = (0..b.len()).find(|&j| !used_b[j] && related(x, &b[j])) {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Shortens a fact's text for a reason.
fn short(text: &str) -> String {
    if text.chars().count() <= REASON_TEXT_MAX {
        return text.to_string();
    }
    let cut: String = text.chars().take(REASON_TEXT_MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

/// One change with its reason and class.
fn change(
    kind: ChangeKind,
    class: ChangeClass,
    from: Option<&str>,
    to: Option<&str>,
    reason: String,
) -> FactChange {
    FactChange {
        kind,
        class,
        from: from.map(str::to_string),
        to: to.map(str::to_string),
        reason,
    }
}

/// A fact put for another in the same place: `kind: from -> to`. Another source or verb is
/// framing; any other value put for another conflicts.
fn changed(kind: ChangeKind, from: &str, to: &str) -> FactChange {
    let class = if kind == ChangeKind::Attribution {
        ChangeClass::Framing
    } else {
        ChangeClass::Conflict
    };
    let reason = format!("{}: {} -> {}", kind.as_str(), short(from), short(to));
    change(kind, class, Some(from), Some(to), reason)
}

/// A figure or date made vaguer or more precise (`date: Nov. 17, 2020 -> last November (less
/// specific)`): both can be right, so a detail.
fn respecified(kind: ChangeKind, from: &str, to: &str, less_specific: bool) -> FactChange {
    let note = if less_specific {
        "less specific"
    } else {
        "more specific"
    };
    let reason = format!(
        "{}: {} -> {} ({note})",
        kind.as_str(),
        short(from),
        short(to)
    );
    change(kind, ChangeClass::Detail, Some(from), Some(to), reason)
}

/// A fact only one side states: `kind dropped: text` or `kind added: text`, a detail.
fn one_sided(kind: ChangeKind, text: &str, dropped: bool) -> FactChange {
    let (from, to, verb) = if dropped {
        (Some(text), None, "dropped")
    } else {
        (None, Some(text), "added")
    };
    let reason = format!("{} {verb}: {}", kind.as_str(), short(text));
    change(kind, ChangeClass::Detail, from, to, reason)
}

/// The changes from the origin's facts to another outlet's facts, one per changed fact, in the
/// order number, date, quote, name, attribution, hedge, negation. Empty when the facts agree.
pub fn compare_facts(origin: &Facts, other: &Facts) -> Vec<crate::model::FactChange> {
    compare_facts_with(origin, other, &Aliases::default())
}

/// [`compare_facts`], with the names a user's lexicon declares one entity ([`Aliases`]).
pub fn compare_facts_with(
    origin: &Facts,
    other: &Facts,
    aliases: &Aliases,
) -> Vec<crate::model::FactChange> {
    let mut out = Vec::new();
    numbers(origin, other, &mut out);
    dates(origin, other, &mut out);
    let unpaired_quote_negations = quotes(origin, other, &mut out);
    names(origin, other, aliases, &mut out);
    attributions(origin, other, &mut out);
    hedges(origin, other, &mut out);
    // A quote dropped or added is reported as such; a negation inside it is part of that
    // change (its paraphrase may word it otherwise: `“We are not going anywhere”` → `staying
    // put`), not a flip of the claim besides: the polarity flipped only when it differs both
    // with and without those quotes' cues.
    let (dropped_cues, added_cues) = unpaired_quote_negations;
    // A word put for its opposite (`rose` → `fell`, `lawful` → `unlawful`) is a cue on the
    // side that says less.
    let flips = super::opposites::flips(&origin.wording, &other.wording);
    let flipped_in = |origin_side: bool| {
        flips
            .iter()
            .filter(|f| f.less_in_origin == origin_side)
            .count()
    };
    let counterparts = |wording: &str, against: &str| {
        super::hedges::prefixed_negatives(wording, against)
            + super::hedges::losses_for_without(wording, against)
    };
    let origin_cues =
        origin.negations.len() + counterparts(&origin.wording, &other.wording) + flipped_in(true);
    let other_cues =
        other.negations.len() + counterparts(&other.wording, &origin.wording) + flipped_in(false);
    let outside_quotes = (
        origin_cues - dropped_cues.min(origin_cues),
        other_cues - added_cues.min(other_cues),
    );
    // A negation only one side has counts where it negates the statement both make; when both
    // have some, those negating what the other wording never states are left out of the count.
    let in_scope = match (origin.negations.is_empty(), other.negations.is_empty()) {
        (false, true) => super::hedges::negation_in_scope(&origin.wording, &other.wording),
        (true, false) => super::hedges::negation_in_scope(&other.wording, &origin.wording),
        (false, false) => {
            let scoped = |cues: usize, negating: &str, other: &str| {
                cues - super::hedges::cues_out_of_scope(negating, other).min(cues)
            };
            scoped(origin_cues, &origin.wording, &other.wording) % 2
                != scoped(other_cues, &other.wording, &origin.wording) % 2
        }
        (true, true) => true,
    };
    if origin_cues % 2 != other_cues % 2 && outside_quotes.0 % 2 != outside_quotes.1 % 2 && in_scope
    {
        let words = |side: fn(&super::opposites::Flip) -> &String, cues: &[String]| {
            cues.iter()
                .chain(flips.iter().map(side))
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let from = words(|f| &f.from, &origin.negations);
        let to = words(|f| &f.to, &other.negations);
        // A word put for its opposite is named (`negation: rose -> fell`); a cue alone is not.
        let reason = if flips.is_empty() {
            "negation".to_string()
        } else {
            format!("negation: {} -> {}", short(&from), short(&to))
        };
        out.push(change(
            ChangeKind::Negation,
            ChangeClass::Conflict,
            (!from.is_empty()).then_some(from.as_str()),
            (!to.is_empty()).then_some(to.as_str()),
            reason,
        ));
    }
    out
}

fn numbers(origin: &Facts, other: &Facts, out: &mut Vec<FactChange>) {
    let (a, b) = (&origin.quantities, &other.quantities);
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    // The same figure told as where a change started on one side and where it ended on the
    // other (`by £120 to £1,450` / `by £120 from £1,450`) is put for another figure, where each
    // side tells one end of the change (with both ends, `to 50.7 from 47.9`, the other side's
    // `at 47.9` may be the earlier level).
    let one_end = |qs: &[Quantity]| {
        qs.iter()
            .filter(|q| matches!(q.role, Some(Role::Start | Role::Level)))
            .count()
            == 1
    };
    let ends_told_once = one_end(a) && one_end(b);
    let part_swapped = |x: &Quantity, y: &Quantity| {
        ends_told_once
            && matches!(
                (x.role, y.role),
                (Some(Role::Start), Some(Role::Level)) | (Some(Role::Level), Some(Role::Start))
            )
    };
    pair(a, b, &mut used_a, &mut used_b, |x, y| {
        x.same(y) && !part_swapped(x, y)
    });
    for (i, j) in pair(a, b, &mut used_a, &mut used_b, |x, y| {
        x.same(y) && part_swapped(x, y)
    }) {
        let told = |q: &Quantity| match q.role {
            Some(Role::Start) => format!("from {}", q.text),
            _ => format!("to {}", q.text),
        };
        out.push(changed(ChangeKind::Number, &told(&a[i]), &told(&b[j])));
    }
    for (i, j) in pair(a, b, &mut used_a, &mut used_b, |x, y| {
        x.contains(y) || y.contains(x)
    }) {
        let less_specific = !a[i].contains(&b[j]);
        out.push(respecified(
            ChangeKind::Number,
            &a[i].text,
            &b[j].text,
            less_specific,
        ));
    }
    // One side tells by how much, the other from where, to the same level: one change.
    pair(a, b, &mut used_a, &mut used_b, |x, y| {
        one_change_between(x, y, a, b) || one_change_between(y, x, b, a)
    });
    // A figure put for another plays the same part: where a change started, where it ended,
    // or the change itself (`from $2,500` is not put for `by $300`).
    let same_role = |x: &Quantity, y: &Quantity| match (x.role, y.role) {
        (Some(r), Some(s)) => r == s,
        _ => true,
    };
    let unit_pairs = pair(a, b, &mut used_a, &mut used_b, |x, y| {
        !x.conversion && !y.conversion && x.unit == y.unit && same_role(x, y) && count_alike(x, y)
    });
    let loose_pairs = pair(a, b, &mut used_a, &mut used_b, |x, y| {
        !x.conversion
            && !y.conversion
            && super::units::may_stand_for(x.unit, y.unit)
            && same_role(x, y)
            && count_alike(x, y)
    });
    for (i, j) in unit_pairs.into_iter().chain(loose_pairs) {
        out.push(changed(ChangeKind::Number, &a[i].text, &b[j].text));
    }
    for (_, q) in a
        .iter()
        .enumerate()
        .filter(|(i, q)| !used_a[*i] && !q.conversion)
    {
        out.push(one_sided(ChangeKind::Number, &q.text, true));
    }
    for (_, q) in b
        .iter()
        .enumerate()
        .filter(|(j, q)| !used_b[*j] && !q.conversion)
    {
        out.push(one_sided(ChangeKind::Number, &q.text, false));
    }
}

/// Whether `change`, one of `changes`, and `start`, one of `starts`, tell one change ending at
/// a level both sides state.
fn one_change_between(
    change: &Quantity,
    start: &Quantity,
    changes: &[Quantity],
    starts: &[Quantity],
) -> bool {
    changes.iter().any(|level| {
        starts.iter().any(|other| other.same(level))
            && super::quantities::one_change(change, start, level)
    })
}

fn dates(origin: &Facts, other: &Facts, out: &mut Vec<FactChange>) {
    let (a, b) = (&origin.dates, &other.dates);
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    // Dates stating the very same fields first, so that `January` keeps its `January` and is
    // not left to another date when `later this month` takes it as the same.
    pair(a, b, &mut used_a, &mut used_b, |x, y| x.equal(y));
    pair(a, b, &mut used_a, &mut used_b, |x, y| x.same(y));
    for (i, j) in pair(a, b, &mut used_a, &mut used_b, |x, y| x.compatible(y)) {
        let less_specific = b[j].precision() < a[i].precision();
        out.push(respecified(
            ChangeKind::Date,
            &a[i].text,
            &b[j].text,
            less_specific,
        ));
    }
    // The date of a report is not put for the date of what it tells (`ambushed Saturday` /
    // `officials said Sunday`).
    for (i, j) in pair(a, b, &mut used_a, &mut used_b, |x, y| {
        x.of_report == y.of_report
    }) {
        out.push(changed(ChangeKind::Date, &a[i].text, &b[j].text));
    }
    out.extend(
        a.iter()
            .zip(&used_a)
            .filter(|(_, u)| !**u)
            .map(|(d, _)| one_sided(ChangeKind::Date, &d.text, true)),
    );
    out.extend(
        b.iter()
            .zip(&used_b)
            .filter(|(_, u)| !**u)
            .map(|(d, _)| one_sided(ChangeKind::Date, &d.text, false)),
    );
}

/// Longest quote (in words) that counts as scare quotes or a title when the other wording
/// carries its words unquoted; a longer one turned into the outlet's own words is a change.
const SHORT_QUOTE_WORDS: usize = 6;

/// Whether quote `q` is short and `wording` carries its words unquoted, in order.
fn carried_unquoted(q: &Quote, wording: &str) -> bool {
    let words: Vec<&str> = q
        .words
        .iter()
        .map(String::as_str)
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty() && words.len() <= SHORT_QUOTE_WORDS && has_phrase(wording, &words.join(" "))
}

/// Whether `wording` (a claim's lowercase words, space-separated) holds the words of `phrase`
/// in a row.
fn has_phrase(wording: &str, phrase: &str) -> bool {
    format!(" {wording} ").contains(&format!(" {phrase} "))
}

/// How many negation cues a quote holds.
fn quote_negations(quote: &Quote) -> usize {
    let words = super::lex::lex(&quote.text);
    super::hedges::scan_negations(&words, &vec![false; words.len()]).len()
}

/// Reports the quote changes; returns how many negation cues the quotes dropped and the quotes
/// added hold.
fn quotes(origin: &Facts, other: &Facts, out: &mut Vec<FactChange>) -> (usize, usize) {
    let (a, b) = (&origin.quotes, &other.quotes);
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    pair(a, b, &mut used_a, &mut used_b, |x, y| x.same_words(y));
    for (used, quotes, wording) in [
        (&mut used_a, a, &other.wording),
        (&mut used_b, b, &origin.wording),
    ] {
        for (u, q) in used.iter_mut().zip(quotes) {
            *u = *u || carried_unquoted(q, wording);
        }
    }
    for (i, j) in pair(a, b, &mut used_a, &mut used_b, |x, y| x.overlap(y) >= 0.3) {
        out.push(change(
            ChangeKind::Quote,
            ChangeClass::Conflict,
            Some(&a[i].text),
            Some(&b[j].text),
            "quote altered".to_string(),
        ));
    }
    out.extend(a.iter().zip(&used_a).filter(|(_, u)| !**u).map(|(q, _)| {
        change(
            ChangeKind::Quote,
            ChangeClass::Detail,
            Some(&q.text),
            None,
            format!("quote dropped: “{}”", short(&q.text)),
        )
    }));
    out.extend(b.iter().zip(&used_b).filter(|(_, u)| !**u).map(|(q, _)| {
        change(
            ChangeKind::Quote,
            ChangeClass::Detail,
            None,
            Some(&q.text),
            format!("quote added: “{}”", short(&q.text)),
        )
    }));
    let unpaired_negations = |quotes: &[Quote], used: &[bool]| {
        quotes
            .iter()
            .zip(used)
            .filter(|(_, u)| !**u)
            .map(|(q, _)| quote_negations(q))
            .sum()
    };
    (
        unpaired_negations(a, &used_a),
        unpaired_negations(b, &used_b),
    )
}

fn names(origin: &Facts, other: &Facts, aliases: &Aliases, out: &mut Vec<FactChange>) {
    // Names compare as sets: order, repeats and where the speaker stands do not matter. A name
    // with a counterpart anywhere on the other side (a maybe-name too) is kept, even if it also
    // matches another.
    let unmatched = |x: &Facts, y: &Facts| -> Vec<usize> {
        (0..x.names.len())
            .filter(|&i| {
                !y.names
                    .iter()
                    .chain(&y.maybe_names)
                    .any(|n| x.names[i].same(n) || aliases.same_entity(&x.names[i], n))
            })
            .collect()
    };
    // A named speaker put for another is who says the claim, compared as its attribution
    // (framing), not a name in the claim put for another, where both sides name a speaker.
    let both_name_speakers = names_a_speaker(origin) && names_a_speaker(other);
    let told = |x: &Facts, i: usize| both_name_speakers && only_speaks(x, &x.names[i]);
    let (lost, gained): (Vec<usize>, Vec<usize>) = (
        unmatched(origin, other)
            .into_iter()
            .filter(|&i| !told(origin, i))
            .collect(),
        unmatched(other, origin)
            .into_iter()
            .filter(|&j| !told(other, j))
            .collect(),
    );
    // A sentence-initial word that may be a name put for the other side's one name without a
    // counterpart, or for its own such word.
    if lost.len() + gained.len() <= 1 {
        let lost: Vec<&Name> = lost.iter().map(|&i| &origin.names[i]).collect();
        let gained: Vec<&Name> = gained.iter().map(|&j| &other.names[j]).collect();
        if let Some((from, to)) = super::names::maybe_name_swap(origin, other, &lost, &gained) {
            out.push(changed(ChangeKind::Name, from, to));
        }
        return;
    }
    if lost.len() != gained.len() {
        // One side names more or fewer: details added or left out, not a name put for another.
        return;
    }
    // Of as many names lost as gained, those the word diff puts in each other's place changed;
    // the rest are details reworded. A country's adjective put for a name of another kind
    // (`Italian police` / `the Prodi bomb`, `Haitian police` / `Mr. Nicolas`) is no other value
    // of the same thing; for another country's it is (`Italian` / `French`).
    for (i, j) in lost.into_iter().zip(gained) {
        let (from, to) = (&origin.names[i], &other.names[j]);
        let kinds_differ = from.is_demonym() && !to.is_place()
            || to.is_demonym() && !from.is_place()
            || collective_for(from, to, other)
            || collective_for(to, from, origin);
        if !kinds_differ && super::names::in_same_place(origin, other, from, to) {
            out.push(changed(ChangeKind::Name, &from.text, &to.text));
        }
    }
}

/// Whether some attribution of `facts` names its speaker.
fn names_a_speaker(facts: &Facts) -> bool {
    facts.attributions.iter().any(|a| a.speaker.is_some())
}

/// Whether `name` only says the claim: it is (part of) the speaker of one of `facts`'
/// attributions, and no affiliation the claim is about (`Boeing's chief executive said
/// production would resume`).
fn only_speaks(facts: &Facts, name: &Name) -> bool {
    let possessive = name.text.ends_with("'s") || name.text.ends_with("’s");
    !possessive && facts.attributions.iter().any(|a| a.names(name))
}

/// Whether `collective`, a plural after `the` in `its_facts` (`the Londoners`, `the Gunners`),
/// stands for `name`, one entity (`Arsenal`): a description of it, not another name.
fn collective_for(name: &Name, collective: &Name, its_facts: &Facts) -> bool {
    let (Some(one), Some(many)) = (name.words.last(), collective.words.last()) else {
        return false;
    };
    let plural = |word: &str| word.chars().count() > 3 && word.ends_with('s');
    plural(many)
        && !plural(one)
        && !collective.is_place()
        && has_phrase(&its_facts.wording, &format!("the {many}"))
}

fn attributions(origin: &Facts, other: &Facts, out: &mut Vec<FactChange>) {
    let (a, b) = (&origin.attributions, &other.attributions);
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    pair(a, b, &mut used_a, &mut used_b, |x, y| {
        x.class == y.class && x.same_speaker(y)
    });
    // `denied that it had shared` = `said it had not shared`: a denial stands for a neutral
    // verb and a negation, so the negation's comparison tells whether the two agree (`denied
    // that` -> `said that` is `negation`, not a verb changed besides).
    let denial = |d: &Attribution, n: &Attribution| d.class == "denied" && n.class == "said";
    pair(a, b, &mut used_a, &mut used_b, |x, y| {
        x.same_speaker(y) && (denial(x, y) || denial(y, x))
    });
    // A speaker's affiliation put for another is already a name change; say it once.
    let names_changed: Vec<(String, String)> = out
        .iter()
        .filter(|c| c.kind == ChangeKind::Name)
        .filter_map(|c| Some((c.from.clone()?, c.to.clone()?)))
        .collect();
    let named = |x: &Attribution, y: &Attribution| {
        let (Some(sx), Some(sy)) = (x.speaker.as_deref(), y.speaker.as_deref()) else {
            return false;
        };
        names_changed
            .iter()
            .any(|(from, to)| sx.contains(from.as_str()) && sy.contains(to.as_str()))
    };
    for (i, j) in pair(a, b, &mut used_a, &mut used_b, |x, y| x.class == y.class) {
        if named(&a[i], &b[j]) {
            continue;
        }
        let (from, to) = (
            a[i].speaker.as_deref().unwrap_or(""),
            b[j].speaker.as_deref().unwrap_or(""),
        );
        out.push(changed(ChangeKind::Attribution, from, to));
    }
    for (i, j) in pair(a, b, &mut used_a, &mut used_b, |_, _| true) {
        out.push(changed(ChangeKind::Attribution, &a[i].verb, &b[j].verb));
    }
    // What is left may be carried by a verb that reports only sometimes (`researchers found
    // the drug cut deaths`) on the other side.
    for (used, own, maybes) in [
        (&mut used_a, a, &other.maybe_attributions),
        (&mut used_b, b, &origin.maybe_attributions),
    ] {
        let mut used_maybe = vec![false; maybes.len()];
        pair(own, maybes, used, &mut used_maybe, |x, y| x.same_speaker(y));
    }
    let described = |x: &Attribution| match (&x.speaker, x.verb.as_str()) {
        (Some(speaker), "according to") => format!("according to {speaker}"),
        (Some(speaker), verb) => format!("{speaker} {verb}"),
        (None, verb) => verb.to_string(),
    };
    out.extend(
        a.iter()
            .zip(&used_a)
            .filter(|(_, u)| !**u)
            .map(|(x, _)| one_sided(ChangeKind::Attribution, &described(x), true)),
    );
    out.extend(
        b.iter()
            .zip(&used_b)
            .filter(|(_, u)| !**u)
            .map(|(x, _)| one_sided(ChangeKind::Attribution, &described(x), false)),
    );
}

/// Hedges one wording has and the other has not, by class. A hedge inside quoted words answers
/// the other wording's hedge but is not reported alone: the quote's change says it.
fn hedges(origin: &Facts, other: &Facts, out: &mut Vec<FactChange>) {
    let has = |facts: &Facts, class: &str| facts.hedges.iter().any(|h| h.class == class);
    let mut seen: Vec<&str> = Vec::new();
    for h in other.hedges.iter().filter(|h| !h.quoted) {
        if !has(origin, h.class) && !seen.contains(&h.class) {
            seen.push(h.class);
            out.push(change(
                ChangeKind::Hedge,
                ChangeClass::Framing,
                None,
                Some(&h.text),
                format!("hedge added: {}", h.text),
            ));
        }
    }
    for h in origin.hedges.iter().filter(|h| !h.quoted) {
        if !has(other, h.class) && !seen.contains(&h.class) {
            seen.push(h.class);
            out.push(change(
                ChangeKind::Hedge,
                ChangeClass::Framing,
                Some(&h.text),
                None,
                format!("hedge removed: {}", h.text),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ChangeClass;
    use crate::text::facts::{Facts, NEUTRAL_OVERLAP, extract_facts, fact_overlap};

    fn reasons(origin: &str, other: &str) -> Vec<String> {
        super::compare_facts(&extract_facts(origin), &extract_facts(other))
            .into_iter()
            .map(|c| c.reason)
            .collect()
    }

    #[test]
    fn each_change_kind_gives_its_plain_words_reason() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "60 to 80 fell ill.",
                "70 fell ill.",
                &["number: 60 to 80 -> 70"],
            ),
            (
                "60 to 80 fell ill.",
                "Dozens fell ill.",
                &["number: 60 to 80 -> Dozens (less specific)"],
            ),
            (
                "It began on Nov. 17, 2020.",
                "It began last November.",
                &["date: Nov. 17, 2020 -> last November (less specific)"],
            ),
            (
                "It began in 2019.",
                "It began in 2021.",
                &["date: 2019 -> 2021"],
            ),
            (
                "It began on Monday.",
                "It began.",
                &["date dropped: Monday"],
            ),
            (
                "“We won,” he said.",
                "“We lost,” he said.",
                &["quote altered"],
            ),
            (
                "“We won,” he said.",
                "He said they won.",
                &["quote dropped: “We won,”"],
            ),
            (
                "The deal went to Siemens.",
                "The deal went to Alstom.",
                &["name: Siemens -> Alstom"],
            ),
            (
                "The firm said it was safe.",
                "The firm claimed it was safe.",
                &["attribution: said -> claimed"],
            ),
            (
                "It was safe, police said.",
                "It was safe.",
                &["attribution dropped: police said"],
            ),
            (
                "He stole it.",
                "He allegedly stole it.",
                &["hedge added: allegedly"],
            ),
            (
                "He may have stolen it.",
                "He stole it.",
                &["hedge removed: may"],
            ),
            ("He did not steal it.", "He stole it.", &["negation"]),
            (
                "The jury acquitted him.",
                "The jury convicted him.",
                &["negation"],
            ),
            (
                "Shares rose 5 percent on Monday.",
                "Shares fell 5 percent on Monday.",
                &["negation: rose -> fell"],
            ),
            (
                "The court ruled that the ban was lawful.",
                "The court ruled that the ban was unlawful.",
                &["negation: lawful -> unlawful"],
            ),
            // Power and energy in another multiple of their unit.
            (
                "The wind farm will generate 1,500 megawatts.",
                "The wind farm will generate 1.5 gigawatts.",
                &[],
            ),
            (
                "The wind farm will generate 1,500 megawatts.",
                "The wind farm will generate 1.8 gigawatts.",
                &["number: 1,500 megawatts -> 1.8 gigawatts"],
            ),
            // Areas in other units of area.
            (
                "Boats are barred from a 4,000-square-kilometre area.",
                "Boats are barred from a 1,544-square-mile area.",
                &[],
            ),
            (
                "The flat has 70 square metres of floor space.",
                "The flat has 900 sq ft of floor space.",
                &["number: 70 square metres -> 900 sq ft"],
            ),
            // Data and its speed in another multiple of its unit.
            (
                "The network offers speeds of up to 1,000 megabits per second.",
                "The network offers speeds of up to 1 gigabit per second.",
                &[],
            ),
            (
                "The phone has 512 gigabytes of storage.",
                "The phone has 1 terabyte of storage.",
                &["number: 512 gigabytes -> 1 terabyte"],
            ),
            // An opposite and a `not` cancel out; `lost` says what `without` says.
            ("Unemployment did not rise.", "Unemployment fell.", &[]),
            (
                "The storm left 5,000 homes without power.",
                "5,000 homes lost power in the storm.",
                &[],
            ),
            (
                "The storm left 5,000 homes without power.",
                "5,000 homes kept power in the storm.",
                &["negation"],
            ),
            // `voted against` denies a vote, not a stance worded otherwise.
            (
                "Parliament voted to ratify the treaty.",
                "Parliament voted against ratifying the treaty.",
                &["negation"],
            ),
            (
                "He said he would vote against the bill.",
                "He said he would oppose the bill.",
                &[],
            ),
            (
                "The fine was 1 million yuan.",
                "The fine was 1 million yuan (about $153,000).",
                &[],
            ),
            // Another currency is not the same figure: parallax cannot tell a conversion from a change.
            (
                "The fine was 1 million yuan.",
                "The fine, $153,000, was paid.",
                &["number dropped: 1 million yuan", "number added: $153,000"],
            ),
            (
                "It rose to 12.",
                "It rose to 12, with 3 more pending.",
                &["number added: 3"],
            ),
            (
                "The plan is part of the Made in China 2025 strategy.",
                "The plan is part of the “Made in China 2025” strategy.",
                &[],
            ),
            (
                "He said the vote was rigged and the count must stop at once.",
                "He said “the vote was rigged and the count must stop at once.”",
                &["quote added: “the vote was rigged and the count must stop at once.”"],
            ),
        ];
        for (origin, other, expected) in cases {
            assert_eq!(reasons(origin, other), *expected, "{origin:?} -> {other:?}");
        }
    }

    #[test]
    fn plain_counts_of_different_things_are_not_put_for_one_another() {
        assert_eq!(
            reasons(
                "Fletcher, a three-term congressman, won the seat.",
                "Fletcher won the seat with 88,747 votes.",
            ),
            ["number dropped: three", "number added: 88,747"]
        );
        // A count after a name may be part of it: a model, not a figure to put for another.
        assert_eq!(
            reasons(
                "Southwest took up six options.",
                "Southwest took up options on Boeing 737-700s.",
            ),
            [
                "number dropped: six",
                "number added: 737",
                "number added: 700"
            ]
        );
        // Counts of one thing still change, past a name or another word for it.
        let cases = [
            (
                "At least 23 U.S. troops have been killed.",
                "At least 26 American troops have been killed.",
                "number: At least 23 -> At least 26",
            ),
            (
                "Ten police officers were hurt.",
                "Twelve officers were hurt.",
                "number: Ten -> Twelve",
            ),
            (
                "Officials said 40 were hurt.",
                "Officials said 45 people were hurt.",
                "number: 40 -> 45",
            ),
            (
                "The score was Chelsea 1, Arsenal 2.",
                "The score was Chelsea 1, Arsenal 3.",
                "number: 2 -> 3",
            ),
        ];
        for (origin, other, expected) in cases {
            assert_eq!(reasons(origin, other), [expected], "{origin} / {other}");
        }
    }

    #[test]
    fn paraphrases_with_the_same_facts_give_no_reason() {
        let cases = [
            (
                "At least 50 died on Nov. 17, 2020, police said.",
                "No fewer than fifty people died on November 17, 2020, according to police.",
            ),
            (
                "The budget is 1 million yuan (about $153,000).",
                "The budget is 1 million yuan (approx. $153,000).",
            ),
            ("“We will win,” Li Ming said.", "Li said: “We will win.”"),
            ("He didn't pay.", "He did not pay."),
            (
                "It is one of 12 states that does not have the death penalty.",
                "It is one of 12 states without the death penalty.",
            ),
            (
                "If the subsidies are not repealed, the EU will impose sanctions.",
                "The EU will impose sanctions unless the subsidies are repealed.",
            ),
            (
                "Boucher named the states, without saying more.",
                "Boucher named the states.",
            ),
            (
                "“We are not co-mingling appropriated and non-appropriated funds,” he said.",
                "“We are not comingling appropriated and nonappropriated funds,” he said.",
            ),
            (
                "Most victims were unvaccinated.",
                "Most victims had not been vaccinated.",
            ),
            (
                "The jury acquitted him of murder.",
                "He was found not guilty of murder.",
            ),
            ("It may rain.", "It might rain."),
            (
                "Emails obtained by The Tribune show the plan.",
                "Emails, first reported by The Tribune, show the plan.",
            ),
        ];
        for (origin, other) in cases {
            assert_eq!(
                reasons(origin, other),
                Vec::<String>::new(),
                "{origin:?} -> {other:?}"
            );
        }
    }

    #[test]
    fn a_negation_inside_a_dropped_quote_is_part_of_the_quote_change() {
        assert_eq!(
            reasons(
                "“We are not going anywhere,” the coach said.",
                "The coach said the team was staying put.",
            ),
            ["quote dropped: “We are not going anywhere,”"]
        );
        assert_eq!(
            reasons("“We will not pay,” he said.", "“We will pay,” he said."),
            ["quote altered", "negation"]
        );
        assert_eq!(
            reasons(
                "“We have nothing to hide,” a spokesman said.",
                "A spokesman said the company had nothing to hide.",
            ),
            ["quote dropped: “We have nothing to hide,”"]
        );
    }

    #[test]
    fn speakers_compare_by_name_or_by_kind_of_source() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Police said the gunman acted alone.",
                "Prosecutors said the gunman acted alone.",
                &["attribution: Police -> Prosecutors"],
            ),
            (
                "The gunman acted alone, police said.",
                "The gunman acted alone, his lawyer said.",
                &["attribution: police -> his lawyer"],
            ),
            // The same kind of source, or a vaguer one, is no change.
            (
                "Police said the gunman acted alone.",
                "The gunman acted alone, officers said.",
                &[],
            ),
            (
                "Police said the gunman acted alone.",
                "Officials said the gunman acted alone.",
                &[],
            ),
            (
                "A police spokesman said the gunman acted alone.",
                "The gunman acted alone, police said.",
                &[],
            ),
            (
                "About 5,000 people joined the march, organisers said.",
                "About 5,000 people joined the march, police said.",
                &["attribution: organisers -> police"],
            ),
            (
                "Teachers joined the strike, the union said.",
                "Teachers joined the strike, the education ministry said.",
                &["attribution: the union -> the education ministry"],
            ),
            (
                "The ministry said the plan was delayed.",
                "The government said the plan was delayed.",
                &[],
            ),
        ];
        for (origin, other, expected) in cases {
            assert_eq!(reasons(origin, other), *expected, "{origin:?} -> {other:?}");
        }
    }

    #[test]
    fn a_figure_is_put_only_for_one_playing_the_same_part() {
        // Where a change started is not put for the change: two details.
        assert_eq!(
            reasons(
                "Tuition will jump to $2,800 from $2,400.",
                "Tuition will rise by $300 to $2,800.",
            ),
            ["number dropped: $2,400", "number added: $300"]
        );
        // The level reached is put for the level reached, the change for the change.
        assert_eq!(
            reasons(
                "Shares closed at $42.72 after falling $0.96.",
                "Shares fell $9.61 to close at $50.26."
            ),
            ["number: $42.72 -> $50.26", "number: $0.96 -> $9.61"]
        );
    }

    #[test]
    fn a_change_told_by_how_much_or_from_where_is_one_change() {
        for (origin, other) in [
            (
                "Wheat rose by $30 to $280 a tonne.",
                "Wheat climbed to $280 a tonne from $250.",
            ),
            (
                "The bank raised its rate by a quarter of a percentage point to 4.5%.",
                "The bank lifted its rate to 4.5% from 4.25%.",
            ),
            ("Sales fell by 40 to 270.", "Sales fell to 270 from 310."),
        ] {
            assert_eq!(reasons(origin, other), Vec::<String>::new(), "{origin}");
        }
        assert_eq!(
            reasons(
                "Wheat rose by $30 to $280.",
                "Wheat rose to $280 from $240."
            ),
            ["number dropped: $30", "number added: $240"]
        );
    }

    #[test]
    fn a_named_speaker_put_for_another_is_framing_not_a_name_conflict() {
        let changes = super::compare_facts(
            &extract_facts("The river will crest at 36 feet tonight, Burke said."),
            &extract_facts(
                "The river will crest at 36 feet tonight, the National Weather Service said.",
            ),
        );
        let seen: Vec<(&str, ChangeClass)> = changes
            .iter()
            .map(|c| (c.reason.as_str(), c.class))
            .collect();
        assert_eq!(
            seen,
            [(
                "attribution: Burke -> the National Weather Service",
                ChangeClass::Framing
            )]
        );
    }

    #[test]
    fn a_speaker_set_off_by_commas_is_who_says_it() {
        assert_eq!(
            reasons(
                "Lena Voss, the chief executive, said the cuts were necessary.",
                "Tom Harlan, the chief executive, said the cuts were necessary.",
            ),
            ["attribution: Lena Voss, the chief executive -> Tom Harlan, the chief executive"]
        );
    }

    #[test]
    fn one_figure_told_as_the_start_on_one_side_and_the_end_on_the_other_changed() {
        assert_eq!(
            reasons(
                "The monthly fee rose by $15 to $240 in the spring.",
                "The monthly fee rose by $15 from $240 in the spring.",
            ),
            ["number: to $240 -> from $240"]
        );
        // Where a side tells both ends, the other's level may be the earlier one.
        assert!(
            reasons(
                "The index rose to 52.1 from 48.3 in May.",
                "The index rose to 52.1, recovering from a dip in April at 48.3.",
            )
            .iter()
            .all(|r| !r.starts_with("number")),
        );
    }

    #[test]
    fn a_denial_is_a_neutral_verb_with_the_negation_in_the_claim() {
        assert!(
            reasons(
                "The army denied that it had targeted civilians.",
                "The army said it had not targeted civilians.",
            )
            .is_empty()
        );
        assert_eq!(
            reasons(
                "The army denied that it had targeted civilians.",
                "The army said it had targeted civilians.",
            ),
            ["negation"]
        );
    }

    #[test]
    fn a_verb_that_reports_only_sometimes_stands_for_an_attribution() {
        let same = [
            (
                "The drug cut deaths by 25%, researchers found.",
                "Researchers found the drug cut deaths by 25%.",
            ),
            (
                "“It is a dark day,” Senator Ruiz said.",
                "Senator Ruiz called it “a dark day.”",
            ),
            (
                "Leaked documents show the offensive was delayed.",
                "The offensive was delayed, according to leaked documents.",
            ),
        ];
        for (origin, other) in same {
            assert_eq!(
                reasons(origin, other),
                Vec::<String>::new(),
                "{origin:?} -> {other:?}"
            );
        }
        // Alone, such a verb is no attribution to drop or add.
        assert!(
            reasons(
                "Police found the body in a river.",
                "The body was in a river."
            )
            .is_empty()
        );
        assert_eq!(
            reasons(
                "The body was in a river, police said.",
                "Police found the body in a river.",
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn two_names_that_merely_both_occur_are_no_swap() {
        // Each side names one thing the other does not, in another place of a reworded
        // sentence: details, not one name put for another.
        for (origin, other) in [
            (
                "The court upheld Cleveland's voucher program last year.",
                "Last year the court ruled in an Ohio case that vouchers are legal.",
            ),
            (
                "The New York-based actor is a private person, he added.",
                "He added that De Niro is a private person.",
            ),
            (
                "The fund will be run by Italian officials under the plan.",
                "Under the plan, the fund will be run by officials loyal to Prodi.",
            ),
        ] {
            let names: Vec<String> = reasons(origin, other)
                .into_iter()
                .filter(|r| r.starts_with("name"))
                .collect();
            assert!(names.is_empty(), "{origin:?} -> {other:?}: {names:?}");
        }
    }

    #[test]
    fn one_name_spelled_or_transliterated_otherwise_is_no_change() {
        for (origin, other) in [
            (
                "It was a reference to Djihad Salafist, he said.",
                "It was a reference to Salafist Jihad, he said.",
            ),
            (
                "The envoy met Mr. Nicolas in the capital.",
                "The envoy met Nicholas in the capital.",
            ),
            (
                "The attack was blamed on al-Qaida by officials.",
                "The attack was blamed on al-Qaeda by officials.",
            ),
        ] {
            assert_eq!(reasons(origin, other), Vec::<String>::new(), "{origin:?}");
        }
    }

    #[test]
    fn a_negation_counts_only_on_the_statement_both_make() {
        for (origin, other) in [
            (
                "The memo was found in a binder not related to the inquiry.",
                "The memo was found in a manual that belonged to Hicks.",
            ),
            (
                "Investigators have not ruled out that two people were involved.",
                "Police still hold out the possibility that two people were involved.",
            ),
            (
                "Two grenades were thrown at soldiers, wounding seven, none seriously.",
                "Two grenades were thrown at soldiers, wounding seven.",
            ),
            (
                "Scruggs, who did not testify, was cleared of failing to care for her son.",
                "The jury cleared Scruggs of failing to care for her son.",
            ),
            (
                "We will take these issues to the convention, he said, declining to answer questions.",
                "We will take these issues to the convention, he said.",
            ),
            (
                "The strike closed 40 schools on Thursday, none of them in the capital.",
                "Forty schools were closed by the strike on Thursday.",
            ),
            // `no` denies what is said of its noun, which the other wording does not say.
            (
                "Crews said some of the passengers were thrown out of the bus.",
                "Crews said no passenger was ejected, but some were thrown out of the bus.",
            ),
        ] {
            assert!(
                !reasons(origin, other).contains(&"negation".to_string()),
                "{origin:?} -> {other:?}"
            );
        }
        assert_eq!(
            reasons("He did not steal it.", "He stole it."),
            ["negation"]
        );
        assert_eq!(
            reasons(
                "They said no decisions had been made.",
                "They said decisions had been made."
            ),
            ["negation"]
        );
        // An adverb between the `not` and its word qualifies the negation.
        assert_eq!(
            reasons(
                "The WHO said the outbreak was not yet under control.",
                "The WHO said the outbreak was under control."
            ),
            ["negation"]
        );
        assert_eq!(
            reasons(
                "Nobody was hurt in the blast.",
                "Three were hurt in the blast."
            ),
            ["number added: Three", "negation"]
        );
        assert_eq!(
            reasons("He refused to answer.", "He answered."),
            ["negation"]
        );
        assert_eq!(
            reasons(
                "He did not say he would not run.",
                "He did not say he would run."
            ),
            ["negation"]
        );
        assert_eq!(
            reasons(
                "The ban was not lifted on Monday.",
                "The ban was lifted on Monday."
            ),
            ["negation"]
        );
    }

    #[test]
    fn a_hedge_inside_quoted_words_is_the_quotes_change_not_the_outlets() {
        // The speaker hedged, not the outlet: the quote added says it.
        assert_eq!(
            reasons(
                "He testified after the report on the inquiry.",
                "He testified after the report, which found his texts “appeared to mix politics with work.”",
            ),
            ["quote added: “appeared to mix politics with work.”"]
        );
        // A quoted hedge still answers the other wording's own hedge.
        assert_eq!(
            reasons(
                "“We may raise rates again,” the governor said.",
                "The governor said the bank may raise rates again.",
            ),
            ["quote dropped: “We may raise rates again,”"]
        );
        // The outlet's own hedge outside the quote is reported.
        assert_eq!(
            reasons(
                "The minister said “the plan works.”",
                "The minister reportedly said “the plan works.”",
            ),
            ["hedge added: reportedly"]
        );
    }

    #[test]
    fn a_figure_rounded_or_bounded_is_a_detail() {
        let classes = |origin: &str, other: &str| -> Vec<(String, ChangeClass)> {
            super::compare_facts(&extract_facts(origin), &extract_facts(other))
                .into_iter()
                .map(|c| (c.reason, c.class))
                .collect()
        };
        assert_eq!(
            classes("It spent $114.3 million.", "It spent $114 million."),
            [(
                "number: $114.3 million -> $114 million (less specific)".to_string(),
                ChangeClass::Detail
            )]
        );
        assert_eq!(
            classes(
                "The virus killed 296 people.",
                "The virus killed 300 people."
            )[0]
            .1,
            ChangeClass::Detail
        );
        assert_eq!(
            classes("It plans more than 2,100 sites.", "It plans 2,100 sites.")[0].1,
            ChangeClass::Detail
        );
        assert_eq!(
            classes("It closed at $21.51.", "It closed at $21.03.")[0].1,
            ChangeClass::Conflict
        );
    }

    #[test]
    fn a_date_keeps_its_equal_before_a_related_one() {
        assert_eq!(
            reasons(
                "The rover launches later this month and arrives in January.",
                "The rover launches on June 25 and arrives in January.",
            ),
            ["date: later this month -> June 25 (more specific)"]
        );
    }

    #[test]
    fn the_date_of_a_report_is_no_other_date_of_the_events() {
        assert_eq!(
            reasons(
                "Militants ambushed the convoy Saturday, a spokesman said.",
                "Militants ambushed the convoy, a spokesman said Sunday.",
            ),
            ["date dropped: Saturday", "date added: Sunday"]
        );
        assert_eq!(
            reasons(
                "Militants ambushed the convoy, a spokesman said Saturday.",
                "Militants ambushed the convoy, a spokesman said Sunday.",
            ),
            ["date: Saturday -> Sunday"]
        );
        assert_eq!(
            reasons(
                "A statement said the company was sold in 1985.",
                "A statement said the company was sold in the 1980s.",
            ),
            ["date: 1985 -> 1980s (less specific)"]
        );
    }

    #[test]
    fn a_percentage_a_measure_and_a_bare_count_are_two_figures() {
        // Left over on each side, they are a figure dropped and one added, not one changed.
        for (origin, other) in [
            (
                "Tuition will rise to $2,800, or 12 percent.",
                "Tuition at the six colleges will rise to $2,800.",
            ),
            (
                "Peterson is charged in the death of his 27-year-old wife.",
                "Peterson is charged with two counts of murder.",
            ),
            (
                "Mattel shares were down 13 cents.",
                "Mattel shares were down 1.5 percent.",
            ),
        ] {
            let changed: Vec<String> = reasons(origin, other)
                .into_iter()
                .filter(|r| r.starts_with("number:"))
                .collect();
            assert!(changed.is_empty(), "{origin:?} -> {other:?}: {changed:?}");
        }
        // Amounts of one kind are still one figure changed.
        assert_eq!(
            reasons("Shares rose 8 cents.", "Shares rose 48 cents."),
            ["number: 8 cents -> 48 cents"]
        );
        assert_eq!(
            reasons("It cost $99.", "It cost 69."),
            ["number: $99 -> 69"]
        );
    }

    #[test]
    fn each_reason_has_the_class_a_reader_gives_it() {
        let class = |origin: &str, other: &str| {
            super::compare_facts(&extract_facts(origin), &extract_facts(other))[0].class
        };
        use ChangeClass::{Conflict, Detail, Framing};
        for (origin, other, expected) in [
            ("60 to 80 fell ill.", "70 fell ill.", Conflict),
            ("It began in 2019.", "It began in 2021.", Conflict),
            (
                "It began on Nov. 17, 2020.",
                "It began last November.",
                Detail,
            ),
            ("It began on Monday.", "It began.", Detail),
            ("“We won,” he said.", "“We lost,” he said.", Conflict),
            (
                "The deal went to Siemens.",
                "The deal went to Alstom.",
                Conflict,
            ),
            (
                "The firm said it was safe.",
                "The firm claimed it was safe.",
                Framing,
            ),
            ("It was safe, police said.", "It was safe.", Detail),
            ("He stole it.", "He allegedly stole it.", Framing),
            ("He did not steal it.", "He stole it.", Conflict),
            (
                "It rose to 12.",
                "It rose to 12, with 3 more pending.",
                Detail,
            ),
        ] {
            assert_eq!(class(origin, other), expected, "{origin:?} -> {other:?}");
        }
    }

    #[test]
    fn a_name_tagged_or_abbreviated_is_the_same_name() {
        for (a, b) in [
            (
                "Bill Frist, Republican of Tennessee, said he hoped to finish.",
                "Bill Frist, R-Tenn., said he hoped to finish.",
            ),
            (
                "Sen. Ben Nelson (D-Neb.) has become their target.",
                "Senator Ben Nelson, Democrat of Nebraska, has become their target.",
            ),
            (
                "An outlook from International Business Machines Corp. sent its shares down.",
                "An outlook from IBM sent its shares down.",
            ),
            (
                "An outlook from General Electric Co. sent its shares down.",
                "An outlook from GE sent its shares down.",
            ),
            (
                "Instead, bond bulls focus on the fact the Fed has done nothing.",
                "Still, bond bulls focus on the fact the Fed has done nothing.",
            ),
            (
                "“It will move,” Doug Feith, the under secretary, said.",
                "“It will move,” Douglas J. Feith, the under secretary, said.",
            ),
        ] {
            assert_eq!(reasons(a, b), Vec::<String>::new(), "{a} / {b}");
        }
        assert_eq!(
            reasons(
                "Bill Frist, R-Tenn., said he hoped to finish.",
                "Bill Frist, Republican of Texas, said he hoped to finish.",
            ),
            ["name: R-Tenn -> Republican of Texas"]
        );
    }

    #[test]
    fn two_names_of_one_country_or_body_are_no_swap() {
        for (a, b) in [
            (
                "The US market fell 2.1 percent, Dell said.",
                "The American market fell 2.1 percent, Dell said.",
            ),
            (
                "British troops left Basra, Blair said.",
                "UK troops left Basra, Blair said.",
            ),
            (
                "The rating was cut by Standard & Poor's on Monday.",
                "The rating was cut by S&P on Monday.",
            ),
        ] {
            assert_eq!(reasons(a, b), Vec::<String>::new(), "{a} / {b}");
        }
        assert_eq!(
            reasons("British troops left Basra.", "French troops left Basra."),
            ["name: British -> French"]
        );
    }

    #[test]
    fn an_acronym_is_the_name_it_abbreviates() {
        for (a, b) in [
            (
                "Kenya Supreme Court upholds election result",
                "Kenya SC upholds election result",
            ),
            (
                "Carney sets high bar to changes at Bank of England",
                "Carney sets high bar to changes at BoE",
            ),
            (
                "He said both EPI and Pratt & Whitney had presented proposals.",
                "He said EPI and P&W had presented proposals.",
            ),
            (
                "Zimbabwe may rejoin before the next CHOGM in two years.",
                "Zimbabwe may rejoin before the next Commonwealth Heads of Government Meeting in two years.",
            ),
        ] {
            assert_eq!(reasons(a, b), Vec::<String>::new(), "{a} / {b}");
            assert_eq!(reasons(b, a), Vec::<String>::new(), "{b} / {a}");
        }
        assert_eq!(
            reasons(
                "Carney sets high bar to changes at Bank of England",
                "Carney sets high bar to changes at Bank of Canada",
            ),
            ["name: Bank of England -> Bank of Canada"]
        );
        assert_eq!(
            reasons(
                "Li Ming met the envoy in Beijing.",
                "Wang Wei met the envoy in Beijing."
            ),
            ["name: Li Ming -> Wang Wei"]
        );
    }

    #[test]
    fn a_wire_slug_states_no_figure() {
        assert_eq!(
            reasons(
                "EXCLUSIVE-UPDATE 1-Egypt pro-Mursi alliance signals flexibility in talks",
                "Exclusive-UPDATE 2-Egypt pro-Mursi alliance signals flexibility in talks",
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            reasons(
                "UPDATE 1-Egypt says 20 killed in clashes",
                "UPDATE 2-Egypt says 30 killed in clashes",
            ),
            ["number: 20 -> 30"]
        );
    }

    #[test]
    fn a_refusal_negates_the_verb_after_it_not_a_date_between() {
        assert_eq!(
            reasons(
                "Peterson argued on Friday that handing over the bank documents to the committee would violate his rights.",
                "Peterson refused on Friday to turn over the bank documents to the committee, asserting his rights.",
            ),
            ["attribution dropped: Peterson argued"]
        );
        assert_eq!(
            reasons(
                "Peterson turned over the bank documents to the committee on Friday.",
                "Peterson refused on Friday to turn over the bank documents to the committee.",
            ),
            ["negation"]
        );
    }

    #[test]
    fn a_collective_for_one_entity_describes_it() {
        for (origin, other) in [
            (
                "Trailing Arsenal by a point, Chelsea won 2-0 at home on Saturday.",
                "Trailing the Londoners by a point, Chelsea won 2-0 at home on Saturday.",
            ),
            (
                "Chelsea, trailing Arsenal by a point, won 2-0 at home on Saturday.",
                "Chelsea, trailing the Londoners by a point, won 2-0 at home on Saturday.",
            ),
        ] {
            assert_eq!(reasons(origin, other), Vec::<String>::new(), "{other:?}");
        }
        assert_eq!(
            reasons(
                "Chelsea, trailing Arsenal by a point, won 2-0 at home on Saturday.",
                "Chelsea, trailing Tottenham by a point, won 2-0 at home on Saturday.",
            ),
            ["name: Arsenal -> Tottenham"]
        );
        assert_eq!(
            reasons(
                "The Democrats blocked the bill on Monday.",
                "The Republicans blocked the bill on Monday."
            ),
            ["name: Democrats -> Republicans"]
        );
    }

    #[test]
    fn a_countrys_adjective_is_put_only_for_another_place() {
        assert_eq!(
            reasons(
                "The Italian police suspect an anarchist group of sending the parcel bomb.",
                "Police investigating the Prodi bomb suspect an anarchist group of sending the parcel.",
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            reasons(
                "The Italian police arrested two men.",
                "The French police arrested two men."
            ),
            ["name: Italian -> French"]
        );
        assert_eq!(
            reasons(
                "The final was played in Madrid.",
                "The final was played in Barcelona."
            ),
            ["name: Madrid -> Barcelona"]
        );
        // Names that share a word differ where their other words stand in each other's place.
        assert_eq!(
            reasons(
                "Brisa Telecom cited a contract with Oktan Motors.",
                "Brisa Telecom cited a deal with Veld Motors.",
            ),
            ["name: Oktan Motors -> Veld Motors"]
        );
    }

    #[test]
    fn names_compare_as_sets() {
        // The same names reordered, the speaker moved to the end (a sentence-initial single
        // word is not read as a name, so one side sees fewer names).
        assert_eq!(
            reasons(
                "EU diplomats say Moscow has moved troops to the Belarus border.",
                "Moscow has moved troops to the Belarus border, EU diplomats say.",
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            reasons(
                "The deal links Siemens in Munich with Alstom in Paris.",
                "The deal links Alstom in Paris with Siemens in Munich.",
            ),
            Vec::<String>::new()
        );
        // A name put for another is still reported, wherever it stands.
        assert_eq!(
            reasons(
                "The deal links Siemens in Munich with Alstom in Paris.",
                "The deal links Alstom in Paris with Bosch in Munich.",
            ),
            ["name: Siemens -> Bosch"]
        );
        // A lone sentence-initial name put for another in the same place; a speaker is left
        // to the attribution.
        assert_eq!(
            reasons("Siemens won the contract.", "Alstom won the contract."),
            ["name: Siemens -> Alstom"]
        );
        // The company whose chief executive speaks is what the claim is about: a name put
        // for another, said once.
        assert_eq!(
            reasons(
                "Boeing's chief executive said output would resume.",
                "Airbus's chief executive said output would resume.",
            ),
            ["name: Boeing's -> Airbus's"]
        );
        assert_eq!(
            reasons(
                "Protesters gathered at dawn.",
                "Demonstrators gathered at dawn."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            reasons(
                "Police searched his home near Parma on Wednesday.",
                "Magistrates searched his home near Parma on Wednesday.",
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            reasons("Siemens won the contract.", "Alstom lost the contract."),
            Vec::<String>::new()
        );
        assert_eq!(
            reasons(
                "Internal documents show the plan.",
                "Leaked documents show the plan."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            reasons(
                "Internal files from the Hebei government detail a plan to hire experts.",
                "Secret files from the Hebei government describe a scheme to recruit experts.",
            ),
            Vec::<String>::new()
        );
        // After a colon too, where a headline's capitalised words are no names.
        assert_eq!(
            reasons(
                "Daily Press Briefing : Syria",
                "Daily Press Briefing : South Sudan"
            ),
            ["name: Syria -> South Sudan"]
        );
        assert_eq!(
            reasons(
                "The daily press briefing covered Syria.",
                "The daily press briefing covered South Sudan."
            ),
            ["name: Syria -> South Sudan"]
        );
        assert_eq!(
            reasons(
                "Siemens won the contract.",
                "Alstom Corp. won the contract."
            ),
            ["name: Siemens -> Alstom Corp"]
        );
        assert_eq!(
            reasons(
                "Daily Press Briefing : Syria",
                "Weekly Press Briefing : Syria"
            ),
            Vec::<String>::new()
        );
        // A name inside the sentence is no counterpart for a sentence-initial word.
        let names: Vec<String> = reasons(
            "He told the paper that Mr. Hussein's daughters wanted asylum in Britain.",
            "“Saddam's daughters wanted asylum in Britain,” he told the paper.",
        )
        .into_iter()
        .filter(|r| r.starts_with("name"))
        .collect();
        assert!(names.is_empty(), "{names:?}");
        // One side naming more is a detail added, not a substitution.
        assert_eq!(
            reasons(
                "Siemens won the contract.",
                "Germany's Siemens won the contract from Alstom.",
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn overlap_is_shared_over_all_facts_and_neutral_without_any() {
        let a = extract_facts("60 students fell ill in Hebei on Nov. 17.");
        let b = extract_facts("60 students fell ill on Nov. 17.");
        assert!((fact_overlap(&a, &b) - 0.8).abs() < 1e-9);
        assert_eq!(fact_overlap(&a, &a), 1.0);
        assert_eq!(fact_overlap(&a, &extract_facts("Nothing here.")), 0.0);
        assert_eq!(
            fact_overlap(&Facts::default(), &Facts::default()),
            NEUTRAL_OVERLAP
        );
        assert!(Facts::default().is_empty() && !a.is_empty());
    }
}
