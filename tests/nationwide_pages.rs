//! The whole notice on pages from every province, scored against labels
//! written by reading them (`tests/data/nationwide_labels.jsonl`).
//!
//! The pages are the openings of county and city government portals, media
//! centres, newspapers, news portals and WeChat reposts from all 31
//! provinces (`../shared/corpus/nationwide-pages/`, not part of the
//! repository: when it is absent the test says so and passes). Each label
//! gives the issuer, the page's publish date, every credit with its role,
//! markers for where the body starts and ends, and the counties and towns
//! the title and body name, with their codes. The labels were written from
//! the text, never from the parser's output.
//!
//! `cargo test --test nationwide_pages -- --nocapture` prints the figures and
//! every record that misses.

mod common;

use std::collections::{BTreeSet, HashMap};

use govnotice::district::Level;
use govnotice::publisher::Role;
use govnotice::{Notice, Span};
use serde_json::Value;

/// What each figure must reach: `(target, floor)`. The targets are what the
/// parser is held to; the floor is what it reaches today, asserted so that no
/// change makes it worse, and raised with every change that makes it better.
/// Share of labelled records whose issuer is right (a name of the label, or
/// none when the label has none or makes it optional).
const ISSUER: (f64, f64) = (0.97, 0.975);
/// Share of labelled records whose publish date is right.
const PUBLISHED: (f64, f64) = (0.98, 0.985);
/// F1 of credits as (name, role) pairs over all records.
const CREDITS: (f64, f64) = (0.90, 0.935);
/// Share of records whose body starts and ends where the label says.
const BODY: (f64, f64) = (0.90, 0.90);
/// F1 of county-level divisions (distinct codes per record).
const COUNTIES: (f64, f64) = (0.95, 0.95);
/// Share of labelled towns found (by code, or by name when the table has none).
const TOWNS: (f64, f64) = (0.90, 0.90);
/// Wrong issuers or publish dates taken from inside the labelled body.
const FROM_BODY: (usize, usize) = (0, 0);

/// The labelled records and their pages, or `None` (with a note) when the
/// corpus is absent.
fn labelled() -> Option<Vec<(Value, Value)>> {
    let pages = common::shared("corpus/nationwide-pages/pages.jsonl")?;
    let pages: HashMap<String, Value> = common::read_jsonl(&pages)
        .into_iter()
        .map(|page| (str_of(&page["id"]).to_owned(), page))
        .collect();
    let labels =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/nationwide_labels.jsonl");
    Some(
        common::read_jsonl(&labels)
            .into_iter()
            .map(|label| {
                let page = pages
                    .get(str_of(&label["id"]))
                    .unwrap_or_else(|| panic!("no page {}", label["id"]))
                    .clone();
                (label, page)
            })
            .collect(),
    )
}

fn str_of(value: &Value) -> &str {
    value.as_str().expect("a string")
}

fn strings(value: &Value) -> impl Iterator<Item = &str> {
    value.as_array().into_iter().flatten().map(str_of)
}

/// The byte offset of a marker that occurs once in `text`.
fn marker(text: &str, marker: &str, id: &str) -> usize {
    assert_eq!(
        text.matches(marker).count(),
        1,
        "{id}: marker {marker:?} must occur once"
    );
    text.find(marker).expect("counted above")
}

/// Counts of one figure: hits over trials, or true positives with the sizes
/// of both sides for an F1.
#[derive(Default)]
struct Tally {
    hits: usize,
    found: usize,
    expected: usize,
}

impl Tally {
    fn record(&mut self, ok: bool) {
        self.hits += usize::from(ok);
        self.expected += 1;
    }

    fn share(&self) -> f64 {
        self.hits as f64 / self.expected.max(1) as f64
    }

