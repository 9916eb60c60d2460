//! Second pass: decide which division each candidate mention names.
//!
//! Evidence, strongest first:
//! 1. the chain the mention stands in (`上海市普陀区`: the province decides);
//! 2. the other divisions the text names unambiguously, weighted by how
//!    closely they relate to each candidate (same county > same prefecture >
//!    same province) and how often they occur;
//! 3. the publisher's district, then the caller's home region;
//! 4. containment: when one candidate contains all others (`湘潭` as 湘潭市
//!    or its 湘潭县), the mention is at least in the container.
//!
//! When none of these separates the candidates the mention stays ambiguous and
//! lists them. Townships, and short forms of former divisions, are taken only
//! when the context already holds their county (or province): a township name
//! alone is too common (`城关镇` ×88) to mean anything.

use rustc_hash::FxHashMap;

use super::facts::{containers, facts_of, is_former, level_of, within, Facts, FACTS};
use super::scan::Raw;
use crate::district::Level;
use crate::gazetteer::{Division, INDEX};

/// A township's short form of at least this many bytes (three Chinese
/// characters) may be taken under its city alone when no other division
/// bears it: two characters are as often part of a word.
const SHORT_TOWN_BYTES: usize = 9;

/// Text evidence decides only when the best candidate's score is at least this
/// many times the runner-up's. 2 means "clearly more": 上海 named ten times
/// against 浙江 once decides 普陀区 for Shanghai, a 3-to-2 split does not. A
/// higher value leaves more mentions ambiguous; 1 would decide on any lead.
const TEXT_MARGIN: u32 = 2;

/// Bound on the rounds of "decide, then use the decided as evidence". Each
/// round can only add decisions; three is enough for province → county → town.
const MAX_ROUNDS: usize = 4;

/// What the caller knows besides the text: lineages (province first) of the
/// publisher's district and of the home region.
#[derive(Debug, Default)]
pub(super) struct Priors {
    pub(super) publisher: Vec<u32>,
    pub(super) region: Vec<u32>,
}

/// The decision for one candidate mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// It names this division.
    One(u32),
    /// It names one of these, and nothing in the text or context decides which.
    Ambiguous(Vec<u32>),
    /// Not a mention (a town with no county in context, a common word).
    Dropped,
}

/// Weight of sharing a division at this level: the deeper the shared
/// ancestor, the stronger the evidence. Each level outweighs all shallower ones
/// together, so one same-county mention beats a same-province one.
fn weight(level: Level) -> u32 {
    match level {
        Level::Province => 1,
        Level::City => 2,
        Level::County => 4,
        Level::Town => 8,
    }
}

/// What the decisions start from that no context changes: each mention's
/// candidates once chains have narrowed them, which mentions stand in a
/// chain, and how many major readings each has. A notice decides its
/// mentions twice when it has an issuer's district or a home region, and
/// both decisions start from this (building it was a third of a decision).
pub(super) struct Prepared {
    candidates: CandidateLists,
    chained: Vec<bool>,
    /// How many of a mention's candidates may name a current province,
    /// prefecture or county (see [`is_major`]).
    majors: Vec<usize>,
}

impl Prepared {
    pub(super) fn of(raws: &[Raw]) -> Prepared {
        let facts: &[Facts] = &FACTS;
        let mut candidates = CandidateLists::of(raws);
        let chained = link_chains(facts, raws, &mut candidates);
        let majors = (0..raws.len())
            .map(|i| {
                candidates[i]
                    .iter()
                    .filter(|&&c| is_major(facts, c))
                    .count()
            })
            .collect();
        Prepared {
            candidates,
            chained,
            majors,
        }
    }
}

/// Whether `c` is a current province, prefecture or county: the readings
/// that outrank townships and former divisions of the same name.
fn is_major(facts: &[Facts], c: u32) -> bool {
    let f = facts_of(facts, c);
    !f.former && f.level != Level::Town
}

