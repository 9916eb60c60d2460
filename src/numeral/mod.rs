//! Numbers in text: Arabic, full-width, Chinese and mixed.
//!
//! [`scan`] finds every number in a text once, with its value and span, for the
//! date and metric parsers to share. It reads:
//!
//! - Arabic literals: `2,694`, `6.9`, `１２３`, `４，５６５`, `２．２`, `.5`,
//!   `-10.1`, `2e5`, `2^5`;
//! - Chinese numerals with place units (`三千五百`, `两万`, `一百零五`, `三万五`
//!   = 35000), financial and traditional forms (`壹佰`, `萬`, `億`, `兩`),
//!   digit-by-digit numerals (`二〇二一`, `零零三`), decimals with 点 (`四百点五`);
//! - mixtures: `1.1亿`, `3500万`, `5千`, `1万600`, `4.78万亿`;
//! - percentages and per-mille: `75%`, `75％`, `百分之三十`, `千分之五`, `5‰`;
//! - fractions: `三分之一`, `二十五分之一千零拾肆`, `3又一千分之23`;
//! - ranges: `5-8`, `5~8`, `5至8`, `三到五`, `五六`, `七八十`, `5-8万`.
//!
//! # Rules
//!
//! - **Approximations.** `余`/`多` after a number, and `几` in its last place
//!   (`十几`, `二十几万`), give the stated figure with [`Approx::MoreThan`]
//!   (`十余` → 10). `几`/`数` before a unit give the unit with
//!   [`Approx::Several`] (`数十` → 10, `几百万` → 1000000). `来` after a unit
//!   gives [`Approx::About`] (`十来` → 10). `上` before a magnitude gives
//!   [`Approx::AtLeast`] (`上百` → 100). Qualifier words around a number
//!   (`近`, `超`, `约`, `以上`, `左右`) are not part of it: the metric parser reads them.
//! - **Bare magnitudes.** `百`, `千`, `万`, `亿` alone are a number only after
//!   a qualifier (`近千家`, `超万人`) or with more numeral (`百亿`, `千亿`,
//!   `百余`); otherwise they are part of a word (`百姓`, `千方百计`). `十` alone
//!   is 10. `万万` without a coefficient is an adverb, not 10^8; `四万万` is 4亿.
//!   `兆` only counts with more numeral after it (`50兆瓦` is megawatts).
//! - **Ranges** are one token with [`Number::value_max`] when two numbers are
//!   joined by `-`, `~`, `至`, `到` (or written as adjacent digits, `五六`) and
//!   the upper bound is at least the lower. A unit after the upper bound also
//!   scales the lower one when that keeps the order (`5-8万` → 50000–80000).
//!   Three or more numbers joined this way (`2021-10-24`) stay plain numbers, and
//!   a number with a leading zero (`021-…`) never starts or ends a range.
//!   `十四五` is the Five-Year Plan, not "fourteen or fifteen".
//! - **Exactness.** Values are computed exactly. A number whose integer part is
//!   above 2^53, or that has more than 20 fraction digits or more than 40 digits
//!   in all, yields no token rather than a rounded or wrapped value; nothing
//!   yields infinity or NaN.
//! - **Words.** A numeral character inside a common word (`四川`, `大陆`,
//!   `陆续`, `统一`, `一切`, `十分`) is not a number; a lone `两` or `半` before
//!   another word (`两岸`, `半岛`) is not either.
//!
//! # Cost
//!
//! One pass over the text; each character is examined a bounded number of
//! times, and the only allocations are per token.

mod decimal;
mod grammar;
mod lexicon;
mod literal;
mod opening;
mod range;
mod steps;
mod text;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::span::Span;
use grammar::{read_quantity, Quantity};
use lexicon::{
    arabic_digit, is_arabic_point, is_chinese_minus, is_half_measure, is_magnitude_qualifier,
    sign_symbol, MAX_GAP_SPACES,
};
use opening::{inside_non_numeral_word, may_start, next_opener, sign_allowed};
use range::join_ranges;
use text::{char_at, char_before};