    fn f1(&self) -> f64 {
        let precision = self.hits as f64 / self.found.max(1) as f64;
        let recall = self.hits as f64 / self.expected.max(1) as f64;
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

#[derive(Default)]
struct Scores {
    records: usize,
    provinces: BTreeSet<String>,
    issuer: Tally,
    published: Tally,
    credits: Tally,
    body: Tally,
    body_start: Tally,
    body_end: Tally,
    counties: Tally,
    towns: Tally,
    /// Wrong issuers or publish dates taken from inside the labelled body.
    from_body: Vec<String>,
    misses: Vec<String>,
}

fn score_issuer(scores: &mut Scores, id: &str, label: &Value, notice: &Notice, body: Span) {
    let names: Vec<&str> = if label["issuer"].is_null() {
        Vec::new()
    } else {
        std::iter::once(str_of(&label["issuer"]["name"]))
            .chain(strings(&label["issuer"]["alts"]))
            .collect()
    };
    let optional = label["issuer_optional"].as_bool() == Some(true);
    let ok = match &notice.publisher {
        None => names.is_empty() || optional,
        Some(p) => names
            .iter()
            .any(|&n| p.name == n || p.full_name.as_deref() == Some(n)),
    };
    scores.issuer.record(ok);
    if !ok {
        let got = notice.publisher.as_ref().map(|p| &p.name);
        scores
            .misses
            .push(format!("{id} issuer: want {names:?}, got {got:?}"));
        if let Some(p) = notice.publisher.as_ref().filter(|p| body.contains(p.span)) {
            scores
                .from_body
                .push(format!("{id} issuer {} from the body", p.name));
        }
    }
}

fn score_published(scores: &mut Scores, id: &str, label: &Value, notice: &Notice, body: Span) {
    let want = label["published"].as_str();
    let got = notice
        .published
        .as_ref()
        .and_then(|d| d.start)
        .map(|d| d.to_string());
    let ok = want == got.as_deref();
    scores.published.record(ok);
    if !ok {
        scores
            .misses
            .push(format!("{id} published: want {want:?}, got {got:?}"));
        if let Some(d) = notice.published.as_ref().filter(|d| body.contains(d.span)) {
            scores
                .from_body
                .push(format!("{id} publish date {} from the body", d.text));
        }
    }
}

fn score_credits(scores: &mut Scores, id: &str, label: &Value, notice: &Notice) {
    let want: BTreeSet<(String, String)> = label["credits"]
        .as_array()
        .expect("credits")
        .iter()
        .map(|c| (str_of(&c[0]).to_owned(), str_of(&c[1]).to_owned()))
        .collect();
    let got: BTreeSet<(String, String)> = notice
        .sources
        .iter()
        .filter(|s| {
            matches!(
                s.role,
                Role::Author | Role::Editor | Role::Photo | Role::Layout
            )
        })
        .map(|s| (s.name.clone(), s.role.as_str().to_owned()))
        .collect();
    let hits = want.intersection(&got).count();
    scores.credits.hits += hits;
    scores.credits.found += got.len();
    scores.credits.expected += want.len();
    if hits < want.len() || hits < got.len() {
        let missing: Vec<_> = want.difference(&got).collect();
        let extra: Vec<_> = got.difference(&want).collect();
        scores.misses.push(format!(
            "{id} credits: missing {missing:?}, extra {extra:?}"
        ));
    }
}

/// The labelled body: every accepted start, and the end. A marker may take
/// in the blanks before or after the body to occur once in the text; the
/// body starts at its first other character and ends after its last.
fn labelled_body(id: &str, label: &Value, text: &str) -> (Vec<usize>, usize) {
    let starts = std::iter::once(str_of(&label["body_start"]))
        .chain(strings(&label["body_start_alts"]))
        .map(|m| marker(text, m, id) + m.len() - m.trim_start().len())
        .collect();
    let end = match label["body_end"].as_str() {
        Some(m) => marker(text, m, id) + m.trim_end().len(),
        None => text.trim_end().len(),
    };
    (starts, end)
}

fn score_body(scores: &mut Scores, id: &str, text: &str, notice: &Notice, want: (&[usize], usize)) {
    let (starts, end) = want;
    let got = notice.body_span;
    let start_ok = got.is_some_and(|b| starts.contains(&b.start));
    let end_ok = got.is_some_and(|b| b.end == end);
    scores.body_start.record(start_ok);
    scores.body_end.record(end_ok);
    scores.body.record(start_ok && end_ok);
    if !(start_ok && end_ok) {
        let show = |at: usize, forward: bool| -> String {
            if forward {
                text[at..].chars().take(10).collect()
            } else {
                let before: Vec<char> = text[..at].chars().rev().take(10).collect();
                before.into_iter().rev().collect()
            }
        };
        let got_text = got.map(|b| (show(b.start, true), show(b.end, false)));
        scores.misses.push(format!(
            "{id} body: want ({:?}…{:?}), got {got_text:?}",
            show(starts[0], true),
            show(end, false)
        ));
    }
}

fn score_divisions(scores: &mut Scores, id: &str, label: &Value, notice: &Notice) {
    let decided = |level: Level| -> BTreeSet<&str> {
        notice
            .districts
            .iter()
            .filter(|m| m.level == level && !m.former && !m.code.is_empty())
            .map(|m| &*m.code)
            .collect()
    };
    let want: BTreeSet<&str> = label["counties"]
        .as_array()
        .expect("counties")
        .iter()
        .map(|c| str_of(&c[0]))
        .collect();
    let got = decided(Level::County);
    let hits = want.intersection(&got).count();
    scores.counties.hits += hits;
    scores.counties.found += got.len();
    scores.counties.expected += want.len();
    if hits < want.len() || hits < got.len() {
        let name = |code: &str| govnotice::gazetteer::division(code).map_or("?", |d| d.name());
        let missing: Vec<_> = want.difference(&got).map(|c| (*c, name(c))).collect();
        let extra: Vec<_> = got.difference(&want).map(|c| (*c, name(c))).collect();
        scores.misses.push(format!(
            "{id} counties: missing {missing:?}, extra {extra:?}"
        ));
    }

    let got = decided(Level::Town);
    let town_names: BTreeSet<&str> = notice
        .districts
        .iter()
        .filter(|m| m.level == Level::Town)
        .map(|m| &*m.name)
        .collect();
    for town in label["towns"].as_array().expect("towns") {
        let found = match town[0].as_str() {
            Some(code) => got.contains(code),
            None => town_names.contains(str_of(&town[1])),
        };
        scores.towns.record(found);
        if !found {
            scores
                .misses
                .push(format!("{id} town not found: {}", str_of(&town[1])));
        }
    }
}

#[test]
fn labelled_pages_from_every_province() {
    let Some(records) = labelled() else {
        return;
    };
    let mut scores = Scores::default();
    for (label, page) in &records {
        let id = str_of(&label["id"]);
        let text = str_of(&page["text"]);
        let notice = govnotice::parse(text);
        let (starts, end) = labelled_body(id, label, text);
        let body = Span::new(starts.iter().copied().min().expect("a start"), end);
        scores.records += 1;
        scores
            .provinces
            .insert(str_of(&page["province"]).to_owned());
        score_issuer(&mut scores, id, label, &notice, body);
        score_published(&mut scores, id, label, &notice, body);
        score_credits(&mut scores, id, label, &notice);
        score_body(&mut scores, id, text, &notice, (&starts, end));
        score_divisions(&mut scores, id, label, &notice);
    }
    for miss in &scores.misses {
        println!("{miss}");
    }
    let s = &scores;
    println!(
        "{} labelled records from {} provinces",
        s.records,
        s.provinces.len()
    );
    println!(
        "issuer          {:.3} ({}/{})",
        s.issuer.share(),
        s.issuer.hits,
        s.issuer.expected
    );
    println!(
        "publish date    {:.3} ({}/{})",
        s.published.share(),
        s.published.hits,
        s.published.expected
    );
    println!(
        "credits F1      {:.3} ({} right, {} found, {} labelled)",
        s.credits.f1(),
        s.credits.hits,
        s.credits.found,
        s.credits.expected
    );
    println!(
        "body bounds     {:.3} (start {:.3}, end {:.3})",
        s.body.share(),
        s.body_start.share(),
        s.body_end.share()
    );
    println!(
        "counties F1     {:.3} ({} right, {} found, {} labelled)",
        s.counties.f1(),
        s.counties.hits,
        s.counties.found,
        s.counties.expected
    );
    println!(
        "towns found     {:.3} ({}/{})",
        s.towns.share(),
        s.towns.hits,
        s.towns.expected
    );
    println!("taken from the body: {:?}", s.from_body);

    let figures = [
        ("issuer", s.issuer.share(), ISSUER),
        ("publish date", s.published.share(), PUBLISHED),
        ("credits", s.credits.f1(), CREDITS),
        ("body bounds", s.body.share(), BODY),
        ("counties", s.counties.f1(), COUNTIES),
        ("towns", s.towns.share(), TOWNS),
    ];
    for (name, value, (target, floor)) in figures {
        let mark = if value >= target {
            "met"
        } else {
            "below target"
        };
        println!("{name}: {value:.3}, target {target}: {mark}");
        assert!(value >= floor, "{name}: {value:.3} fell below {floor}");
    }
    println!(
        "from the body: {}, target {}",
        s.from_body.len(),
        FROM_BODY.0
    );
    assert!(
        s.from_body.len() <= FROM_BODY.1,
        "more issuers or dates from the body"
    );
}
