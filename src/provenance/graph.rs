//! The provenance graph: from every pair's evidence, whether one article was written from the
//! other, which way, how much, and how sure.
//!
//! 1. **Strength.** The evidence of a pair is weighed as log-odds ([`strength_of`]): each copy
//!    run by the words of the writer's choosing it holds, the share copied, each shared
//!    particular, explicit credit (strong) or a mere mention, and the shared claims' order.
//!    Common quotes and stock words weigh nothing: two independent reports of one event quote
//!    the same official and name the same places.
//! 2. **Direction.** Credit first (the article naming the other took from it), then times (the
//!    earlier came first), then content ([`content_direction`]): the later version makes the
//!    other's figures and dates less specific, adds hedges, leaves out figures, dates or quotes
//!    of claims both carry, or carries the other's claims and adds its own; two votes more one
//!    way than the other decide. Without any, a derived pair has no direction (one follows the
//!    other).
//! 3. **Explained pairs.** Pairs are settled strongest first. A pair whose shared material all
//!    stands in a third outlet that is a source of both (siblings), or the intermediary of the
//!    two (a chain), is weighed again on what is left; when that is thin the pair is
//!    `independent` via that source (siblings) or derived through it (a chain). An article may
//!    keep several direct sources when each accounts for material of its own.
//! 4. **Class.** A derived article is `wholly` derived when it has one direct source, carries at
//!    least [`WHOLLY_SHARE`] of its claims from it and adds no sourced material of its own (an
//!    attribution, a quote, a figure or a date in a claim the source lacks); else `partially`.
//!    A pair below [`DERIVED_AT`] is `undetermined`, and below [`INDEPENDENT_BELOW`]
//!    `independent`.

use rustc_hash::FxHashMap;

use super::carried::Carried;
use super::{
    Credit, DerivationClass, DirectionBasis, PairEvidence, ParticularKind, Relation, RunKind,
    SharedRun,
};
use crate::model::{Comparison, Status};
use crate::text::facts::{Facts, extract_facts};

/// The strength from which one article of a pair is said to derive from the other.
pub const DERIVED_AT: f64 = 0.6;
/// The strength under which two articles are said to be independent.
pub const INDEPENDENT_BELOW: f64 = 0.3;
/// The strength what is left of a pair's evidence beyond a source of both needs, without a
/// claim of its own, for the pair to stay derived (a second source).
pub const SECOND_SOURCE_ALONE: f64 = 0.9;
/// The least share of a derived article's claims its source carries for `wholly`.
pub const WHOLLY_SHARE: f64 = 0.7;

/// What a pair's evidence adds up to, before classes.
#[derive(Debug, Clone, Default)]
struct Signals {
    /// For each copy run, the words of the writer's choosing it holds (what is left of them
    /// once a third outlet's shared runs are taken out).
    copies: Vec<f64>,
    /// The larger share of either article inside copy runs.
    churn: f64,
    conversions: usize,
    lists: usize,
    rare_phrases: usize,
    spellings: usize,
    /// Explicit credit either way.
    credit: bool,
    /// A mention of the other outlet (without a cue).
    mention: bool,
    /// Claims both carry, and how many keep one order.
    shared_claims: usize,
    in_order: usize,
    common_quotes: usize,
}

/// The log-odds weights of the evidence (set by hand on the fixtures and the BASIL stories:
/// see the provenance evaluation in `tests/provenance_eval.rs`).
mod weight {
    /// Where a pair with no evidence stands.
    pub const PRIOR: f64 = -3.5;
    /// Per five free words of a copy run, at most `COPY_RUN_MAX` per run.
    pub const COPY_PER_FIVE_WORDS: f64 = 1.0;
    pub const COPY_RUN_MAX: f64 = 2.5;
    /// All copy runs together at most.
    pub const COPY_MAX: f64 = 9.0;
    /// Per unit of the copied share.
    pub const CHURN: f64 = 5.0;
    pub const CONVERSION: f64 = 1.0;
    pub const CONVERSION_MAX: f64 = 2.0;
    pub const LIST: f64 = 0.5;
    pub const LIST_MAX: f64 = 1.0;
    pub const RARE_PHRASE: f64 = 0.3;
    pub const RARE_PHRASE_MAX: f64 = 0.9;
    pub const SPELLING: f64 = 0.5;
    pub const SPELLING_MAX: f64 = 1.0;
    /// Credit alone (a quote from an interview the other outlet ran, one fact it reported)
    /// stays undetermined; with text taken over it decides.
    pub const CREDIT: f64 = 3.0;
    pub const MENTION: f64 = 1.0;
    /// Five shared claims or more nearly all in one order.
    pub const ORDER: f64 = 0.5;
}

