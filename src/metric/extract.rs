//! Reading one figure around each number.

use std::borrow::Cow;

use crate::numeral::{Approx, NumberKind, Reading, Script};
use crate::span::Span;

use super::context::{clause_around, TextContext};
use super::lexicon::{Cue, HedgePosition, Lexicon, Unit, LEXICON};
use super::subject::{change, subject};
use super::{Metric, Qualifier};

/// How many whitespace characters may stand between a number and its unit.
/// Scraped pages break lines inside figures (`最高100\n\n万元`); more than a
/// few blank characters means the unit belongs to something else.
const MAX_GAP_CHARS: usize = 6;

/// Figures whose value in years falls in this range are calendar years the
/// date parser did not claim (`2021-2025年` would read as 2,021 years): no
/// duration is that long.
const CALENDAR_YEARS: std::ops::RangeInclusive<f64> = 1900.0..=2100.0;

/// Reads the figures among `numbers`, skipping any number inside a `claimed`
/// span (sorted by start; the date parser's).
pub(crate) fn extract(text: &str, numbers: &[Reading], claimed: &[Span]) -> Vec<Metric> {
    let lexicon = &*LEXICON;
    let context = TextContext::of(text, numbers, lexicon);
    let mut metrics: Vec<Metric> = Vec::new();
    for number in numbers {
        // A figure can take in the numbers after it (`5元3角`).
        let consumed = metrics.last().map_or(0, |m| m.span.end);
        if number.span().start < consumed
            || overlaps_any(claimed, number.span())
            || context.is_excluded(number.span())
        {
            continue;
        }
        if let Some(metric) = read_figure(text, number, consumed, &context, lexicon) {
            match metrics.last_mut() {
                Some(previous) if joins_as_range(text, previous, &metric) => {
                    previous.value_max = Some(metric.value);
                    previous.qualifier = Qualifier::Range;
                    previous.span = Span::new(previous.span.start, metric.span.end);
                    previous.text = text[previous.span.range()].to_owned();
                    previous.unit_text = metric.unit_text;
                }
                _ => metrics.push(metric),
            }
        }
    }
    metrics
}

/// Whether `span` overlaps a span of `sorted` (sorted by start, not
/// overlapping one another).
fn overlaps_any(sorted: &[Span], span: Span) -> bool {
    let after = sorted.partition_point(|other| other.start < span.end);
    after > 0 && sorted[after - 1].end > span.start
}

/// `1万元--5万元`: two exact figures of one unit with a range mark between.
fn joins_as_range(text: &str, lower: &Metric, upper: &Metric) -> bool {
    let between = &text[lower.span.end..upper.span.start];
    lower.unit == upper.unit
        && lower.qualifier == Qualifier::Exact
        && upper.qualifier == Qualifier::Exact
        && lower.value <= upper.value
        && matches!(
            between,
            "-" | "--" | "—" | "——" | "~" | "～" | "至" | "到" | "－"
        )
}

/// The unit a number carries, as read from the text.
struct ReadUnit<'a> {
    canonical: &'static str,
    quantity: &'static str,
    factor: f64,
    text: &'a str,
    /// Where the figure ends: after the unit and any sub-units (`5元3角`).
    end: usize,
    /// Added to the value in the canonical unit: `3角` after `5元`, `半`.
    extra: f64,
}

fn read_figure(
    text: &str,
    number: &Reading,
    consumed: usize,
    context: &TextContext,
    lexicon: &Lexicon,
) -> Option<Metric> {
    let before = &text[..number.span().start];
    if before.trim_end().ends_with('第')
        || before.ends_with(|c: char| c.is_ascii_alphabetic() && c != '$')
    {
        return None;
    }
    let prefix =
        currency_prefix(text, number.span().start, lexicon).filter(|(start, _)| *start >= consumed);
    let unit = read_unit(text, number, prefix.map(|(_, unit)| unit), context, lexicon)?;
    if is_article(text, number, unit.quantity)
        || is_calendar_year(number, unit.canonical)
        || beyond_whole_in_tenths(number, unit.text)
    {
        return None;
    }
    let start = prefix.map_or(number.span().start, |(start, _)| start);

    let mut qualifier = approx_qualifier(number);
    let mut figure_start = start;
    if let Some((word, hedge)) = lexicon.hedge_at(text, start, HedgePosition::Before) {
        if start - word.len() >= consumed {
            figure_start = start - word.len();
            qualifier = Some(hedge);
        }
    }
    let mut figure_end = unit.end;
    let mut order_of_magnitude = false;
    if text[figure_end..].starts_with('级') {
        // 百亿级: of the order of ten billion.
        figure_end += '级'.len_utf8();
        order_of_magnitude = true;
    }
    let inclusive = ["（含）", "(含)"]
        .iter()
        .find(|mark| text[figure_end..].starts_with(*mark));
    let after_hedge_at = figure_end + inclusive.map_or(0, |mark| mark.len());
    if let Some((word, hedge)) = lexicon.hedge_at(text, after_hedge_at, HedgePosition::After) {
        figure_end = after_hedge_at + word.len();
        let hedge = match (inclusive, hedge) {
            (Some(_), Qualifier::MoreThan) => Qualifier::AtLeast,
            (_, hedge) => hedge,
        };
        // A hedge before the number speaks first: 超5000人以上 is one more-than.
        qualifier = qualifier.or(Some(hedge));
    }
    let qualifier = qualifier.or_else(|| distant_hedge(text, figure_start, lexicon));
    let qualifier = if number.value_max.is_some() {
        Qualifier::Range
    } else if order_of_magnitude {
        Qualifier::About
    } else {
        qualifier.unwrap_or(Qualifier::Exact)
    };

    let value = number.value * unit.factor + unit.extra;
    let value_max = number.value_max.map(|max| max * unit.factor + unit.extra);
    if !value.is_finite() || value_max.is_some_and(|max| !max.is_finite()) {
        return None;
    }
    let figure = Span::new(figure_start, figure_end);
    let (change, basis) = change(text, figure_start, lexicon);
    Some(Metric {
        text: text[figure.range()].to_owned(),
        span: figure,
        value,
        value_max,
        unit: Cow::Borrowed(unit.canonical),
        unit_text: unit.text.to_owned(),
        quantity: Cow::Borrowed(unit.quantity),
        qualifier,
        subject: subject(text, figure, unit.quantity, lexicon),
        date: None,
        district_code: None,
        change,
        basis,
    })
}

