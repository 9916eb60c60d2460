//! Figures a notice reports: numbers with units, scale and hedges.

use serde::{Deserialize, Serialize};

use crate::date::DateMention;
use crate::span::Span;

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
    pub unit: String,
    /// The unit as written (`万元`).
    pub unit_text: String,
    /// What kind of quantity the unit measures (`money`, `area`, `count` …).
    pub quantity: String,
    /// How the text hedges the value.
    pub qualifier: Qualifier,
    /// What is counted or measured (`企业`), when the clause says.
    pub subject: Option<String>,
    /// The date of the clause the figure is in.
    pub date: Option<DateMention>,
    /// The district of the clause the figure is in.
    pub district_code: Option<String>,
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
