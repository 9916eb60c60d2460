//! A notice as HTML, for people: the title, issuer and publish date over the
//! body, with every mention marked by its kind and its normalized value shown
//! on hover. Python's `Notice._repr_html_` is this view, so a notice reads
//! well in a notebook.
//!
//! Mentions may nest (a division inside an organisation's name) and are then
//! marked inside one another; a mention that crosses the edge of one already
//! open is left unmarked, since elements cannot cross. Every piece of the
//! caller's text is escaped, in element content and in attribute values.

use std::fmt::Write as _;

use html_escape::{encode_double_quoted_attribute, encode_text};

use crate::date::DateMention;
use crate::district::DistrictMention;
use crate::metric::{Metric, Qualifier};
use crate::publisher::Source;
use crate::{Notice, Span};

/// What a marked mention is; the order decides which of two mentions with
/// the same span is the outer one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Figure,
    Date,
    Division,
    Source,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Figure, Kind::Date, Kind::Division, Kind::Source];

    const fn name(self) -> &'static str {
        match self {
            Kind::Figure => "figure",
            Kind::Date => "date",
            Kind::Division => "division",
            Kind::Source => "source",
        }
    }

    const fn colour(self) -> &'static str {
        match self {
            Kind::Figure => "#ffd966",
            Kind::Date => "#9fd3ff",
            Kind::Division => "#b6e3a8",
            Kind::Source => "#f4b8e4",
        }
    }
}

/// One mention to mark: where, what kind, and what it was read as.
struct Mark {
    span: Span,
    kind: Kind,
    value: String,
}

impl Notice {
    /// The notice as an HTML fragment to read it by: title, issuer and
    /// publish date, then the body (the whole text when no body was found)
    /// with each figure, date, division and source marked in its own colour
    /// and its normalized value in the mark's `title`, shown on hover.
    ///
    /// `text` is the text the notice was parsed from, which its byte spans
    /// index. Mentions nest; one that crosses the edge of another is left
    /// unmarked. Spans that do not fit `text` are not marked, so a wrong
    /// text gives a plainer view, never a panic.
    ///
    /// ```
    /// let text = "宝山区智慧湾入选示范基地\n\n园区已入驻企业420余家。";
    /// let html = govnotice::parse(text).to_html(text);
    /// assert!(html.contains(r#"title="figure: 420 家, more than; of 企业""#));
    /// ```
    #[must_use]
    pub fn to_html(&self, text: &str) -> String {
        let shown = self
            .body_span
            .filter(|body| text.get(body.range()).is_some())
            .unwrap_or(Span::new(0, text.len()));
        let mut marks = self.marks();
        marks.retain(|mark| {
            !mark.span.is_empty()
                && shown.contains(mark.span)
                && text.get(mark.span.range()).is_some()
        });
        marks.sort_by_key(|mark| (mark.span.start, std::cmp::Reverse(mark.span.end), mark.kind));
        marks.dedup_by(|b, a| a.span == b.span && a.kind == b.kind);

        let mut body = String::with_capacity(shown.len() * 2);
        let counts = write_marked(&mut body, text, shown, &marks);

        let mut html = String::with_capacity(body.len() + 1024);
        html.push_str(
            "<div class=\"govnotice-notice\" style=\"font-family:sans-serif;line-height:1.7;max-width:60em\">\n",
        );
        let title = self.title.as_deref().unwrap_or("(no title)");
        let _ = writeln!(
            html,
            "<div style=\"font-size:1.2em;font-weight:bold\">{}</div>",
            encode_text(title)
        );
        html.push_str("<div style=\"color:#555\">");
        match &self.publisher {
            Some(issuer) => {
                let _ = write!(
                    html,
                    "Issuer: <b>{}</b> ({})",
                    encode_text(&issuer.name),
                    issuer.kind.as_str()
                );
            }
            None => html.push_str("Issuer: none found"),
        }
        html.push_str(" · ");
        match &self.published {
            Some(date) => {
                let value = date_value(date);
                let _ = write!(html, "Published: <b>{}</b>", encode_text(&value));
                if date.text != value {
                    let _ = write!(html, " ({})", encode_text(&date.text));
                }
            }
            None => html.push_str("Published: none found"),
        }
        html.push_str("</div>\n<div style=\"margin:.3em 0\">");
        for (kind, count) in Kind::ALL.iter().zip(counts) {
            let _ = write!(
                html,
                "<span style=\"background:{};border-radius:3px;padding:0 .4em;margin-right:.4em\">{} {count}</span>",
                kind.colour(),
                kind.name(),
            );
        }
        html.push_str("</div>\n<div style=\"white-space:pre-wrap;border-top:1px solid #ccc;padding-top:.5em\">");
        html.push_str(&body);
        html.push_str("</div>\n</div>\n");
        html
    }

