//! China's administrative divisions, province to township, current and former.
//!
//! The table is the National Bureau of Statistics 2023 list of division codes
//! (44,703 units, province → township), the four county-level divisions of the
//! Ministry of Civil Affairs 2024 list it lacks, and every province, prefecture
//! and county that has left the Ministry's lists since 1980 (`闸北区`,
//! `襄樊市`), each linked to the division that took it over when the records
//! name one. Sources and licences are in `data/README.md`.
//!
//! The table is embedded at build time and indexed on first use (a few
//! milliseconds).
//!
//! ```
//! use govnotice::gazetteer;
//!
//! let baoshan = gazetteer::division("310113").unwrap();
//! assert_eq!(baoshan.name(), "宝山区");
//! assert_eq!(baoshan.parent_code(), Some("310000"));
//!
//! let codes: Vec<_> = gazetteer::lookup("宝山").iter().map(|d| d.code()).collect();
//! assert!(codes.contains(&"310113") && codes.contains(&"230506"));
//!
//! let zhabei = gazetteer::lookup("闸北区")[0];
//! assert!(zhabei.is_former());
//! assert_eq!(zhabei.current().map(|d| d.name()), Some("静安区"));
//! ```

mod index;
mod openings;

pub(crate) use index::{Candidate, Hit, INDEX};

use crate::district::Level;

/// The most divisions a chain from a province down holds: province,
/// prefecture, county and township are four; one spare. The bound also stops
/// a walk up the parent links should the tables ever hold a cycle; a deeper
/// chain would lose its top.
pub(crate) const MAX_CHAIN: usize = 5;

/// One administrative division, current or former.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Division {
    index: u32,
    code: &'static str,
    name: &'static str,
    short_name: &'static str,
    level: Level,
    parent: Option<u32>,
    current: Option<u32>,
    former: bool,
    placeholder: bool,
    statistical: bool,
    first_year: Option<u16>,
    last_year: Option<u16>,
}

impl Division {
    /// The GB/T 2260 code: six digits to county level (`310113`), nine for
    /// townships (`310113109`). A former division may share its code with a
    /// current one (`襄樊市` and `襄阳市` are both `420600`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The official name (`宝山区`).
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The usual short form (`宝山`), when the tables give one that differs from
    /// the name.
    #[must_use]
    pub fn short_name(&self) -> Option<&'static str> {
        Some(self.short_name).filter(|s| !s.is_empty())
    }

    /// The level of the division.
    #[must_use]
    pub fn level(&self) -> Level {
        self.level
    }

    /// The division it belongs to; `None` for a province. Placeholder rows of
    /// the statistical table (`市辖区`, `省直辖县级行政区划`) are skipped, so the
    /// parent of 宝山区 is 上海市.
    #[must_use]
    pub fn parent(&self) -> Option<&'static Division> {
        self.parent.and_then(|i| INDEX.get(i))
    }

    /// The code of [`Division::parent`].
    #[must_use]
    pub fn parent_code(&self) -> Option<&'static str> {
        self.parent().map(Division::code)
    }

    /// The chain from the province down to this division, this one last.
    #[must_use]
    pub fn chain(&self) -> Vec<&'static Division> {
        let mut chain = Vec::with_capacity(4);
        let mut at = INDEX.get(self.index);
        while let Some(d) = at.filter(|_| chain.len() < MAX_CHAIN) {
            chain.push(d);
            at = d.parent();
        }
        chain.reverse();
        chain
    }

    /// Whether `self` lies inside `other` (or is it).
    #[must_use]
    pub fn is_within(&self, other: &Division) -> bool {
        self.chain().iter().any(|d| d.index == other.index)
    }

    /// Whether the division no longer exists (`闸北区`, `卢湾区`, `襄樊市`).
    #[must_use]
    pub fn is_former(&self) -> bool {
        self.former
    }

    /// Today's division: itself when current; for a former one, the division
    /// that took it over (闸北区 → 静安区, 襄樊市 → 襄阳市), or `None` when it was
    /// split or the records name no successor.
    #[must_use]
    pub fn current(&self) -> Option<&'static Division> {
        if self.former {
            self.current.and_then(|i| INDEX.get(i))
        } else {
            INDEX.get(self.index)
        }
    }

    /// For a former division, the first and last year whose official list
    /// contains it (each list as of 31 December).
    #[must_use]
    pub fn years(&self) -> Option<(u16, u16)> {
        Some((self.first_year?, self.last_year?))
    }

    /// Whether this is a statistical unit of the NBS table rather than an
    /// administrative division (development zones and the like, which NBS lists
    /// at county level).
    #[must_use]
    pub fn is_statistical(&self) -> bool {
        self.statistical
    }

    pub(crate) fn index(&self) -> u32 {
        self.index
    }
}

