//! Administrative divisions a notice names.
//!
//! [`find`] reports every division a text names: provinces, prefectures,
//! counties, and townships where their county is already in context; full
//! forms (`上海市普陀区`), short forms (`普陀`, `上海`), chains
//! (`上海市宝山区吴淞街道`, each link reported), enumerations (`南京、无锡`),
//! abbreviation compounds (`沪常两地`) and former divisions (`闸北区`, linked to
//! 静安区). Names that several divisions share (`普陀区` in Shanghai and in
//! Zhoushan) are decided from the chain, the other divisions the text names,
//! the publisher's district and the home region — or reported as ambiguous with
//! their candidates, never guessed.
//!
//! ```
//! use govnotice::district;
//!
//! let found = district::find("上海市普陀区桃浦镇与常州签约,沪常两地合作。");
//! let codes: Vec<&str> = found.iter().map(|m| &*m.code).collect();
//! assert_eq!(codes, ["310000", "310107", "310107103", "320400", "310000", "320400"]);
//!
//! // Nothing decides which 普陀区 this is.
//! let alone = district::find("普陀区召开会议");
//! assert!(alone[0].ambiguous);
//! assert_eq!(alone[0].candidates, ["310107", "330903"]);
//!
//! // The publisher's district does.
//! let ctx = district::Context::new().with_publisher("330900");
//! assert_eq!(district::find_with("普陀区召开会议", &ctx)[0].code, "330903");
//! ```

mod disambiguate;
mod facts;
mod scan;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::gazetteer::{self, Division, INDEX};
use crate::span::Span;
use disambiguate::{Outcome, Priors};

/// One administrative division named in a text.
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(get_all, frozen, module = "govnotice", skip_from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictMention {
    /// The name as written (`宝山`). Borrowed from the division tables when
    /// it is a division's name or short form, as it nearly always is.
    pub text: Cow<'static, str>,
    /// Where it is, in bytes of the parsed text.
    pub span: Span,
    /// The official name (`宝山区`). For an ambiguous mention, the name the
    /// candidates share, or the text when they differ.
    ///
    /// This and the codes below borrow from the division tables built into
    /// the crate (a record read back with serde owns its own): a notice
    /// names dozens of divisions, and owning five strings each made their
    /// allocations half of all a parse did.
    pub name: Cow<'static, str>,
    /// The GB/T 2260 code: six digits to county level, nine for towns. Empty
    /// when the mention is ambiguous (see `candidates`). For a former division
    /// this is its own code (`310108` for 闸北区); see `current_code`.
    pub code: Cow<'static, str>,
    /// The level of the division (for an ambiguous mention, the highest level
    /// among its candidates).
    pub level: Level,
    /// The code of the division it belongs to; `None` for a province, and for
    /// an ambiguous mention whose candidates differ in parent.
    pub parent_code: Option<Cow<'static, str>>,
    /// Whether the division no longer exists (`闸北区`, `襄樊市`).
    #[serde(default)]
    pub former: bool,
    /// For a former division, the code of the division that took it over
    /// (`310106` 静安区 for 闸北区), when the records name a single one.
    #[serde(default)]
    pub current_code: Option<Cow<'static, str>>,
    /// Whether nothing in the text or context decides between several
    /// divisions of this name; `code` is then empty and `candidates` lists them.
    #[serde(default)]
    pub ambiguous: bool,
    /// The codes an ambiguous mention may stand for; empty when decided.
    #[serde(default)]
    pub candidates: Vec<Cow<'static, str>>,
    /// Whether the name is part of an organisation's name (`上海交通大学`,
    /// `复旦大学金山研究院`, `宝山区文化和旅游局`).
    #[serde(default)]
    pub in_organization: bool,
}

/// The level of an administrative division.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Province, autonomous region, municipality, special administrative region.
    Province,
    /// Prefecture level.
    City,
    /// County level: 区, 县, 县级市, 旗.
    County,
    /// Township level: 镇, 乡, 街道.
    Town,
}

impl Level {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
            Level::Town => "town",
        }
    }
}