/// Decides every mention. The result is parallel to `raws`, from which
/// `prepared` was made.
pub(super) fn resolve(raws: &[Raw], prepared: &Prepared, priors: &Priors) -> Vec<Outcome> {
    let n = raws.len();
    let facts: &[Facts] = &FACTS;
    let Prepared {
        candidates,
        chained,
        majors,
    } = prepared;
    let mut out: Vec<Option<Outcome>> = vec![None; n];
    let mut ctx = Scorer {
        facts,
        priors,
        support: FxHashMap::default(),
        uncounted: Vec::new(),
    };
    for (i, r) in raws.iter().enumerate() {
        if r.compound {
            if let Some(&c) = candidates[i].first() {
                ctx.decide(&mut out[i], c);
            }
        } else if candidates[i].is_empty() {
            out[i] = Some(Outcome::Dropped);
        }
    }

    // Stage 1: mentions that may name a current province, prefecture or county.
    // Those outrank townships and former divisions of the same name. A
    // mention with no major reading (most township names, `创新`, `发展`) has
    // nothing to decide in this stage and is skipped: its pool would be
    // empty.
    let major = |c: &u32| is_major(facts, *c);
    // The rounds below revisit every undecided mention; one buffer for the
    // candidates under consideration saves an allocation per mention and
    // round.
    let mut pool: Vec<u32> = Vec::new();
    let mut memo = RoundMemo::default();
    for round in 0..MAX_ROUNDS {
        ctx.refresh();
        memo.clear();
        let mut changed = false;
        for i in 0..n {
            // The first round takes only names with a single reading: a
            // candidate that needs context (朝阳 as Beijing's 朝阳区) must not
            // lose to another (朝阳市) before the context (北京) is counted.
            if out[i].is_some() || majors[i] == 0 || (round == 0 && majors[i] != 1) {
                continue;
            }
            let is_listed = listed(raws, i, &out);
            let decision = memo.decide(&raws[i], chained[i], is_listed, || {
                ctx.fill_pool(
                    &mut pool,
                    &candidates[i],
                    &raws[i],
                    chained[i],
                    is_listed,
                    major,
                );
                (!pool.is_empty()).then(|| ctx.rank(&pool))
            });
            if let Some(Ok(one)) = decision {
                ctx.decide(&mut out[i], one);
                changed = true;
            }
        }
        if !changed && round > 0 {
            break;
        }
    }
    for i in 0..n {
        // A decided mention keeps its decision: its pool is not built (the
        // filter is pure, so skipping it changes nothing); nor is the empty
        // pool of one without a major reading.
        if out[i].is_some() || majors[i] == 0 {
            continue;
        }
        let is_listed = listed(raws, i, &out);
        ctx.fill_pool(
            &mut pool,
            &candidates[i],
            &raws[i],
            chained[i],
            is_listed,
            major,
        );
        if !pool.is_empty() {
            out[i] = Some(Outcome::Ambiguous(pool.clone()));
        }
    }

    // Stage 2: townships and former divisions, once counties are known.
    let mut pending: Vec<Option<Vec<u32>>> = vec![None; n];
    for _ in 0..MAX_ROUNDS {
        ctx.refresh();
        memo.clear();
        let mut changed = false;
        for i in 0..n {
            if out[i].is_some() {
                continue;
            }
            let is_listed = listed(raws, i, &out);
            let decision = memo.decide(&raws[i], chained[i], is_listed, || {
                let any = |_: &u32| true;
                ctx.fill_pool(
                    &mut pool,
                    &candidates[i],
                    &raws[i],
                    chained[i],
                    is_listed,
                    any,
                );
                if pool.iter().any(|&c| !is_former(facts, c)) {
                    pool.retain(|&c| !is_former(facts, c));
                }
                (!pool.is_empty()).then(|| ctx.rank(&pool))
            });
            match decision {
                Some(Ok(one)) => {
                    ctx.decide(&mut out[i], one);
                    changed = true;
                }
                Some(Err(many)) => pending[i] = Some(many),
                None => {}
            }
        }
        if !changed {
            break;
        }
    }
    out.into_iter()
        .zip(pending)
        .map(|(o, p)| o.unwrap_or_else(|| p.map_or(Outcome::Dropped, Outcome::Ambiguous)))
        .collect()
}