    /// Every mention with a span, whatever part of the text it lies in.
    fn marks(&self) -> Vec<Mark> {
        let sources = self
            .publisher
            .iter()
            .chain(&self.sources)
            .chain(&self.agencies);
        let figures = self.metrics.iter().map(|figure| Mark {
            span: figure.span,
            kind: Kind::Figure,
            value: figure_value(figure),
        });
        let dates = self.published.iter().chain(&self.dates).map(|date| Mark {
            span: date.span,
            kind: Kind::Date,
            value: date_value(date),
        });
        let divisions = self.districts.iter().map(|district| Mark {
            span: district.span,
            kind: Kind::Division,
            value: division_value(district),
        });
        let sources = sources.map(|source| Mark {
            span: source.span,
            kind: Kind::Source,
            value: source_value(source),
        });
        figures
            .chain(dates)
            .chain(divisions)
            .chain(sources)
            .collect()
    }
}

/// Writes `text[shown]` escaped, with `marks` (sorted by start, outer first,
/// each inside `shown` on char boundaries) as nested `<mark>` elements;
/// returns how many of each kind were written.
fn write_marked(out: &mut String, text: &str, shown: Span, marks: &[Mark]) -> [usize; 4] {
    let mut counts = [0; 4];
    let mut at = shown.start;
    // The ends of the marks open around `at`, innermost last.
    let mut open: Vec<usize> = Vec::new();
    for mark in marks {
        while let Some(&end) = open.last().filter(|&&end| end <= mark.span.start) {
            out.push_str(&encode_text(&text[at..end]));
            out.push_str("</mark>");
            at = end;
            open.pop();
        }
        if open.last().is_some_and(|&end| end < mark.span.end) {
            continue;
        }
        out.push_str(&encode_text(&text[at..mark.span.start]));
        let _ = write!(
            out,
            "<mark class=\"govnotice-{kind}\" data-kind=\"{kind}\" title=\"{kind}: {value}\" style=\"background:{colour};border-radius:3px;padding:0 1px\">",
            kind = mark.kind.name(),
            value = encode_double_quoted_attribute(&mark.value),
            colour = mark.kind.colour(),
        );
        at = mark.span.start;
        open.push(mark.span.end);
        counts[mark.kind as usize] += 1;
    }
    while let Some(end) = open.pop() {
        out.push_str(&encode_text(&text[at..end]));
        out.push_str("</mark>");
        at = end;
    }
    out.push_str(&encode_text(&text[at..shown.end]));
    counts
}

/// `420 家, more than; of 企业; year on year increase`.
fn figure_value(figure: &Metric) -> String {
    let mut value = figure.value.to_string();
    if let Some(max) = figure.value_max {
        let _ = write!(value, "–{max}");
    }
    let _ = write!(value, " {}", figure.unit);
    if figure.qualifier != Qualifier::Exact {
        let _ = write!(value, ", {}", figure.qualifier.as_str().replace('_', " "));
    }
    if let Some(subject) = &figure.subject {
        let _ = write!(value, "; of {subject}");
    }
    if let Some(change) = figure.change {
        let basis = figure
            .basis
            .map_or(String::new(), |b| b.as_str().replace('_', " ") + " ");
        let _ = write!(value, "; {basis}{}", change.as_str());
    }
    if let Some(code) = &figure.district_code {
        let _ = write!(value, "; in {code}");
    }
    if let Some(date) = &figure.date {
        let _ = write!(value, "; {}", date_value(date));
    }
    value
}

/// `2024-01-18`, `2023-01-01 – 2023-12-31 (year)`, or the parts written when
/// the date could not be resolved.
fn date_value(date: &DateMention) -> String {
    let precision = date.precision.as_str();
    match (date.start, date.end) {
        (Some(start), Some(end)) if start == end => start.to_string(),
        (Some(start), Some(end)) => format!("{start} – {end} ({precision})"),
        _ => {
            let part = |p: Option<i8>| p.map_or("?".to_owned(), |p| p.to_string());
            let year = date.year.map_or("?".to_owned(), |y| y.to_string());
            format!(
                "unresolved ({year}-{}-{}, {precision})",
                part(date.month),
                part(date.day)
            )
        }
    }
}

/// `宝山区 310113 (county)`, with what is known of a former or shared name.
fn division_value(district: &DistrictMention) -> String {
    if district.ambiguous {
        return format!(
            "{}, ambiguous: {}",
            district.name,
            district.candidates.join(" | ")
        );
    }
    let mut value = format!(
        "{} {} ({})",
        district.name,
        district.code,
        district.level.as_str()
    );
    if let Some(current) = district
        .former
        .then_some(())
        .and(district.current_code.as_ref())
    {
        let _ = write!(value, ", former, now {current}");
    }
    if district.in_organization {
        value.push_str(", in an organisation's name");
    }
    value
}

/// `宝山区经济委员会 (agency, issuer, 310113)`.
fn source_value(source: &Source) -> String {
    let name = source.full_name.as_deref().unwrap_or(&source.name);
    let mut value = format!("{name} ({}, {}", source.kind.as_str(), source.role.as_str());
    if let Some(code) = &source.district_code {
        let _ = write!(value, ", {code}");
    }
    value.push(')');
    value
}

#[cfg(test)]
mod tests;