/// A currency written before the number (`人民币 50元`, `$20`): where it
/// starts, and its unit row.
fn currency_prefix<'a>(
    text: &str,
    number_start: usize,
    lexicon: &'a Lexicon,
) -> Option<(usize, &'a Unit)> {
    let end = text[..number_start]
        .trim_end_matches([' ', '\u{3000}'])
        .len();
    let (word, _) = lexicon.cue_ending_at(text, end, &[Cue::CurrencyPrefix])?;
    Some((end - word.len(), lexicon.unit_named(word)?))
}

/// The unit after `number`, or the one its kind implies (`75%`), or the
/// currency before it (`$20`), or yuan for a scaled amount in a clause about
/// money (`经济规模超千亿`).
fn read_unit<'a>(
    text: &'a str,
    number: &Reading,
    prefix: Option<&'a Unit>,
    context: &TextContext,
    lexicon: &'a Lexicon,
) -> Option<ReadUnit<'a>> {
    let end = number.span().end;
    let numeral = &text[number.span().range()];
    let implied = |canonical: &'static str, text: &'a str, end: usize| ReadUnit {
        canonical,
        quantity: canonical,
        factor: 1.0,
        text,
        end,
        extra: 0.0,
    };
    match number.kind {
        NumberKind::Percent => {
            let written = if numeral.ends_with(['%', '％']) {
                "%"
            } else {
                "百分之"
            };
            return Some(implied("percent", written, end));
        }
        NumberKind::Permille => {
            let written = if numeral.ends_with('‰') {
                "‰"
            } else {
                "千分之"
            };
            return Some(implied("permille", written, end));
        }
        NumberKind::Plain | NumberKind::Fraction => {}
    }
    if let Some(unit) = unit_after(text, end, lexicon) {
        return Some(match prefix {
            // 港币两千九百六十元: the prefix names the currency, 元 the amount.
            Some(currency) if unit.canonical == "CNY" && currency.canonical != "CNY" => ReadUnit {
                canonical: currency.canonical,
                ..unit
            },
            _ => unit,
        });
    }
    if text[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    if let Some(currency) = prefix {
        return Some(ReadUnit {
            canonical: currency.canonical,
            quantity: currency.quantity,
            factor: currency.factor,
            text: "",
            end,
            extra: 0.0,
        });
    }
    let scaled = numeral.ends_with(['万', '亿', '萬', '億']);
    let magnitude = text[end..].starts_with('级');
    (scaled && (magnitude || context.clause_is_about_money(clause_around(text, number.span()))))
        .then(|| ReadUnit {
            quantity: "money",
            ..implied("CNY", "", end)
        })
}