/// What one round decided for the mentions it has seen, by what the decision
/// depends on: the mention's candidate list, whether its name is weak and
/// whether an enumeration neighbour is decided. The evidence is fixed for a
/// round, so every unchained mention with the same key decides the same way;
/// an address list names the same streets and towns hundreds of times, and
/// each repeat now costs one look-up instead of a test of every candidate
/// (dozens for a township name) and a ranking.
#[derive(Default)]
struct RoundMemo {
    decided: FxHashMap<MemoKey, Option<Result<u32, Vec<u32>>>>,
}

/// Candidate lists are slices of the gazetteer's one table, so the address
/// and length of a list identify it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct MemoKey {
    candidates: usize,
    len: usize,
    weak: bool,
    listed: bool,
}

impl RoundMemo {
    fn clear(&mut self) {
        self.decided.clear();
    }

    /// The decision for `raw`: remembered from an earlier mention of this
    /// round, or made by `decide`. A chained mention's candidates were
    /// narrowed by its neighbours, so it is always decided afresh.
    fn decide(
        &mut self,
        raw: &Raw,
        chained: bool,
        listed: bool,
        decide: impl FnOnce() -> Option<Result<u32, Vec<u32>>>,
    ) -> Option<Result<u32, Vec<u32>>> {
        if chained {
            return decide();
        }
        let key = MemoKey {
            candidates: raw.candidates.as_ptr() as usize,
            len: raw.candidates.len(),
            weak: raw.weak,
            listed,
        };
        self.decided.entry(key).or_insert_with(decide).clone()
    }
}

/// The distinct candidate divisions of each mention, ascending, in one
/// buffer: a `Vec` per mention was an allocation for each of the thousands
/// of mentions in an address list.
struct CandidateLists {
    ids: Vec<u32>,
    /// Per mention, where its list starts in `ids` and how long it is now.
    lists: Vec<(usize, usize)>,
}

impl CandidateLists {
    fn of(raws: &[Raw]) -> CandidateLists {
        let mut ids = Vec::with_capacity(raws.iter().map(|r| r.candidates.len()).sum());
        let mut lists = Vec::with_capacity(raws.len());
        for raw in raws {
            let start = ids.len();
            ids.extend(raw.candidates.iter().map(|c| c.division));
            ids[start..].sort_unstable();
            let mut len = 0;
            for at in start..ids.len() {
                if len == 0 || ids[at] != ids[start + len - 1] {
                    ids[start + len] = ids[at];
                    len += 1;
                }
            }
            ids.truncate(start + len);
            lists.push((start, len));
        }
        CandidateLists { ids, lists }
    }

    /// Keeps the candidates of mention `i` for which `keep` holds, in order.
    fn retain(&mut self, i: usize, mut keep: impl FnMut(u32) -> bool) {
        let (start, len) = self.lists[i];
        let mut kept = 0;
        for at in start..start + len {
            let id = self.ids[at];
            if keep(id) {
                self.ids[start + kept] = id;
                kept += 1;
            }
        }
        self.lists[i].1 = kept;
    }
}

impl std::ops::Index<usize> for CandidateLists {
    type Output = [u32];

    fn index(&self, i: usize) -> &[u32] {
        let (start, len) = self.lists[i];
        &self.ids[start..start + len]
    }
}

/// Whether a neighbour of mention `i` in an enumeration is already decided
/// (`南京、无锡`).
fn listed(raws: &[Raw], i: usize, out: &[Option<Outcome>]) -> bool {
    let decided = |j: usize| matches!(out.get(j), Some(Some(Outcome::One(_))));
    let [before, after] = raws[i].listed_with;
    (before && i > 0 && decided(i - 1)) || (after && decided(i + 1))
}

/// Whether `raw` names candidate `c` by its short form.
fn short(raw: &Raw, c: u32) -> bool {
    raw.candidates.iter().any(|x| x.division == c && x.short)
}