/// One number found in a text.
#[cfg_attr(
    feature = "python",
    pyo3::pyclass(get_all, frozen, module = "govnotice", skip_from_py_object)
)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Number {
    /// The number as written: exactly the text under [`Number::span`].
    pub text: String,
    /// Where it is, in bytes of the scanned text.
    pub span: Span,
    /// Its value; the lower bound of a range. Percent and per-mille values stay
    /// in their unit (`75%` → 75); a fraction is its quotient (`三分之一` → 0.333…).
    pub value: f64,
    /// The upper bound of a range (`5-8` → 8, `七八十` → 80).
    pub value_max: Option<f64>,
    /// How the numeral itself hedges the value (`十余`, `数十`).
    pub approx: Option<Approx>,
    /// Plain number, percentage, per-mille or fraction.
    pub kind: NumberKind,
    /// Which numerals it is written in.
    pub script: Script,
    /// How many digits the integer part has when the number is written digit
    /// by digit (`2021` and `二〇二一` → 4, `021` → 3); 0 when it is written with
    /// place units (`三千五百`, `3500万`). For a range, of the lower bound.
    pub digits: u32,
    /// How many digits are written after the decimal point (`6.90` → 2).
    pub decimals: u32,
    /// The integer part has more than one digit and starts with 0 (`021`,
    /// `零一`): a code or phone number rather than a quantity.
    pub leading_zero: bool,
}

/// How a numeral hedges its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// More than the value: `十余` (10), `300多`, `二十几万` (200000).
    MoreThan,
    /// Around the value: `十来个` (10).
    About,
    /// Several of the unit, which is the value: `数十` (10), `几百万` (1000000).
    Several,
    /// On the order of the value or more: `上百` (100), `上万` (10000).
    AtLeast,
}

impl Approx {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Approx::MoreThan => "more_than",
            Approx::About => "about",
            Approx::Several => "several",
            Approx::AtLeast => "at_least",
        }
    }
}

/// What a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A plain number.
    Plain,
    /// A percentage; the value is in percent (`75%`, `百分之三十` → 75, 30).
    Percent,
    /// Per mille; the value is in per mille (`千分之五`, `5‰` → 5).
    Permille,
    /// A fraction or mixed number; the value is the quotient (`三分之一`,
    /// `万分之三` → 0.0003, `3又一千分之23` → 3.023).
    Fraction,
}

impl NumberKind {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            NumberKind::Plain => "plain",
            NumberKind::Percent => "percent",
            NumberKind::Permille => "permille",
            NumberKind::Fraction => "fraction",
        }
    }
}

/// The numerals a number is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Arabic digits only, ASCII or full-width: `2021`, `１２３`, `75%`.
    Arabic,
    /// Chinese numerals only: `二〇二一`, `三千五百`, `百分之三十`.
    Chinese,
    /// Both: `3500万`, `1.1亿`, `百分之5`.
    Mixed,
}

impl Script {
    /// The name used in serialized output.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Script::Arabic => "arabic",
            Script::Chinese => "chinese",
            Script::Mixed => "mixed",
        }
    }
}

/// Finds every number in `text`, in order, without overlaps.
///
/// Never panics; every span lies on `char` boundaries and
/// `&text[number.span.range()] == number.text`.
///
/// ```
/// use govnotice::numeral::{scan, Approx, NumberKind};
///
/// let numbers = scan("入驻企业420余家，投资3500万元，增长5-8%");
/// assert_eq!(numbers.len(), 3);
/// assert_eq!(numbers[0].text, "420余");
/// assert_eq!(numbers[0].value, 420.0);
/// assert_eq!(numbers[0].approx, Some(Approx::MoreThan));
/// assert_eq!(numbers[1].value, 35_000_000.0);
/// assert_eq!((numbers[2].value, numbers[2].value_max), (5.0, Some(8.0)));
/// assert_eq!(numbers[2].kind, NumberKind::Percent);
/// ```
#[must_use]
pub fn scan(text: &str) -> Vec<Number> {
    readings(text)
        .into_iter()
        .map(|reading| reading.into_number(text))
        .collect()
}

/// Every number in `text` as [`scan`] finds it, without its text copied
/// out: the figures read their numbers here and take any text they need
/// from the span, which spares an allocation per number of a notice.
pub(crate) fn readings(text: &str) -> Vec<Reading> {
    let mut found = Vec::new();
    let mut pos = 0;
    // Most characters cannot open a number: one table lookup skips them
    // without the character tests `may_start` makes.
    while let Some((c, at)) = next_opener(text, pos) {
        pos = at;
        let next = pos + c.len_utf8();
        if may_start(text, pos, c) && !inside_non_numeral_word(text, pos, c) {
            match number_at(text, pos) {
                Ok(reading) => {
                    pos = reading.end.max(next);
                    found.push(reading);
                }
                Err(resume) => pos = resume.max(next),
            }
        } else {
            pos = next;
        }
    }
    join_ranges(text, found)
}