/// The strength of a pair's signals, 0 to 1.
fn strength_of(s: &Signals) -> f64 {
    let copies: f64 = s
        .copies
        .iter()
        .map(|free| (free / 5.0 * weight::COPY_PER_FIVE_WORDS).min(weight::COPY_RUN_MAX))
        .sum::<f64>()
        .min(weight::COPY_MAX);
    let capped = |n: usize, each: f64, max: f64| (n as f64 * each).min(max);
    let order = s.shared_claims >= 5 && s.in_order as f64 >= 0.9 * s.shared_claims as f64;
    let z = weight::PRIOR
        + copies
        + weight::CHURN * s.churn
        + capped(s.conversions, weight::CONVERSION, weight::CONVERSION_MAX)
        + capped(s.lists, weight::LIST, weight::LIST_MAX)
        + capped(s.rare_phrases, weight::RARE_PHRASE, weight::RARE_PHRASE_MAX)
        + capped(s.spellings, weight::SPELLING, weight::SPELLING_MAX)
        + if s.credit {
            weight::CREDIT
        } else if s.mention {
            weight::MENTION
        } else {
            0.0
        }
        + if order { weight::ORDER } else { 0.0 };
    1.0 / (1.0 + (-z).exp())
}

/// A third outlet whose material a pair's shared material may all be: its runs and claims.
struct Explainer<'a> {
    /// The third outlet's index.
    z: usize,
    /// Its pairs with the pair's two outlets.
    with_a: &'a PairEvidence,
    with_b: &'a PairEvidence,
}

/// The share of `run`'s passage in `outlet` covered by the runs of `pair` standing there.
fn covered_share(run: &SharedRun, outlet: &str, pair: &PairEvidence) -> f64 {
    let place = if run.a.outlet == outlet {
        &run.a
    } else {
        &run.b
    };
    let len = place.end.saturating_sub(place.start);
    if len == 0 {
        return 0.0;
    }
    let mut intervals: Vec<(usize, usize)> = pair
        .verbatim
        .iter()
        .map(|r| if r.a.outlet == outlet { &r.a } else { &r.b })
        .filter(|p| p.paragraph == place.paragraph && p.end > place.start && p.start < place.end)
        .map(|p| (p.start.max(place.start), p.end.min(place.end)))
        .collect();
    intervals.sort_unstable();
    let mut covered = 0;
    let mut reach = place.start;
    for (s, e) in intervals {
        let s = s.max(reach);
        if e > s {
            covered += e - s;
            reach = e;
        }
    }
    covered as f64 / len as f64
}

/// The signals of a pair; with an explainer, only what it does not account for.
fn signals(
    pair: &PairEvidence,
    carried: &Carried,
    index: &FxHashMap<&str, usize>,
    explainer: Option<&Explainer>,
) -> Signals {
    let z_id = explainer.map(|e| e.z);
    let mut s = Signals::default();
    let mut residual_words = 0.0;
    for run in &pair.verbatim {
        match run.kind {
            RunKind::CommonQuote => s.common_quotes += 1,
            RunKind::Stock => {}
            RunKind::Copy => {
                let left = match explainer {
                    None => 1.0,
                    Some(e) => {
                        let in_a = covered_share(run, &pair.a, e.with_a);
                        let in_b = covered_share(run, &pair.b, e.with_b);
                        1.0 - in_a.max(in_b)
                    }
                };
                let free = run.free_words as f64 * left;
                if free >= 1.0 {
                    s.copies.push(free);
                    residual_words += run.words as f64 * left;
                }
            }
        }
    }
    s.churn = match explainer {
        None => pair.churn.a_copied.max(pair.churn.b_copied),
        Some(_) => residual_words / pair.words[0].min(pair.words[1]).max(1) as f64,
    };
    let explained = |also_in: &[String]| {
        explainer.is_some_and(|e| also_in.iter().any(|o| index.get(o.as_str()) == Some(&e.z)))
    };
    for particular in pair.particulars.iter().filter(|p| !explained(&p.also_in)) {
        match particular.kind {
            ParticularKind::Conversion => s.conversions += 1,
            ParticularKind::ListOrder => s.lists += 1,
            ParticularKind::RarePhrase => s.rare_phrases += 1,
            ParticularKind::Spelling => s.spellings += 1,
        }
    }
    s.credit = pair.credits.iter().any(|c| c.explicit);
    s.mention = !pair.credits.is_empty();
    let claims = pair
        .claims
        .claims
        .iter()
        .filter(|c| {
            z_id.is_none_or(|z| {
                let cluster = carried.index_of(&c.claim);
                !cluster.is_some_and(|k| carried.carries(z, k))
            })
        })
        .collect::<Vec<_>>();
    s.shared_claims = claims.len();
    s.in_order = claims.iter().filter(|c| !c.out_of_order).count();
    s
}

