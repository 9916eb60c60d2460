//! Dates a notice states, as closed intervals of days.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// One date expression found in a text, resolved to a closed interval of days.
///
/// `start` and `end` are both inclusive. They are `None` when the expression
/// could not be resolved to real days (a partial date such as `5月15日` with no
/// base date to give it a year).
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(get_all, frozen, module = "govnotice", skip_from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The expression as written.
    pub text: String,
    /// Where it is, in bytes of the parsed text.
    pub span: Span,
    /// First day of the interval.
    pub start: Option<Date>,
    /// Last day of the interval.
    pub end: Option<Date>,
    /// How wide the stated date is.
    pub precision: Precision,
    /// Whether the expression is relative to a base date (`今年`, `9个月前`).
    pub relative: bool,
}

/// The width of a stated date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// One day: `2021年10月24日`.
    Day,
    /// One week: `本周`.
    Week,
    /// A third of a month: `上旬`.
    TenDays,
    /// One month: `2019年7月`.
    Month,
    /// One quarter: `一季度`.
    Quarter,
    /// Half a year: `上半年`.
    Half,
    /// One year: `2021年`.
    Year,
    /// Several years: `“十四五”时期`, `2021-2025年`.
    Period,
}

impl Precision {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::TenDays => "ten_days",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::Year => "year",
            Precision::Period => "period",
        }
    }
}