/// What is known about a notice besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The home region of the notices (`上海` or `310000`): decides names the
    /// text itself leaves open, after the publisher's district.
    pub region: Option<String>,
    /// The district of the notice's publisher (`310113`, or a name such as
    /// `宝山区` when unambiguous).
    pub publisher: Option<String>,
}

impl Context {
    /// No region, no publisher.
    #[must_use]
    pub fn new() -> Context {
        Context::default()
    }

    /// Sets the home region: a code or a name.
    #[must_use]
    pub fn with_region(mut self, region: impl Into<String>) -> Context {
        self.region = Some(region.into());
        self
    }

    /// Sets the publisher's district: a code or a name.
    #[must_use]
    pub fn with_publisher(mut self, district: impl Into<String>) -> Context {
        self.publisher = Some(district.into());
        self
    }
}

/// Every division `text` names, in text order. Same as [`find_with`] with an
/// empty [`Context`].
#[must_use]
pub fn find(text: &str) -> Vec<DistrictMention> {
    find_with(text, &Context::default())
}

/// Every division `text` names, in text order, using what `context` knows to
/// decide names the text leaves open.
#[must_use]
pub fn find_with(text: &str, context: &Context) -> Vec<DistrictMention> {
    find_scanned(text, &Scanned::of(text), context)
}

/// The division names of a text before they are decided, with what their
/// decision starts from. A notice decides them on the text alone for its
/// credits and again under the issuer's district or the home region when it
/// has either; scanning and preparing once for both saves most of the
/// second decision.
pub(crate) struct Scanned {
    raws: Vec<scan::Raw>,
    prepared: disambiguate::Prepared,
}

impl Scanned {
    pub(crate) fn of(text: &str) -> Scanned {
        // Names in traditional characters (`房山區`) are found in the folded
        // text, whose offsets are the text's.
        let raws = scan::scan(&crate::script::fold(text));
        let prepared = disambiguate::Prepared::of(&raws);
        Scanned { raws, prepared }
    }
}

/// [`find_with`] on names already scanned from `text`.
pub(crate) fn find_scanned(
    text: &str,
    scanned: &Scanned,
    context: &Context,
) -> Vec<DistrictMention> {
    let raws = &scanned.raws;
    let priors = Priors {
        publisher: context.publisher.as_deref().map(prior).unwrap_or_default(),
        region: context.region.as_deref().map(prior).unwrap_or_default(),
    };
    let outcomes = disambiguate::resolve(raws, &scanned.prepared, &priors);
    // Sized to the mentions kept (most of the scan's are dropped): a
    // collect regrew and copied the list as it went, 0.7% of a parse.
    let kept = outcomes
        .iter()
        .filter(|outcome| !matches!(outcome, Outcome::Dropped))
        .count();
    let mut mentions = Vec::with_capacity(kept);
    mentions.extend(raws.iter().zip(outcomes).filter_map(|(raw, outcome)| {
        let span = Span::new(raw.start, raw.end);
        mention(&text[span.range()], span, outcome, raw.in_organization)
    }));
    mentions
}

/// The lineage (province first) of a context division given as code or name.
/// A name several divisions share counts when one of them ranks above the
/// others (`上海` → the municipality, not a township so named) or contains
/// them (`吉林` → the province).
fn prior(code_or_name: &str) -> Vec<u32> {
    let d = gazetteer::division(code_or_name).or_else(|| {
        let found = gazetteer::lookup(code_or_name);
        let top = found
            .iter()
            .filter(|d| !d.is_former())
            .map(|d| d.level())
            .min()?;
        let highest: Vec<&Division> = found
            .iter()
            .copied()
            .filter(|d| !d.is_former() && d.level() == top)
            .collect();
        match highest[..] {
            [one] => Some(one),
            _ => found
                .iter()
                .copied()
                .find(|outer| found.iter().all(|d| d.is_within(outer))),
        }
    });
    d.map(|d| {
        d.current()
            .unwrap_or(d)
            .chain()
            .iter()
            .map(|x| x.index())
            .collect()
    })
    .unwrap_or_default()
}