/// Which way a pair goes: (source index, derived index, basis, why).
type Direction = (usize, usize, DirectionBasis, String);

/// The direction credit gives: the outlet credited explicitly by the other (and not crediting
/// it back) is the source.
fn credit_direction(pair: &PairEvidence, ia: usize, ib: usize) -> Option<Direction> {
    let by_b = pair.credits.iter().find(|c| c.explicit && c.by == pair.b);
    let by_a = pair.credits.iter().find(|c| c.explicit && c.by == pair.a);
    let why = |c: &Credit, credited: &str| {
        format!(
            "{} credits {}: {} (¶{})",
            c.by,
            credited,
            quote(&c.passage.text, 90),
            c.passage.paragraph + 1
        )
    };
    match (by_a, by_b) {
        (None, Some(c)) => Some((ia, ib, DirectionBasis::Credit, why(c, &pair.a))),
        (Some(c), None) => Some((ib, ia, DirectionBasis::Credit, why(c, &pair.b))),
        _ => None,
    }
}

/// A text in quotation marks, cut to `max` characters.
fn quote(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return format!("“{text}”");
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("“{}…”", cut.trim_end())
}

/// The facts of every outlet's wording of every claim, read once when first asked (once per
/// distinct wording: outlets that copy share it).
struct FactsCache<'a> {
    comparison: &'a Comparison,
    /// Per (outlet, claim), the index of its facts in `store` (None: no wording).
    slots: FxHashMap<(usize, usize), Option<usize>>,
    /// Per wording, the index of its facts.
    by_text: FxHashMap<&'a str, usize>,
    store: Vec<Facts>,
}

impl<'a> FactsCache<'a> {
    fn new(comparison: &'a Comparison) -> Self {
        FactsCache {
            comparison,
            slots: FxHashMap::default(),
            by_text: FxHashMap::default(),
            store: Vec::new(),
        }
    }

    /// Outlet `o`'s wording of claim `c`.
    fn text(&self, o: usize, c: usize) -> Option<&'a str> {
        let comparison = self.comparison;
        let outlet = &comparison.outlets.get(o)?.id;
        let cluster = comparison.claims.get(c)?;
        let status = cluster.statuses.get(outlet)?;
        match status.status {
            Status::Missing => None,
            _ if cluster.origin == *outlet => Some(cluster.text.as_str()),
            _ => status.text.as_deref(),
        }
    }

    /// Reads the facts of outlet `o`'s wording of claim `c` (once).
    fn load(&mut self, o: usize, c: usize) {
        if self.slots.contains_key(&(o, c)) {
            return;
        }
        let slot = self.text(o, c).map(|text| match self.by_text.get(text) {
            Some(&k) => k,
            None => {
                self.store.push(extract_facts(text));
                self.by_text.insert(text, self.store.len() - 1);
                self.store.len() - 1
            }
        });
        self.slots.insert((o, c), slot);
    }

    /// The facts of outlet `o`'s wording of claim `c`, once loaded.
    fn peek(&self, o: usize, c: usize) -> Option<&Facts> {
        self.slots
            .get(&(o, c))
            .copied()
            .flatten()
            .and_then(|k| self.store.get(k))
    }
}

