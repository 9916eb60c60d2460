//! Administrative divisions a notice names.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// One administrative division named in a text.
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(get_all, frozen, module = "govnotice", skip_from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictMention {
    /// The name as written (`宝山`).
    pub text: String,
    /// Where it is, in bytes of the parsed text.
    pub span: Span,
    /// The official name (`宝山区`).
    pub name: String,
    /// The GB/T 2260 code: six digits to county level, nine for towns.
    pub code: String,
    /// The level of the division.
    pub level: Level,
    /// The code of the division it belongs to; `None` for a province.
    pub parent_code: Option<String>,
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