/// The unit written after a number that ends at `end`, with what follows it:
/// sub-units (`5元3角`, `两美元又三美分`), a half (`一吨半`), a currency after a
/// plain 元 (`三万元欧元`), a currency after 个 (`20个比特币`).
fn unit_after<'a>(text: &'a str, end: usize, lexicon: &'a Lexicon) -> Option<ReadUnit<'a>> {
    let unit_start = skip_gap(text, end);
    let (len, unit) = lexicon.unit_at(text, unit_start)?;
    let mut unit_end = unit_start + len;
    let surface = &text[unit_start..unit_end];
    if surface.is_ascii() && text[unit_end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let mut read = ReadUnit {
        canonical: unit.canonical,
        quantity: unit.quantity,
        factor: unit.factor,
        text: surface,
        end: unit_end,
        extra: 0.0,
    };
    let retyped = lexicon.unit_at(text, unit_end).filter(|(_, next)| {
        next.quantity == "money"
            && (surface == "个" || (surface == "元" && next.canonical != "CNY"))
    });
    if let Some((len, next)) = retyped {
        unit_end += len;
        read = ReadUnit {
            canonical: next.canonical,
            quantity: next.quantity,
            factor: next.factor,
            text: &text[unit_start..unit_end],
            end: unit_end,
            extra: 0.0,
        };
    }
    let (extra, extra_end) = sub_units(text, unit_end, read.canonical, surface);
    read.extra = extra;
    read.end = extra_end;
    Some(read)
}

/// Smaller units written after a figure's unit, as a value in the canonical
/// unit and the offset where they end: `3角` and `1分` after 元 or 块,
/// `又三美分` after 美元, `半` after any unit (`两米半`).
fn sub_units(text: &str, mut at: usize, canonical: &str, surface: &str) -> (f64, usize) {
    if text[at..].starts_with('半') {
        return (0.5 * factor_of_surface(surface), at + '半'.len_utf8());
    }
    let mut extra = 0.0;
    let subunits: &[(&str, f64)] = match (canonical, surface) {
        ("CNY", "元" | "块" | "圆") => &[("角", 0.1), ("毛", 0.1), ("分", 0.01)],
        ("USD", "美元") => &[("美分", 0.01)],
        _ => return (0.0, at),
    };
    if canonical == "USD" {
        at += text[at..].strip_prefix('又').map_or(0, |_| '又'.len_utf8());
    }
    for (name, worth) in subunits {
        let Some((digit, digit_len)) = single_digit(&text[at..]) else {
            break;
        };
        let Some(rest) = text[at + digit_len..].strip_prefix(name) else {
            continue;
        };
        if rest.starts_with('钟') {
            break;
        }
        extra += f64::from(digit) * worth;
        at = text.len() - rest.len();
    }
    if extra > 0.0 && canonical == "CNY" {
        at += text[at..].strip_prefix('钱').map_or(0, |_| '钱'.len_utf8());
    }
    (extra, at)
}

/// Factor of a unit as written, for `半`: half of one such unit.
fn factor_of_surface(surface: &str) -> f64 {
    LEXICON.unit_named(surface).map_or(1.0, |unit| unit.factor)
}

/// A digit written alone at the start of `text`: its value and length.
fn single_digit(text: &str) -> Option<(u32, usize)> {
    let c = text.chars().next()?;
    let value = match c {
        '0'..='9' => c.to_digit(10)?,
        '０'..='９' => c as u32 - '０' as u32,
        '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    };
    Some((value, c.len_utf8()))
}

/// The offset of the first character after `at` that is not blank, if it is
/// close enough to belong to the number; else `at`.
fn skip_gap(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .take(MAX_GAP_CHARS + 1)
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(at, |(offset, _)| at + offset)
}

/// `一` written alone before a classifier is an article (`一个缩影`, `一家人`),
/// not a count.
fn is_article(text: &str, number: &Reading, quantity: &str) -> bool {
    number.script == Script::Chinese
        && matches!(&text[number.span().range()], "一" | "壹")
        && matches!(
            quantity,
            "count" | "people" | "visits" | "households" | "duration"
        )
}

/// A number of years that can only be a calendar year.
/// `成` counts tenths of a whole (`三成`, `增长两成`): more than ten of them is
/// no proportion but a number before a word that opens with 成 (`2020成为`,
/// `3000成交`).
fn beyond_whole_in_tenths(number: &Reading, unit_text: &str) -> bool {
    unit_text == "成" && number.value_max.unwrap_or(number.value) > 10.0
}

fn is_calendar_year(number: &Reading, canonical_unit: &str) -> bool {
    canonical_unit == "year"
        && number.value.fract() == 0.0
        && CALENDAR_YEARS.contains(&number.value)
}

/// A hedge that stands before the verb of the figure's clause rather than
/// before the number: `约占总企业数的75%`, `约为去年的两倍`.
fn distant_hedge(text: &str, figure_start: usize, lexicon: &Lexicon) -> Option<Qualifier> {
    let clause = clause_around(text, Span::new(figure_start, figure_start));
    text[clause.start..figure_start]
        .char_indices()
        .filter(|&(_, c)| matches!(c, '占' | '为' | '有' | '达'))
        .find_map(|(offset, _)| {
            lexicon.hedge_at(text, clause.start + offset, HedgePosition::Before)
        })
        .map(|(_, qualifier)| qualifier)
}

/// The hedge the numeral itself carries (`420余`, `几十`).
fn approx_qualifier(number: &Reading) -> Option<Qualifier> {
    number.approx.map(|approx| match approx {
        Approx::MoreThan => Qualifier::MoreThan,
        Approx::AtLeast => Qualifier::AtLeast,
        Approx::About | Approx::Several => Qualifier::About,
    })
}