/// The direction the content gives: which version loses the other's specifics, adds hedges,
/// or carries the other's claims and adds its own. Positive votes make `a` the source.
fn content_direction(
    pair: &PairEvidence,
    ia: usize,
    ib: usize,
    context: &mut Context,
) -> Option<Direction> {
    let mut votes = 0i32;
    let mut why = Vec::new();
    let (mut vaguer_b, mut vaguer_a, mut hedged_b, mut hedged_a) = (0, 0, 0, 0);
    // Claims whose figures, dates or quotes one version leaves out (and adds none): a rewrite
    // condenses.
    let (mut thinner_b, mut thinner_a) = (0, 0);
    // How each version's wording departs from the reference's (the comparison has those
    // changes already): what one loses against the reference and the other keeps, it lost
    // against the other. With the reference itself one side has no change.
    for claim in &pair.claims.claims {
        let Some(c) = context.carried.index_of(&claim.claim) else {
            continue;
        };
        if context.facts.text(ia, c) == context.facts.text(ib, c) {
            continue; // the same words: nothing changed
        }
        let (Some(ta), Some(tb)) = (context.tally_of(ia, c), context.tally_of(ib, c)) else {
            continue;
        };
        vaguer_b += tb.vaguer + ta.sharper;
        vaguer_a += ta.vaguer + tb.sharper;
        hedged_b += tb.hedged + ta.unhedged;
        hedged_a += ta.hedged + tb.unhedged;
        thinner_b += tb.thinner + ta.fuller;
        thinner_a += ta.thinner + tb.fuller;
    }
    let tally = |x: i32, y: i32, what: &str, votes: &mut i32, why: &mut Vec<String>| {
        if x != y {
            let later = if x > y { &pair.b } else { &pair.a };
            why.push(format!("{later} makes {} {what}", x.max(y)));
            *votes += (x - y).signum() * (x - y).abs().min(2);
        }
    };
    tally(
        vaguer_b,
        vaguer_a,
        "figures or dates less specific",
        &mut votes,
        &mut why,
    );
    tally(hedged_b, hedged_a, "claims hedged", &mut votes, &mut why);
    tally(
        thinner_b,
        thinner_a,
        "claims leave out a figure, date or quote the other gives",
        &mut votes,
        &mut why,
    );
    // The version that carries (nearly) all of the other's claims and adds its own came later.
    let holds = |shared: usize, of: usize| of > 0 && shared as f64 >= 0.8 * of as f64;
    let shared = pair.claims.shared;
    let (b_holds_a, a_holds_b) = (
        holds(shared, pair.claims.of_a),
        holds(shared, pair.claims.of_b),
    );
    if b_holds_a != a_holds_b {
        // Only one of the two carries (nearly) all of the other: does it add its own?
        let own_a = context.own_claims(ia, &[ib]).len();
        let own_b = context.own_claims(ib, &[ia]).len();
        if b_holds_a && own_b >= 2 && own_a == 0 {
            votes += 2;
            why.push(format!(
                "{} carries {}'s claims and adds {own_b} of its own",
                pair.b, pair.a
            ));
        } else if a_holds_b && own_a >= 2 && own_b == 0 {
            votes -= 2;
            why.push(format!(
                "{} carries {}'s claims and adds {own_a} of its own",
                pair.a, pair.b
            ));
        }
    }
    let why = format!("from the content: {}", why.join("; "));
    match votes {
        v if v >= 2 => Some((ia, ib, DirectionBasis::Content, why)),
        v if v <= -2 => Some((ib, ia, DirectionBasis::Content, why)),
        _ => None,
    }
}

/// What the changes of one claim from one wording to another say about which came later.
#[derive(Debug, Clone, Copy, Default)]
struct ChangeTally {
    /// Figures or dates made less specific.
    vaguer: i32,
    /// Made more specific.
    sharper: i32,
    /// Hedges added.
    hedged: i32,
    /// Hedges removed.
    unhedged: i32,
    /// The claim leaves out a figure, date or quote (and adds none).
    thinner: i32,
    /// The claim adds one (and leaves none out).
    fuller: i32,
}

impl ChangeTally {
    fn of(changes: &[crate::model::FactChange]) -> ChangeTally {
        use crate::model::ChangeKind;
        let mut t = ChangeTally::default();
        // A relative date (`earlier this month`) is no specific a version gives or leaves out.
        let detail = |c: &&crate::model::FactChange| match c.kind {
            ChangeKind::Number | ChangeKind::Quote => true,
            ChangeKind::Date => {
                !is_relative_date(c.from.as_deref().or(c.to.as_deref()).unwrap_or_default())
            }
            _ => false,
        };
        let dropped = changes
            .iter()
            .filter(detail)
            .filter(|c| c.to.is_none())
            .count();
        let added = changes
            .iter()
            .filter(detail)
            .filter(|c| c.from.is_none())
            .count();
        if dropped > 0 && added == 0 {
            t.thinner = 1;
        } else if added > 0 && dropped == 0 {
            t.fuller = 1;
        }
        for change in changes {
            if change.reason.ends_with("(less specific)") {
                t.vaguer += 1;
            } else if change.reason.ends_with("(more specific)") {
                t.sharper += 1;
            } else if change.reason.starts_with("hedge added") {
                t.hedged += 1;
            } else if change.reason.starts_with("hedge removed") {
                t.unhedged += 1;
            }
        }
        t
    }
}