/// Restricts the candidates of adjacent mentions (`上海市` `普陀区`) to those
/// that nest, and returns which mentions stand in such a chain.
fn link_chains(facts: &[Facts], raws: &[Raw], candidates: &mut CandidateLists) -> Vec<bool> {
    let mut chained = vec![false; raws.len()];
    let mut outer_keep = Vec::new();
    let mut inner_keep = Vec::new();
    // Two passes let a restriction travel both ways along a three-link chain.
    for _ in 0..2 {
        for i in 1..raws.len() {
            if raws[i - 1].end != raws[i].start {
                continue;
            }
            outer_keep.clear();
            inner_keep.clear();
            // The pairs that nest, found from the inner side: each inner
            // candidate's few containers are looked up in the outer list
            // (sorted), rather than every pair tested, which for two
            // township names of dozens of readings each was thousands of
            // tests.
            let outer = &candidates[i - 1];
            for &b in &candidates[i] {
                for a in containers(facts, b) {
                    // A township chains only to its county: `重庆解放碑` skips
                    // the county and decides nothing about 解放碑.
                    let skips =
                        level_of(facts, b) == Level::Town && level_of(facts, a) < Level::County;
                    if !skips && outer.binary_search(&a).is_ok() {
                        outer_keep.push(a);
                        inner_keep.push(b);
                    }
                }
            }
            if outer_keep.is_empty() {
                continue;
            }
            outer_keep.sort_unstable();
            inner_keep.sort_unstable();
            candidates.retain(i - 1, |a| outer_keep.binary_search(&a).is_ok());
            candidates.retain(i, |b| inner_keep.binary_search(&b).is_ok());
            chained[i - 1] = true;
            chained[i] = true;
        }
    }
    chained
}

/// Scores candidates against the evidence gathered so far.
struct Scorer<'a> {
    facts: &'a [Facts],
    priors: &'a Priors,
    /// For every division, how many decided mentions lie in it (or are it).
    support: FxHashMap<u32, u32>,
    /// Decisions made since the last refresh, not yet in `support`.
    uncounted: Vec<u32>,
}

