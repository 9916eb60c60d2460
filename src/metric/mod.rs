//! Figures a notice reports: numbers with units, scale, hedges and what they
//! count.
//!
//! A figure is a number from the shared [numeral scanner](crate::numeral)
//! followed by a unit from `data/units.tsv` (`3500万元`, `6.9平方公里`,
//! `420余家`), with the hedge words around it from `data/qualifiers.tsv`
//! (`超5000人以上`, `近300亿元`). A number with no unit is not a figure, with
//! one exception: a scaled amount in a clause about money (`经济规模超千亿`) is
//! read as yuan.
//!
//! ```
//! use govnotice::metric::{self, Qualifier};
//!
//! let figures = metric::parse("园区已入驻企业420余家，就业人数超5000人以上，总产值近300亿元。");
//! assert_eq!(figures.len(), 3);
//! assert_eq!((figures[0].value, &*figures[0].unit), (420.0, "家"));
//! assert_eq!(figures[0].subject.as_deref(), Some("企业"));
//! assert_eq!(figures[1].qualifier, Qualifier::MoreThan);
//! assert_eq!((figures[2].value, &*figures[2].unit), (3.0e10, "CNY"));
//! assert_eq!(figures[2].qualifier, Qualifier::Nearly);
//! ```
//!
//! Not figures: dates (the date parser claims their numbers first), ordinals
//! (`第四批`), numbers glued to Latin letters (`5G`, `G2`, `3D打印`), numbers
//! inside `《…》` titles, short `“…”` slogans, URLs and fixed phrases
//! (`一站式`, `十年磨一剑`), and numbers with no unit (phone, document and
//! street numbers).

mod context;
mod extract;
mod lexicon;
mod subject;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::date::DateMention;
use crate::span::Span;

pub(crate) use extract::extract;

/// Finds every figure in `text`.
///
/// Numbers that are part of dates are not figures; this entry runs the
/// numeral scanner itself. The notice parser shares one scan between dates and
/// metrics instead.
#[must_use]
pub fn parse(text: &str) -> Vec<Metric> {
    let numbers = crate::numeral::readings(text);
    extract(text, &numbers, &[])
}

/// One reported figure.
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(get_all, frozen, module = "govnotice", skip_from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// The figure as written, hedges included (`超5000人以上`).
    pub text: String,
    /// Where it is, in bytes of the parsed text.
    pub span: Span,
    /// The value in the canonical unit (`3500万元` → 35000000).
    pub value: f64,
    /// The upper bound of a range (`5-8平方公里`), in the same unit.
    pub value_max: Option<f64>,
    /// The canonical unit: `CNY`, `m2`, `m`, `percent`, or a classifier (`家`).
    /// This and `quantity` borrow from the unit table built into the crate
    /// (a record read back with serde owns its own).
    pub unit: Cow<'static, str>,
    /// The unit as written (`万元`).
    pub unit_text: String,
    /// What kind of quantity the unit measures (`money`, `area`, `count` …).
    pub quantity: Cow<'static, str>,
    /// How the text hedges the value.
    pub qualifier: Qualifier,
    /// What is counted or measured (`企业`), when the clause says.
    pub subject: Option<String>,
    /// The date of the clause the figure is in.
    pub date: Option<DateMention>,
    /// The district of the clause the figure is in (borrowed from the
    /// division tables, as [`DistrictMention::code`](crate::district::DistrictMention::code) is).
    pub district_code: Option<Cow<'static, str>>,
    /// Whether the figure is a change (`增长12.5%`), and which way.
    pub change: Option<Change>,
    /// What a change is measured against (`同比`, `环比`, `比上年`).
    pub basis: Option<Basis>,
}

/// Which way a change goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// `增长`, `增加`, `提高`, `上升`.
    Increase,
    /// `下降`, `减少`, `降低`.
    Decrease,
}

impl Change {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Change::Increase => "increase",
            Change::Decrease => "decrease",
        }
    }
}

/// What a change is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The same period a year before: `同比`, `比上年同期`.
    YearOnYear,
    /// The period just before: `环比`, `比上月`.
    MonthOnMonth,
    /// The previous year or period as a whole: `比上年`, `较去年`.
    PreviousPeriod,
}

impl Basis {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Basis::YearOnYear => "year_on_year",
            Basis::MonthOnMonth => "month_on_month",
            Basis::PreviousPeriod => "previous_period",
        }
    }
}

/// How a text hedges a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is: `117亿元`.
    Exact,
    /// `约`, `左右`, `上下`, `百亿级`.
    About,
    /// `余`, `多`, `逾`, `超`, `以上`.
    MoreThan,
    /// `不少于`, `至少`.
    AtLeast,
    /// `近`, `将近`, `接近`.
    Nearly,
    /// `不到`, `不足`, `低于`.
    LessThan,
    /// `以内`, `以下`, `不超过`, `最高`.
    AtMost,
    /// From `value` to `value_max`: `5-8`, `三到五`.
    Range,
}

impl Qualifier {
    /// The qualifier with this serialized name.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Qualifier> {
        [
            Qualifier::Exact,
            Qualifier::About,
            Qualifier::MoreThan,
            Qualifier::AtLeast,
            Qualifier::Nearly,
            Qualifier::LessThan,
            Qualifier::AtMost,
            Qualifier::Range,
        ]
        .into_iter()
        .find(|q| q.as_str() == name)
    }

    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::Nearly => "nearly",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_borrow_the_table_and_read_back_owned() {
        let figures = parse("新增企业420家，投资300亿元");
        assert!(matches!(figures[0].unit, Cow::Borrowed("家")));
        assert!(matches!(figures[1].unit, Cow::Borrowed("CNY")));
        assert!(matches!(figures[1].quantity, Cow::Borrowed("money")));
        // Serde cannot hand out borrows of the tables: a record read back owns.
        let json = serde_json::to_string(&figures).unwrap();
        let back: Vec<Metric> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, figures);
        assert!(matches!(back[1].quantity, Cow::Owned(_)));
    }
}