/// Whether a date as written is relative to when the article was written (`earlier this
/// month`, `last week`, `on Tuesday`, `yesterday`).
fn is_relative_date(text: &str) -> bool {
    const CUES: &[&str] = &[
        "last",
        "this",
        "next",
        "ago",
        "earlier",
        "later",
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "recently",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "week",
        "weekend",
    ];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CUES.contains(&w))
        && !text.chars().any(|c| c.is_ascii_digit())
}

/// Whether a claim's facts are material of its own when no source carries it: an
/// attribution, a quote, a figure or a date.
fn holds_material(facts: &Facts) -> bool {
    !facts.attributions.is_empty()
        || !facts.quotes.is_empty()
        || !facts.quantities.is_empty()
        || !facts.dates.is_empty()
}

/// What judging the pairs reads: the claims' places and facts, and which claims give credit.
struct Context<'a> {
    comparison: &'a Comparison,
    carried: &'a Carried,
    facts: FactsCache<'a>,
    /// Per outlet and cluster: the claim gives a credit or names the outlet itself (never
    /// material of its own).
    excluded: Vec<Vec<bool>>,
}

impl<'a> Context<'a> {
    fn new(comparison: &'a Comparison, credits: &[Credit], carried: &'a Carried) -> Self {
        let excluded = comparison
            .outlets
            .iter()
            .map(|outlet| {
                comparison
                    .claims
                    .iter()
                    .map(|cluster| {
                        let Some(status) = cluster.statuses.get(&outlet.id) else {
                            return false;
                        };
                        let credited = status.spans.iter().any(|span| {
                            credits.iter().any(|c| {
                                c.by == outlet.id
                                    && c.passage.paragraph == span.paragraph
                                    && c.passage.start < span.end
                                    && span.start < c.passage.end
                            })
                        });
                        let text = status.text.as_deref().unwrap_or(&cluster.text);
                        credited || (!outlet.name.is_empty() && text.contains(outlet.name.as_str()))
                    })
                    .collect()
            })
            .collect();
        Context {
            comparison,
            carried,
            facts: FactsCache::new(comparison),
            excluded,
        }
    }

    /// What the comparison's changes from the reference's wording of claim `c` to outlet
    /// `o`'s say (nothing changed for the reference itself); None when the claim is not the
    /// reference's or `o` does not carry it.
    fn tally_of(&self, o: usize, c: usize) -> Option<ChangeTally> {
        let comparison = self.comparison;
        let cluster = comparison.claims.get(c)?;
        if cluster.origin != comparison.reference {
            return None;
        }
        let status = cluster.statuses.get(&comparison.outlets.get(o)?.id)?;
        match status.status {
            Status::Missing => None,
            _ => Some(ChangeTally::of(&status.changes)),
        }
    }

    /// The claims of outlet `o` that none of `sources` carries and that hold material of its
    /// own.
    fn own_claims(&mut self, o: usize, sources: &[usize]) -> Vec<usize> {
        let mut out = Vec::new();
        for c in self.carried.claims_of(o).collect::<Vec<_>>() {
            if sources.iter().any(|&s| self.carried.carries(s, c)) || self.excluded[o][c] {
                continue;
            }
            self.facts.load(o, c);
            if self.facts.peek(o, c).is_some_and(holds_material) {
                out.push(c);
            }
        }
        out
    }
}

/// One pair as settled.
#[derive(Debug, Clone)]
struct Settled {
    strength: f64,
    direction: Option<Direction>,
    /// The third outlet that accounts for the shared material, and whether it is a source of
    /// both (siblings; else an intermediary).
    via: Option<(usize, bool)>,
    /// A source outside the story both credit (an agency), which may account for what they
    /// share.
    via_agency: Option<String>,
    notes: Vec<String>,
}

