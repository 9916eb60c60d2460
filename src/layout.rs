//! The shape of a notice: title, meta header, body and boilerplate.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Where the parts of a notice are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// The title line, trimmed.
    pub title: Option<Span>,
    /// `key: value` fields of the header and footer (`发布机构: 宝山区文化和旅游局`).
    pub fields: Vec<MetaField>,
    /// The article itself: from its first line to its last, boilerplate excluded.
    pub body: Option<Span>,
    /// Regions that are not part of the article.
    pub boilerplate: Vec<Boilerplate>,
}

/// One `key: value` field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaField {
    /// The key as written, without its colon (`发布机构`).
    pub key: Span,
    /// The value, trimmed (`宝山区文化和旅游局`).
    pub value: Span,
}

/// A region that is not part of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boilerplate {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: BoilerplateKind,
}

/// What a boilerplate region is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Site navigation: `当前位置:首页 > …`.
    Breadcrumb,
    /// Copyright, ICP and licence lines.
    Copyright,
    /// Reader notes such as `温馨提示`.
    Notice,
    /// Adverts, contact details, QR codes and share buttons.
    Advert,
    /// Lists of related articles, `上一篇/下一篇`.
    Related,
}

/// Finds the title and body of `text`.
///
/// The title is the first non-blank line; the body runs from the next
/// non-blank line to the last one.
#[must_use]
pub fn parse(text: &str) -> Layout {
    let mut lines = non_blank_lines(text);
    let title = lines.next();
    let body_start = lines.next();
    let body = body_start.map(|first| {
        let last = non_blank_lines(text).last().unwrap_or(first);
        Span::new(first.start, last.end)
    });
    Layout {
        title,
        body,
        ..Layout::default()
    }
}

/// Trimmed spans of the lines that hold something other than whitespace.
fn non_blank_lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = offset;
        offset += line.len();
        let leading = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        (!trimmed.is_empty()).then(|| Span::new(start + leading, start + leading + trimmed.len()))
    })
}
