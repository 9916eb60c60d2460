//! What the division decisions read of each division: the chain of
//! divisions it lies in (today's, for a former division), its level and
//! whether it is a former one, gathered once for the whole table.

use std::sync::LazyLock;

use crate::district::Level;
use crate::gazetteer::{Division, INDEX, MAX_CHAIN};

/// The division a mention of `d` stands for today: itself, or for a former
/// division its successor when known.
fn today(d: &'static Division) -> &'static Division {
    if d.is_former() {
        d.current().unwrap_or(d)
    } else {
        d
    }
}

/// Province-first chain of division indices used to relate mentions. A fixed
/// array rather than a `Vec`: one is kept for every division of the table.
#[derive(Clone, Copy, Debug)]
pub(super) struct Lineage {
    ids: [u32; MAX_CHAIN],
    len: usize,
}

impl Lineage {
    /// The lineage of the division a mention of `index` stands for today.
    fn of(index: u32) -> Lineage {
        let mut lineage = Lineage {
            ids: [0; MAX_CHAIN],
            len: 0,
        };
        if let Some(d) = INDEX.get(index) {
            for (slot, x) in lineage.ids.iter_mut().zip(self_or_parents(today(d))) {
                *slot = x.index();
                lineage.len += 1;
            }
            lineage.ids[..lineage.len].reverse();
        }
        lineage
    }

    pub(super) fn as_slice(&self) -> &[u32] {
        &self.ids[..self.len]
    }
}

/// Whether `inner` lies in `outer`, through its own parents or today's ones.
pub(super) fn within(inner: u32, outer: u32) -> bool {
    if inner == outer {
        return false;
    }
    let Some(d) = INDEX.get(inner) else {
        return false;
    };
    // Today's division itself is the same place as `inner` (嘉定县 → 嘉定区),
    // not one containing it: only its parents count. Walking the parents
    // rather than collecting chains keeps this pairwise test free of
    // allocation.
    self_or_parents(d).any(|x| x.index() == outer)
        || today(d)
            .parent()
            .is_some_and(|up| self_or_parents(up).any(|x| x.index() == outer))
}

/// Every division `inner` lies in by [`within`], with repeats: its own
/// parents, then its successor's. A current division's are the lineage
/// gathered in `facts` without the division itself, read without touching
/// the division records (this runs for every candidate of every chained
/// mention).
pub(super) fn containers(facts: &[Facts], inner: u32) -> impl Iterator<Item = u32> + '_ {
    let gathered = facts_of(facts, inner);
    let (from_facts, from_records) = if !gathered.former && gathered.lineage.len < MAX_CHAIN {
        let ids = gathered.lineage.as_slice();
        (
            ids.get(..ids.len().saturating_sub(1)).unwrap_or_default(),
            None,
        )
    } else {
        (&[][..], INDEX.get(inner))
    };
    let own = from_records
        .into_iter()
        .flat_map(|d| self_or_parents(d).skip(1));
    let successors = from_records
        .and_then(|d| today(d).parent())
        .into_iter()
        .flat_map(self_or_parents);
    let walked = own.chain(successors).map(Division::index);
    from_facts
        .iter()
        .copied()
        .chain(walked)
        .filter(move |&x| x != inner)
}

/// `d` and the divisions above it, nearest first; [`MAX_CHAIN`] at most.
fn self_or_parents(d: &'static Division) -> impl Iterator<Item = &'static Division> {
    std::iter::successors(Some(d), |x| x.parent()).take(MAX_CHAIN)
}

/// What the decisions read of a division, by division index: its lineage,
/// level and whether it is a former one. Gathered for every division once,
/// on first use (about 1.6 MB), because candidates are tested many times a
/// notice (a township name has dozens) and looking each fact up through the
/// division records, or building lineages per notice in a map, was most of
/// the decisions' cost.
pub(super) struct Facts {
    pub(super) lineage: Lineage,
    pub(super) level: Level,
    pub(super) former: bool,
}

pub(super) static FACTS: LazyLock<Vec<Facts>> = LazyLock::new(|| {
    (0..INDEX.divisions.len())
        .map(|i| {
            let index = u32::try_from(i).unwrap_or(u32::MAX);
            let d = INDEX.get(index);
            Facts {
                lineage: Lineage::of(index),
                level: d.map_or(Level::Town, Division::level),
                former: d.is_some_and(Division::is_former),
            }
        })
        .collect()
});

/// No facts: what an index outside the table gets (none is, in practice).
const NO_FACTS: Facts = Facts {
    lineage: Lineage {
        ids: [0; MAX_CHAIN],
        len: 0,
    },
    level: Level::Town,
    former: false,
};

pub(super) fn facts_of(facts: &[Facts], index: u32) -> &Facts {
    facts.get(index as usize).unwrap_or(&NO_FACTS)
}

pub(super) fn level_of(facts: &[Facts], index: u32) -> Level {
    facts_of(facts, index).level
}

pub(super) fn is_former(facts: &[Facts], index: u32) -> bool {
    facts_of(facts, index).former
}

#[cfg(test)]
mod tests {
    use super::{containers, within, FACTS};
    use crate::gazetteer::INDEX;

    #[test]
    fn containers_are_exactly_what_within_accepts() {
        let n = u32::try_from(INDEX.divisions.len()).unwrap();
        assert!(n > 40_000);
        for inner in (0..n).step_by(409) {
            let found: Vec<u32> = containers(&FACTS, inner).collect();
            // Every container, a spread of other divisions, and the
            // containers' own neighbours.
            let others = (0..n)
                .step_by(97)
                .chain(found.iter().flat_map(|&x| [x.saturating_sub(1), x + 1]));
            for outer in found.iter().copied().chain(others) {
                assert_eq!(
                    within(inner, outer),
                    found.contains(&outer),
                    "{inner} in {outer}"
                );
            }
        }
    }
}