/// The relations of a story, one per pair (in the order of `pairs`).
pub(crate) fn relations(
    comparison: &Comparison,
    pairs: &[PairEvidence],
    credits: &[Credit],
    carried: &Carried,
) -> Vec<Relation> {
    let index: FxHashMap<&str, usize> = comparison
        .outlets
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    let pair_of: FxHashMap<(usize, usize), usize> = pairs
        .iter()
        .enumerate()
        .filter_map(|(k, p)| {
            Some((
                (
                    index.get(p.a.as_str()).copied()?,
                    index.get(p.b.as_str()).copied()?,
                ),
                k,
            ))
        })
        .collect();
    let find_pair = |x: usize, y: usize| pair_of.get(&(x.min(y), x.max(y))).map(|&k| &pairs[k]);
    let mut context = Context::new(comparison, credits, carried);

    // 1. Raw strength and direction of every pair.
    let mut settled: Vec<Settled> = Vec::with_capacity(pairs.len());
    for pair in pairs {
        let (ia, ib) = (index[pair.a.as_str()], index[pair.b.as_str()]);
        let strength = strength_of(&signals(pair, carried, &index, None));
        let (direction, notes) = direction_of(pair, ia, ib, strength, &mut context);
        settled.push(Settled {
            strength,
            direction,
            via: None,
            via_agency: None,
            notes,
        });
    }

    // 2. Strongest first, pairs whose shared material a settled source accounts for.
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&x, &y| {
        settled[y]
            .strength
            .total_cmp(&settled[x].strength)
            .then(x.cmp(&y))
    });
    let mut kept: Vec<bool> = vec![false; pairs.len()];
    for &k in &order {
        let pair = &pairs[k];
        let (ia, ib) = (index[pair.a.as_str()], index[pair.b.as_str()]);
        if settled[k].strength < DERIVED_AT {
            continue;
        }
        // Directed edges kept so far.
        let edge = |from: usize, to: usize| -> Option<f64> {
            let &m = pair_of.get(&(from.min(to), from.max(to)))?;
            let s = &settled[m];
            (kept[m] && s.via.is_none())
                .then_some(())
                .and(s.direction.as_ref())
                .filter(|d| d.0 == from && d.1 == to)
                .map(|_| s.strength)
        };
        let mut best: Option<(usize, bool, f64)> = None;
        for z in 0..comparison.outlets.len() {
            if z == ia || z == ib {
                continue;
            }
            let sibling = edge(z, ia).zip(edge(z, ib)).map(|(x, y)| x.min(y));
            let chain = settled[k].direction.as_ref().and_then(|d| {
                let (from, to) = (d.0, d.1);
                edge(from, z).zip(edge(z, to)).map(|(x, y)| x.min(y))
            });
            for (found, is_sibling) in [(sibling, true), (chain, false)] {
                if let Some(s) = found
                    && best.is_none_or(|b| s > b.2)
                {
                    best = Some((z, is_sibling, s));
                }
            }
        }
        if best.is_none()
            && !pair.credits.iter().any(|c| c.explicit)
            && let Some(name) = common_agency(pair, credits)
        {
            settled[k].via_agency = Some(name.clone());
            settled[k].notes.insert(
                0,
                format!("both credit {name}, outside the story: what they share may come from it"),
            );
        }
        if let Some((z, is_sibling, _)) = best
            && let (Some(with_a), Some(with_b)) = (find_pair(z, ia), find_pair(z, ib))
        {
            let explainer = Explainer { z, with_a, with_b };
            let left_signals = signals(pair, carried, &index, Some(&explainer));
            let left = strength_of(&left_signals);
            let z_id = &comparison.outlets[z].id;
            // A second source must give material of its own: a claim the explaining outlet
            // lacks, or wording copied well beyond it.
            let own_material = left_signals.shared_claims > 0 || left >= SECOND_SOURCE_ALONE;
            if left < DERIVED_AT || !own_material {
                settled[k].via = Some((z, is_sibling));
                settled[k].notes.insert(
                    0,
                    if is_sibling {
                        format!(
                            "what they share stands in {z_id}, which both derive from (left over: strength {left:.2})"
                        )
                    } else {
                        format!("through {z_id}: what they share stands in it (left over: strength {left:.2})")
                    },
                );
                if is_sibling {
                    settled[k].strength = left;
                }
            } else {
                settled[k].notes.push(format!(
                    "beyond what {z_id} accounts for, strength {left:.2}: a source of its own"
                ));
            }
        }
        kept[k] = true;
    }

    // 3. Classes.
    let direct_sources = |d: usize| -> Vec<usize> {
        pairs
            .iter()
            .enumerate()
            .filter(|&(k, _)| {
                let s = &settled[k];
                s.strength >= DERIVED_AT
                    && s.via.is_none()
                    && s.direction.as_ref().is_some_and(|x| x.1 == d)
            })
            .map(|(k, _)| settled[k].direction.as_ref().map_or(0, |x| x.0))
            .collect()
    };
    let mut out = Vec::with_capacity(pairs.len());
    for (k, pair) in pairs.iter().enumerate() {
        let (ia, ib) = (index[pair.a.as_str()], index[pair.b.as_str()]);
        let s = &settled[k];
        let (source, derived) = s.direction.as_ref().map_or((ia, ib), |d| (d.0, d.1));
        let shared = pair.claims.shared;
        let of_derived = if derived == ia {
            pair.claims.of_a
        } else {
            pair.claims.of_b
        };
        let share = if of_derived == 0 {
            0.0
        } else {
            shared as f64 / of_derived as f64
        };
        let mut evidence = Vec::new();
        let sibling_via = s.via.filter(|v| v.1).map(|v| v.0);
        let class = if s.via_agency.is_some() {
            DerivationClass::Undetermined
        } else if sibling_via.is_some() {
            if s.strength < INDEPENDENT_BELOW {
                DerivationClass::Independent
            } else {
                DerivationClass::Undetermined
            }
        } else if s.strength >= DERIVED_AT {
            let sources = if s.direction.is_some() {
                direct_sources(derived)
            } else {
                vec![source]
            };
            let own_claims = context.own_claims(derived, &sources);
            let wholly = sources.len() <= 1 && share >= WHOLLY_SHARE && own_claims.is_empty();
            if let Some(&c) = own_claims.first() {
                let id = &comparison.outlets[derived].id;
                let text = comparison.claims[c]
                    .statuses
                    .get(id)
                    .and_then(|st| st.text.clone())
                    .unwrap_or_default();
                evidence.push(format!(
                    "{id} adds {} claim{} with material of its own, e.g. {}",
                    own_claims.len(),
                    if own_claims.len() == 1 { "" } else { "s" },
                    quote(&text, 80)
                ));
            }
            if sources.len() > 1 {
                let names: Vec<&str> = sources
                    .iter()
                    .map(|&x| comparison.outlets[x].id.as_str())
                    .collect();
                evidence.push(format!(
                    "draws on {} sources: {}",
                    sources.len(),
                    names.join(", ")
                ));
            }
            if wholly {
                DerivationClass::Wholly
            } else {
                DerivationClass::Partially
            }
        } else if s.strength < INDEPENDENT_BELOW {
            DerivationClass::Independent
        } else {
            DerivationClass::Undetermined
        };
        let direction = if class.is_derived() {
            s.direction.as_ref().map(|d| d.2)
        } else {
            None
        };
        let (source, derived) = if direction.is_some() {
            (source, derived)
        } else {
            (ia, ib)
        };
        evidence.splice(0..0, s.notes.iter().cloned());
        evidence.extend(describe(
            pair,
            class,
            share,
            &comparison.outlets[derived].id,
            &comparison.outlets[source].id,
        ));
        if class.is_derived()
            && let Some(d) = &s.direction
        {
            evidence.insert(0, d.3.clone());
        }
        if class.is_derived() && s.direction.is_none() {
            evidence.insert(0, "which came first is undetermined: no credit, no times that tell, and the texts do not show it".to_string());
        }
        let confidence = match class {
            DerivationClass::Wholly | DerivationClass::Partially => {
                s.strength
                    * match direction {
                        Some(DirectionBasis::Credit) | None => 1.0,
                        Some(DirectionBasis::Time) => 0.95,
                        Some(DirectionBasis::Content) => 0.8,
                    }
            }
            DerivationClass::Independent => 1.0 - s.strength,
            // Neither answer is stated: no lean either way (the strength says which way the
            // evidence leans).
            DerivationClass::Undetermined => 0.5,
        };
        out.push(Relation {
            source: comparison.outlets[source].id.clone(),
            derived: comparison.outlets[derived].id.clone(),
            class,
            confidence: round3(confidence),
            strength: round3(s.strength),
            share: round3(share),
            direction,
            via: s
                .via
                .map(|v| comparison.outlets[v.0].id.clone())
                .or_else(|| s.via_agency.clone()),
            evidence,
        });
    }
    out
}