/// One number as it is read: a [`Number`] without its text, and with what
/// joining ranges needs to know of it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reading {
    start: usize,
    end: usize,
    pub(crate) value: f64,
    pub(crate) value_max: Option<f64>,
    pub(crate) approx: Option<Approx>,
    pub(crate) kind: NumberKind,
    pub(crate) script: Script,
    digits: u32,
    decimals: u32,
    leading_zero: bool,
    tail_exponents: (u32, u32),
    lone_coefficient: bool,
}

impl Reading {
    /// Where the number is written, in bytes of the scanned text.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    fn into_number(self, text: &str) -> Number {
        Number {
            text: text
                .get(self.start..self.end)
                .unwrap_or_default()
                .to_owned(),
            span: self.span(),
            value: self.value,
            value_max: self.value_max,
            approx: self.approx,
            kind: self.kind,
            script: self.script,
            digits: self.digits,
            decimals: self.decimals,
            leading_zero: self.leading_zero,
        }
    }
}

/// Whether `pos` follows a digit and a point, as the `10` in `2021.10.24`.
fn follows_dotted_digits(text: &str, pos: usize) -> bool {
    char_before(text, pos).is_some_and(is_arabic_point)
        && char_before(text, pos - 1).is_some_and(|c| arabic_digit(c).is_some())
}

/// An optional sign at `pos`: whether it is a minus, and where the rest starts.
fn read_sign(text: &str, pos: usize) -> (bool, usize) {
    match char_at(text, pos) {
        Some(c) if is_chinese_minus(c) => (true, pos + c.len_utf8()),
        Some(c) if sign_allowed(text, pos) => match sign_symbol(c) {
            Some(minus) => (minus, pos + c.len_utf8()),
            None => (false, pos),
        },
        _ => (false, pos),
    }
}

/// `百分之`, `千分之`, `万分之` at `pos`: the kind, the divisor of the value,
/// and where the number after it starts.
fn ratio_prefix(text: &str, pos: usize) -> Option<(NumberKind, f64, usize)> {
    let c = char_at(text, pos)?;
    let (kind, divisor) = match c {
        '百' | '佰' => (NumberKind::Percent, 1.0),
        '千' | '仟' => (NumberKind::Permille, 1.0),
        '万' | '萬' => (NumberKind::Fraction, 10_000.0),
        _ => return None,
    };
    let rest = text.get(pos + c.len_utf8()..)?;
    rest.starts_with("分之")
        .then(|| (kind, divisor, pos + c.len_utf8() + "分之".len()))
}

/// Skips up to [`MAX_GAP_SPACES`] spaces.
fn skip_gap(text: &str, mut pos: usize) -> usize {
    let limit = pos + MAX_GAP_SPACES;
    while pos < limit && char_at(text, pos) == Some(' ') {
        pos += 1;
    }
    pos
}

/// `分之` with optional spaces (`二分 之一`): where the numerator starts.
fn fraction_mark(text: &str, pos: usize) -> Option<usize> {
    let pos = skip_gap(text, pos);
    let rest = text.get(pos..)?;
    let after_fen = pos + rest.strip_prefix('分').map(|_| '分'.len_utf8())?;
    let after_gap = skip_gap(text, after_fen);
    text.get(after_gap..)?
        .starts_with('之')
        .then(|| skip_gap(text, after_gap + '之'.len_utf8()))
}

/// A signed quantity at `pos`: its value (negative when signed) and end.
fn signed_quantity(text: &str, pos: usize) -> Option<(Quantity, f64)> {
    let (negative, start) = read_sign(text, pos);
    let quantity = read_quantity(text, start, false).ok()?;
    if quantity.pair || quantity.approx.is_some() {
        return None;
    }
    let value = quantity.value.to_f64();
    Some((quantity, if negative { -value } else { value }))
}

/// After a denominator: `分之` and a numerator; the quotient and its end.
fn fraction_after(text: &str, denominator: f64, pos: usize) -> Option<(f64, usize, Quantity)> {
    let numerator_start = fraction_mark(text, pos)?;
    let (numerator, value) = signed_quantity(text, numerator_start)?;
    if denominator == 0.0 {
        return None;
    }
    Some((value / denominator, numerator.end, numerator))
}

fn script_of(arabic: bool, chinese: bool) -> Script {
    match (arabic, chinese) {
        (true, true) => Script::Mixed,
        (true, false) => Script::Arabic,
        _ => Script::Chinese,
    }
}