impl Scorer<'_> {
    /// Records that a mention names division `c`. The evidence stays as it
    /// was until the next [`refresh`](Scorer::refresh): a round decides
    /// every mention on the same evidence.
    fn decide(&mut self, outcome: &mut Option<Outcome>, c: u32) {
        *outcome = Some(Outcome::One(c));
        self.uncounted.push(c);
    }

    /// Adds the decisions made since the last refresh to `support`. A
    /// decision, once made, is never undone, so the earlier ones are counted
    /// already: recounting every decision each round was a third of the
    /// hash-map work of a notice full of names, and looking through every
    /// outcome for the new ones was then a quarter of what was left.
    fn refresh(&mut self) {
        for c in self.uncounted.drain(..) {
            for &x in facts_of(self.facts, c).lineage.as_slice() {
                *self.support.entry(x).or_default() += 1;
            }
        }
    }

    /// Puts into `pool` the candidates of a mention that pass `keep` and have
    /// the context they need (all of them, for a chained mention).
    fn fill_pool(
        &self,
        pool: &mut Vec<u32>,
        candidates: &[u32],
        raw: &Raw,
        chained: bool,
        listed: bool,
        keep: impl Fn(&u32) -> bool,
    ) {
        pool.clear();
        pool.extend(
            candidates
                .iter()
                .copied()
                .filter(keep)
                .filter(|&c| chained || self.eligible(c, raw, listed)),
        );
    }

    fn lineage(&self, c: u32) -> &[u32] {
        facts_of(self.facts, c).lineage.as_slice()
    }

    /// Whether a candidate has the context it needs to be taken alone.
    ///
    /// Provinces, prefectures and full county names stand alone. A county's
    /// short form (`宝山`, but also `资源`, `比如`, `通江`: words first) needs
    /// the county itself or its parent named, published from or given as home
    /// region, or an enumeration. A township needs its county; a former
    /// division's short form (or a full name of two characters, `一区`) needs
    /// its parent or its successor. A name that is also a common word (`城区`,
    /// `光明`) is taken only in an enumeration (chains are decided before).
    fn eligible(&self, c: u32, raw: &Raw, listed: bool) -> bool {
        if raw.weak {
            return listed;
        }
        let known = |x: &u32| {
            self.support.contains_key(x)
                || self.priors.publisher.contains(x)
                || self.priors.region.contains(x)
        };
        // The division and its parent, through today's lineage and its own.
        let near = |d: &Division| {
            let today = self.lineage(c);
            let own = [Some(c), d.parent().map(Division::index)];
            today.iter().rev().take(2).any(known) || own.iter().flatten().any(known)
        };
        // Level and status from the gathered facts: the division record is
        // read only for the rarer cases that need its name or parent.
        let gathered = facts_of(self.facts, c);
        match gathered.level {
            // A township needs its county named; a full name no other
            // division bears needs only its city or province (`劝业场街` in a
            // notice about 天津市 that says `我区`).
            Level::Town => {
                let lineage = self.lineage(c);
                let county = lineage
                    .iter()
                    .filter(|&&x| level_of(self.facts, x) >= Level::County)
                    .any(known);
                // Written with its level (`劝业场街`, `罗店镇`), or a short
                // form of three characters under its city (`日喀则市甲措雄`);
                // not a bare short form under a province (`解放碑` the square
                // of 重庆) or one of two characters (`家发` of `国家发展`).
                if county || raw.candidates.len() > 1 {
                    return county;
                }
                let plain = !short(raw, c);
                (plain && lineage.iter().any(known))
                    || (raw.end - raw.start >= SHORT_TOWN_BYTES
                        && lineage
                            .iter()
                            .filter(|&&x| level_of(self.facts, x) == Level::City)
                            .any(known))
            }
            _ if gathered.former => INDEX
                .get(c)
                .is_some_and(|d| (!short(raw, c) && d.name().chars().count() > 2) || near(d)),
            Level::County if short(raw, c) => listed || INDEX.get(c).is_some_and(near),
            _ => true,
        }
    }

    fn text_score(&self, c: u32) -> u32 {
        self.lineage(c)
            .iter()
            .map(|x| weight(level_of(self.facts, *x)) * self.support.get(x).copied().unwrap_or(0))
            .sum()
    }

    fn prior_score(&self, c: u32, prior: &[u32]) -> u32 {
        self.lineage(c)
            .iter()
            .filter(|x| prior.contains(x))
            .map(|x| weight(level_of(self.facts, *x)))
            .sum()
    }

    /// The one candidate the evidence picks, or the candidates it cannot
    /// separate.
    fn rank(&self, pool: &[u32]) -> Result<u32, Vec<u32>> {
        let mut pool = pool.to_vec();
        if pool.len() == 1 {
            return Ok(pool[0]);
        }
        // Text evidence: keep the clear leaders.
        let scores: Vec<u32> = pool.iter().map(|&c| self.text_score(c)).collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        if best > 0 {
            let keep: Vec<u32> = pool
                .iter()
                .zip(&scores)
                .filter(|&(_, &s)| s * TEXT_MARGIN > best)
                .map(|(&c, _)| c)
                .collect();
            pool = keep;
        }
        for prior in [&self.priors.publisher, &self.priors.region] {
            if pool.len() == 1 {
                break;
            }
            let scores: Vec<u32> = pool.iter().map(|&c| self.prior_score(c, prior)).collect();
            let best = scores.iter().copied().max().unwrap_or(0);
            if best > 0 {
                pool = pool
                    .iter()
                    .zip(&scores)
                    .filter(|&(_, &s)| s == best)
                    .map(|(&c, _)| c)
                    .collect();
            }
        }
        if pool.len() == 1 {
            return Ok(pool[0]);
        }
        // Several records of one division (新津县 under 温江地区 until 1983,
        // then under 成都市): the latest stands for all.
        let first_today = pool.first().map(|&c| self.lineage(c).last().copied());
        if pool
            .iter()
            .all(|&c| Some(self.lineage(c).last().copied()) == first_today)
        {
            let latest = pool.iter().copied().max_by_key(|&c| {
                let d = INDEX.get(c);
                (
                    d.is_some_and(|d| !d.is_former()),
                    d.and_then(Division::years).map(|y| y.1),
                )
            });
            if let Some(one) = latest {
                return Ok(one);
            }
        }
        let container = pool
            .iter()
            .copied()
            .find(|&outer| pool.iter().all(|&c| c == outer || within(c, outer)));
        container.ok_or(pool)
    }
}