/// A source outside the story (an agency) that both outlets of a pair credit explicitly.
fn common_agency(pair: &PairEvidence, credits: &[Credit]) -> Option<String> {
    let named = |by: &str| -> Vec<String> {
        credits
            .iter()
            .filter(|c| c.by == by && c.outlet.is_none() && c.explicit)
            .map(|c| c.name.clone())
            .collect()
    };
    let of_b = named(&pair.b);
    named(&pair.a).into_iter().find(|name| of_b.contains(name))
}

/// The direction of a pair and notes on it (times that disagree with credit).
fn direction_of(
    pair: &PairEvidence,
    ia: usize,
    ib: usize,
    strength: f64,
    context: &mut Context,
) -> (Option<Direction>, Vec<String>) {
    let mut notes = Vec::new();
    let time = pair.times.earlier.as_ref().map(|earlier| {
        let (s, d) = if *earlier == pair.a {
            (ia, ib)
        } else {
            (ib, ia)
        };
        (
            s,
            d,
            DirectionBasis::Time,
            pair.times.why.clone().unwrap_or_default(),
        )
    });
    if let Some(credit) = credit_direction(pair, ia, ib) {
        if let Some(t) = &time {
            if t.0 != credit.0 {
                notes.push(format!("the times say otherwise: {}", t.3));
            } else {
                notes.push(t.3.clone());
            }
        }
        return (Some(credit), notes);
    }
    if time.is_some() {
        return (time, notes);
    }
    if strength < 0.5 {
        return (None, notes);
    }
    (content_direction(pair, ia, ib, context), notes)
}