/// The number starting at `start`, or where to resume when there is none.
fn number_at(text: &str, start: usize) -> Result<Reading, usize> {
    let first_len = char_at(text, start).map_or(1, char::len_utf8);
    let (negative, pos) = read_sign(text, start);
    let sign = if negative { -1.0 } else { 1.0 };
    let signed_chinese = pos > start && is_chinese_minus(char_at(text, start).unwrap_or(' '));

    if let Some((kind, divisor, inner)) = ratio_prefix(text, pos) {
        if let Some((quantity, value)) = signed_quantity(text, inner) {
            return Ok(Reading {
                start,
                end: quantity.end,
                value: sign * value / divisor,
                value_max: None,
                approx: None,
                kind,
                script: script_of(quantity.arabic, true),
                digits: quantity.digits,
                decimals: quantity.decimals,
                leading_zero: false,
                tail_exponents: (0, 0),
                lone_coefficient: false,
            });
        }
    }

    if char_at(text, pos) == Some('半') && !negative {
        return half_at(text, pos);
    }

    let quantity =
        read_quantity(text, pos, false).map_err(|resume| resume.max(start + first_len))?;
    if quantity.bare && !char_before(text, start).is_some_and(is_magnitude_qualifier) {
        return Err(quantity.end);
    }

    let mut value = sign * quantity.value.to_f64();
    let mut value_max = None;
    if quantity.pair {
        if let Ok(upper) = read_quantity(text, pos, true) {
            let other = sign * upper.value.to_f64();
            // 负五六 runs from -6 to -5.
            value_max = Some(other.max(value));
            value = other.min(value);
        }
    }
    let mut reading = Reading {
        start,
        end: quantity.end,
        value,
        value_max,
        approx: quantity.approx,
        kind: NumberKind::Plain,
        script: script_of(quantity.arabic, quantity.chinese || signed_chinese),
        digits: quantity.digits,
        decimals: quantity.decimals,
        leading_zero: quantity.leading_zero,
        tail_exponents: quantity.tail_exponents,
        lone_coefficient: quantity.lone_coefficient && !negative,
    };
    match char_at(text, quantity.end) {
        Some('%' | '％') => {
            reading.kind = NumberKind::Percent;
            reading.end += char_at(text, quantity.end).map_or(0, char::len_utf8);
            return Ok(reading);
        }
        Some('‰') => {
            reading.kind = NumberKind::Permille;
            reading.end += '‰'.len_utf8();
            return Ok(reading);
        }
        _ => {}
    }
    let plain_integer = value_max.is_none()
        && quantity.approx.is_none()
        && !quantity.scientific
        && quantity.value.is_integer();
    if !plain_integer {
        return Ok(reading);
    }
    if let Some((quotient, end, numerator)) = fraction_after(text, value, quantity.end) {
        reading.kind = NumberKind::Fraction;
        // Both signs are in: 负３分之负一百五十七 is positive.
        reading.value = quotient;
        reading.end = end;
        reading.script = script_of(
            quantity.arabic || numerator.arabic,
            quantity.chinese || numerator.chinese,
        );
        reading.lone_coefficient = false;
        reading.digits = 0;
        reading.leading_zero = false;
        return Ok(reading);
    }
    // 三百五又三分之一: a whole number and a fraction.
    let after_gap = skip_gap(text, quantity.end);
    if char_at(text, after_gap) == Some('又') {
        let denominator_start = skip_gap(text, after_gap + '又'.len_utf8());
        if let Ok(denominator) = read_quantity(text, denominator_start, false) {
            let plain = !denominator.pair && denominator.approx.is_none();
            if let Some((quotient, end, _)) = plain
                .then(|| fraction_after(text, denominator.value.to_f64(), denominator.end))
                .flatten()
            {
                value = sign * (quantity.value.to_f64() + quotient);
                reading.value = value;
                reading.kind = NumberKind::Fraction;
                reading.end = end;
                reading.script = Script::Chinese;
                if quantity.arabic || denominator.arabic {
                    reading.script = Script::Mixed;
                }
                reading.lone_coefficient = false;
                reading.digits = 0;
            }
        }
    }
    Ok(reading)
}

/// `半百` is 50; `半` before a measure word is one half.
fn half_at(text: &str, pos: usize) -> Result<Reading, usize> {
    let after = pos + '半'.len_utf8();
    let next = char_at(text, after);
    let (value, end) = match next {
        Some('百') => (50.0, after + '百'.len_utf8()),
        Some(c) if is_half_measure(c) => (0.5, after),
        _ => return Err(after),
    };
    Ok(Reading {
        start: pos,
        end,
        value,
        value_max: None,
        approx: None,
        kind: NumberKind::Plain,
        script: Script::Chinese,
        digits: 0,
        decimals: 0,
        leading_zero: false,
        tail_exponents: (0, 0),
        lone_coefficient: false,
    })
}