fn mention(
    text: &str,
    span: Span,
    outcome: Outcome,
    in_organization: bool,
) -> Option<DistrictMention> {
    // The text is a candidate's name or short form, but for the one
    // character of an abbreviation compound (`沪`).
    let written = |d: &'static Division| -> Cow<'static, str> {
        [Some(d.name()), d.short_name()]
            .into_iter()
            .flatten()
            .find(|&form| form == text)
            .map_or_else(|| Cow::Owned(text.to_owned()), Cow::Borrowed)
    };
    let base = |written: Cow<'static, str>,
                name: Cow<'static, str>,
                code: &'static str,
                level: Level,
                parent: Option<&'static str>| DistrictMention {
        text: written,
        span,
        name,
        code: Cow::Borrowed(code),
        level,
        parent_code: parent.map(Cow::Borrowed),
        former: false,
        current_code: None,
        ambiguous: false,
        candidates: Vec::new(),
        in_organization,
    };
    match outcome {
        Outcome::Dropped => None,
        Outcome::One(i) => {
            let d = INDEX.get(i)?;
            let mut m = base(
                written(d),
                Cow::Borrowed(d.name()),
                d.code(),
                d.level(),
                d.parent_code(),
            );
            m.former = d.is_former();
            m.current_code = d
                .is_former()
                .then(|| d.current().map(|c| Cow::Borrowed(c.code())))
                .flatten();
            Some(m)
        }
        Outcome::Ambiguous(many) => {
            let ds: Vec<&Division> = many.iter().filter_map(|&i| INDEX.get(i)).collect();
            let first = ds.first()?;
            let same_name = ds.iter().all(|d| d.name() == first.name());
            let same_parent = ds.iter().all(|d| d.parent_code() == first.parent_code());
            let level = ds.iter().map(|d| d.level()).min().unwrap_or(Level::County);
            let mut m = base(
                written(first),
                if same_name {
                    Cow::Borrowed(first.name())
                } else {
                    Cow::Owned(text.to_owned())
                },
                "",
                level,
                if same_parent {
                    first.parent_code()
                } else {
                    None
                },
            );
            m.ambiguous = true;
            m.candidates = ds.iter().map(|d| Cow::Borrowed(d.code())).collect();
            m.candidates.dedup();
            Some(m)
        }
    }
}

/// How often each division is named: decided mentions only, a former division
/// counted under today's code when known. Most-named first; ties in order of
/// first mention.
#[must_use]
pub fn counts(mentions: &[DistrictMention]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for m in mentions.iter().filter(|m| !m.ambiguous) {
        let code = m.current_code.as_deref().unwrap_or(&m.code);
        match out.iter_mut().find(|(c, _)| c == code) {
            Some((_, n)) => *n += 1,
            None => out.push((code.to_owned(), 1)),
        }
    }
    // Stable: equal counts keep first-mention order.
    out.sort_by_key(|c| std::cmp::Reverse(c.1));
    out
}

/// The county-level division a notice is mainly about: the most-named county
/// (townships counted for their county), the publisher's district breaking a
/// tie; failing any county, the most-named prefecture, then province; failing
/// any mention, the publisher's district.
#[must_use]
pub fn primary(mentions: &[DistrictMention], publisher: Option<&str>) -> Option<String> {
    for level in [Level::County, Level::City, Level::Province] {
        let mut tally: Vec<(&'static str, usize)> = Vec::new();
        for m in mentions.iter().filter(|m| !m.ambiguous) {
            let code = m.current_code.as_deref().unwrap_or(&m.code);
            let Some(d) = gazetteer::division(code) else {
                continue;
            };
            let Some(at) = d.chain().into_iter().find(|x| x.level() == level) else {
                continue;
            };
            match tally.iter_mut().find(|(c, _)| *c == at.code()) {
                Some((_, n)) => *n += 1,
                None => tally.push((at.code(), 1)),
            }
        }
        let Some(best) = tally.iter().map(|t| t.1).max() else {
            continue;
        };
        let top: Vec<&str> = tally.iter().filter(|t| t.1 == best).map(|t| t.0).collect();
        let by_publisher = publisher.and_then(|p| {
            let p = gazetteer::division(p)?;
            top.iter()
                .copied()
                .find(|c| p.chain().iter().any(|x| x.code() == *c))
        });
        return Some(by_publisher.unwrap_or(top[0]).to_owned());
    }
    publisher.map(str::to_owned)
}

#[cfg(test)]
mod tests;