/// The evidence of a pair in plain words, strongest first.
fn describe(
    pair: &PairEvidence,
    class: DerivationClass,
    share: f64,
    derived: &str,
    source: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    let copies: Vec<&SharedRun> = pair.copies().collect();
    if let Some(longest) = copies.iter().max_by_key(|r| r.words) {
        let words: usize = copies.iter().map(|r| r.words).sum();
        out.push(format!(
            "{} verbatim passage{} ({words} words), the longest {} words: {}",
            copies.len(),
            if copies.len() == 1 { "" } else { "s" },
            longest.words,
            quote(&longest.b.text, 90)
        ));
    } else {
        out.push("no verbatim passage beyond chance".to_string());
    }
    let (ca, cb) = (pair.churn.a_copied, pair.churn.b_copied);
    if ca.max(cb) >= 0.05 {
        out.push(format!(
            "churn: {:.0}% of {} and {:.0}% of {} stand verbatim in the other",
            ca * 100.0,
            pair.a,
            cb * 100.0,
            pair.b
        ));
    }
    let mut kinds: Vec<(ParticularKind, usize, &str)> = Vec::new();
    for p in &pair.particulars {
        match kinds.iter_mut().find(|k| k.0 == p.kind) {
            Some(k) => k.1 += 1,
            None => kinds.push((p.kind, 1, p.what.as_str())),
        }
    }
    for (kind, n, what) in kinds {
        if n == 1 {
            out.push(what.to_string());
        } else {
            out.push(format!(
                "{n} shared particulars ({}), e.g. {what}",
                kind.as_str().replace('_', " ")
            ));
        }
    }
    let quotes = pair
        .verbatim
        .iter()
        .filter(|r| r.kind == RunKind::CommonQuote)
        .count();
    if quotes > 0 {
        out.push(format!(
            "{quotes} passage{} both quote from a third party (not counted)",
            if quotes == 1 { "" } else { "s" }
        ));
    }
    let c = &pair.claims;
    if c.shared > 0 {
        let of = if derived == pair.a { c.of_a } else { c.of_b };
        out.push(format!(
            "{derived} carries {} of its {of} claims also in {source} ({:.0}%), {} in the same order",
            c.shared,
            share * 100.0,
            c.in_order
        ));
    } else if class == DerivationClass::Independent {
        out.push("no claim in common".to_string());
    }
    for credit in pair.credits.iter().filter(|c| !c.explicit) {
        out.push(format!(
            "{} names {} without crediting it: {}",
            credit.by,
            credit.name,
            quote(&credit.passage.text, 80)
        ));
    }
    out
}

/// A score rounded to three decimals (stable in reports).
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