/// The current division with this code, or the latest former one when no
/// current division has it. Placeholder rows (`310100 市辖区`) are not returned.
#[must_use]
pub fn division(code: &str) -> Option<&'static Division> {
    INDEX.with_code(code).iter().find(|d| !d.placeholder)
}

/// Every division that has had this code, the current one first.
#[must_use]
pub fn divisions_with_code(code: &str) -> &'static [Division] {
    INDEX.with_code(code)
}

/// Every division whose full or short name is exactly `name`: `lookup("宝山")`
/// gives 宝山区 310113 (上海) and 230506 (双鸭山) and any township so named.
/// Current divisions come first, then former ones; each in code order.
#[must_use]
pub fn lookup(name: &str) -> Vec<&'static Division> {
    let Some(Hit::Name { group, .. }) = INDEX.exact(name) else {
        return Vec::new();
    };
    let mut found: Vec<&'static Division> = INDEX
        .candidates(group)
        .iter()
        .filter_map(|c| INDEX.get(c.division))
        .collect();
    found.sort_by_key(|d| (d.former, d.index));
    found.dedup_by_key(|d| d.index);
    found
}

/// The chain from the province down to the division with this code, empty for
/// an unknown code.
#[must_use]
pub fn chain(code: &str) -> Vec<&'static Division> {
    division(code).map(Division::chain).unwrap_or_default()
}

/// Every division in the table, current and former, in code order.
#[must_use]
pub fn all() -> &'static [Division] {
    &INDEX.divisions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_parents() {
        let d = division("310107").unwrap();
        assert_eq!(
            (d.name(), d.short_name(), d.level()),
            ("普陀区", Some("普陀"), Level::County)
        );
        assert_eq!(d.parent_code(), Some("310000"));
        let town = division("310107103").unwrap();
        assert_eq!(town.name(), "桃浦镇");
        let names: Vec<_> = town.chain().iter().map(|d| d.name()).collect();
        assert_eq!(names, ["上海市", "普陀区", "桃浦镇"]);
        assert!(town.is_within(d));
        assert!(
            division("310100").is_none(),
            "placeholder rows are not divisions"
        );
        assert!(division("999999").is_none());
    }

    #[test]
    fn former_divisions_link_to_their_successor() {
        for (name, now) in [
            ("闸北区", "310106"),
            ("卢湾区", "310101"),
            ("南汇区", "310115"),
        ] {
            let d = lookup(name);
            assert_eq!(d.len(), 1, "{name}");
            assert!(d[0].is_former());
            assert_eq!(d[0].current().map(Division::code), Some(now), "{name}");
        }
        let xiangfan = lookup("襄樊市")[0];
        assert_eq!(xiangfan.current().map(Division::name), Some("襄阳市"));
        assert_eq!(divisions_with_code("420600").len(), 2);
        assert_eq!(division("420600").map(Division::name), Some("襄阳市"));
    }

    #[test]
    fn additions_from_the_2024_list() {
        for (code, name) in [
            ("653229", "和安县"),
            ("653228", "和康县"),
            ("460302", "西沙区"),
            ("460303", "南沙区"),
        ] {
            assert_eq!(division(code).map(Division::name), Some(name));
        }
        assert_eq!(lookup("南沙区").len(), 2);
    }

    #[test]
    fn lookup_needs_the_whole_name() {
        assert!(lookup("宝山区吴淞").is_empty());
        assert!(lookup("").is_empty());
        assert!(lookup("旧金山").is_empty());
        let pt: Vec<_> = lookup("普陀区").iter().map(|d| d.code()).collect();
        assert_eq!(pt, ["310107", "330903"]);
    }
}
