//! govnotice turns Chinese government news notices into typed records: who
//! published a notice, when, which administrative divisions it is about, and
//! every figure it reports with its unit.
//!
//! Use it when you hold notices from district and city government sites, their
//! WeChat reposts or newspaper pages about them (scraped text with navigation,
//! bylines and footers still in) and want tidy records rather than strings.
//! The same core backs the `govnotice` Python package.
//!
//! # Example
//!
//! ```
//! let notice = govnotice::parse(
//!     "宝山区智慧湾入选示范基地\n\n发布机构: 宝山区文化和旅游局\n\n园区已入驻企业420余家。\n",
//! );
//! assert_eq!(notice.title.as_deref(), Some("宝山区智慧湾入选示范基地"));
//! let body = notice.body_span.expect("the notice has a body");
//! assert!(notice_text_at(body).starts_with("园区已入驻"));
//! # fn notice_text_at(span: govnotice::Span) -> &'static str {
//! #     &"宝山区智慧湾入选示范基地\n\n发布机构: 宝山区文化和旅游局\n\n园区已入驻企业420余家。\n"[span.range()]
//! # }
//! ```
//!
//! Every mention carries a [`Span`]: a byte range into the text exactly as the
//! caller passed it. Values are normalized; the text never is.
//!
//! # Bytes and pages
//!
//! Scraped input need not be UTF-8 text: [`parse_bytes`] decodes GBK,
//! GB18030, Big5 or UTF-8 bytes (detected, or named by the caller) and
//! [`parse_html`] reads the text and `<meta>` fields of an HTML page; both
//! hand back the text their spans index, and [`html::HtmlText`] maps those
//! spans back into the page.
//!
//! # Output contract
//!
//! [`Notice`] serializes with serde to the documented shape: `title`,
//! `publisher`, `sources`, `published`, `dates`, `districts`, `metrics`,
//! `body_span`. The names are a public interface and stay stable.
//!
//! # Cost
//!
//! Parsing is one pass over the text per parser with patterns compiled once per
//! process; no parser allocates per character. Tables are embedded in the
//! binary at build time; the division automaton is prebuilt by the build
//! script and deserialized on first use.
//!
//! - **Memory**: the loaded tables (44,703 current divisions, their former
//!   names and the automaton over them, the facts the division decisions
//!   read, the unit, cue and date tables) keep a process at about 21 MB
//!   resident; a parse adds its records, in proportion to what the notice
//!   names.
//! - **First use**: about 11 ms to load the division table, 6 ms more for
//!   the other tables, once per process; calling [`gazetteer::all`] loads
//!   the division table ahead of the first notice.
//! - **Time**: linear in the text, about 25–30 MB/s per core for a whole
//!   notice on the evaluation corpus depending on the machine's day (about
//!   4,000–4,800 notices a second; they average 6 KB), and near 2× on two
//!   threads with [`Parser::parse_many`] for a large batch. Texts dense in places and figures (address lists, notices
//!   about divisions) cost more per byte than prose. `BENCHMARKS.md` has the
//!   measurements and the commands that produce them.

#![deny(missing_docs)]
// On docs.rs (nightly, `--cfg docsrs`): each item says which feature adds it.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod automaton;
mod charset;
pub mod date;
pub mod district;
pub mod encoding;
mod error;
pub mod gazetteer;
pub mod html;
pub mod layout;
pub mod metric;
mod notice;
pub mod numeral;
pub mod publisher;
#[cfg(feature = "python")]
mod python;
mod script;
mod span;
#[cfg(test)]
mod test_support;
mod view;

pub use encoding::{parse_bytes, DecodedNotice};
pub use error::{decode_utf8, Error};
pub use html::{parse_html, HtmlNotice};
pub use notice::{Notice, Parser, ParserBuilder};
pub use span::Span;

/// The README's Rust examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The Rust guide's example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../docs/rust.md")]
struct RustGuideDoctests;

/// Parses one notice with default settings: no base date, no home region.
///
/// Equivalent to `Parser::new().parse(text)`.
#[must_use]
pub fn parse(text: &str) -> Notice {
    Parser::new().parse(text)
}
