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
mod steps;
mod text;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::span::Span;
use grammar::{read_quantity, Quantity};
use lexicon::{
    arabic_digit, chinese_digit, compound_tens, is_arabic_point, is_chinese_minus, is_half_measure,
    is_magnitude_qualifier, is_range_separator, sign_symbol, unit_exponent, MAX_GAP_SPACES,
    NON_NUMERAL_WORDS,
};
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
    let mut found = Vec::new();
    let mut pos = 0;
    // Most characters cannot open a number: one table lookup skips them
    // without the character tests `may_start` makes.
    while let Some((c, at)) = text.get(pos..).and_then(|rest| {
        rest.char_indices()
            .find(|&(_, c)| may_open(c))
            .map(|(offset, c)| (c, pos + offset))
    }) {
        pos = at;
        let next = pos + c.len_utf8();
        if may_start(text, pos, c) && !inside_non_numeral_word(text, pos, c) {
            match number_at(text, pos) {
                Ok(token) => {
                    pos = token.end.max(next);
                    found.push(token);
                }
                Err(resume) => pos = resume.max(next),
            }
        } else {
            pos = next;
        }
    }
    join_ranges(text, found)
        .into_iter()
        .map(|token| token.into_number(text))
        .collect()
}

/// A number before ranges are joined.
#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    value: f64,
    value_max: Option<f64>,
    approx: Option<Approx>,
    kind: NumberKind,
    script: Script,
    digits: u32,
    decimals: u32,
    leading_zero: bool,
    tail_exponents: (u32, u32),
    lone_coefficient: bool,
}

impl Token {
    fn into_number(self, text: &str) -> Number {
        Number {
            text: text
                .get(self.start..self.end)
                .unwrap_or_default()
                .to_owned(),
            span: Span::new(self.start, self.end),
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

/// The characters `may_start` can accept, one bit per code point of the
/// Basic Multilingual Plane (8 KiB, computed at compile time), so the scan
/// tests each character of the text with one load instead of a chain of
/// `match`es. Built from the same character tests as `may_start`, so the two
/// cannot disagree.
static OPENERS: [u64; OPENER_TABLE_CHARS / 64] = opener_table();

/// Code points below this are in [`OPENERS`]; the few characters above it
/// (outside the Basic Multilingual Plane) go through `could_open` itself.
const OPENER_TABLE_CHARS: usize = 0x1_0000;

const fn opener_table() -> [u64; OPENER_TABLE_CHARS / 64] {
    let mut bits = [0u64; OPENER_TABLE_CHARS / 64];
    let mut code = 0;
    while code < OPENER_TABLE_CHARS {
        if let Some(c) = char::from_u32(code as u32) {
            if could_open(c) {
                bits[code / 64] |= 1 << (code % 64);
            }
        }
        code += 1;
    }
    bits
}

/// Whether `c` may open a number: [`OPENERS`] for the Basic Multilingual
/// Plane.
fn may_open(c: char) -> bool {
    let code = c as usize;
    match OPENERS.get(code / 64) {
        Some(word) => word & (1 << (code % 64)) != 0,
        None => could_open(c),
    }
}

/// Whether `c` passes the character tests of `may_start`, whatever its
/// neighbours.
const fn could_open(c: char) -> bool {
    opens_alone(c) || is_arabic_point(c) || sign_symbol(c).is_some()
}

/// Characters that may open a number wherever they stand.
const fn opens_alone(c: char) -> bool {
    arabic_digit(c).is_some()
        || chinese_digit(c).is_some()
        || unit_exponent(c).is_some()
        || compound_tens(c).is_some()
        || is_chinese_minus(c)
        || matches!(c, '几' | '幾' | '数' | '數' | '上' | '半')
}

/// Cheap test before trying a number at `pos`.
fn may_start(text: &str, pos: usize, c: char) -> bool {
    let next = pos + c.len_utf8();
    if opens_alone(c) {
        return true;
    }
    let digit_follows = |at: usize| char_at(text, at).is_some_and(|d| arabic_digit(d).is_some());
    if is_arabic_point(c) {
        return digit_follows(next) && !char_before(text, pos).is_some_and(is_number_char);
    }
    sign_symbol(c).is_some() && sign_allowed(text, pos) && {
        let after = char_at(text, next);
        digit_follows(next) || after.is_some_and(is_arabic_point) && digit_follows(next + 1)
    }
}

/// A `-` right after a number, a letter or a closing mark joins or hyphenates
/// (`5-8`, `COVID-19`), and one after another sign is a dash (`－－9`);
/// elsewhere it is a minus sign.
fn sign_allowed(text: &str, pos: usize) -> bool {
    !char_before(text, pos).is_some_and(|prev| {
        is_number_char(prev)
            || prev.is_ascii_alphanumeric()
            || matches!(prev, '%' | '％' | '‰' | ')' | '）' | ']' | '】')
            || sign_symbol(prev).is_some()
    })
}

fn is_number_char(c: char) -> bool {
    arabic_digit(c).is_some()
        || is_arabic_point(c)
        || chinese_digit(c).is_some()
        || unit_exponent(c).is_some()
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
fn number_at(text: &str, start: usize) -> Result<Token, usize> {
    let first_len = char_at(text, start).map_or(1, char::len_utf8);
    let (negative, pos) = read_sign(text, start);
    let sign = if negative { -1.0 } else { 1.0 };
    let signed_chinese = pos > start && is_chinese_minus(char_at(text, start).unwrap_or(' '));

    if let Some((kind, divisor, inner)) = ratio_prefix(text, pos) {
        if let Some((quantity, value)) = signed_quantity(text, inner) {
            return Ok(Token {
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
    let mut token = Token {
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
            token.kind = NumberKind::Percent;
            token.end += char_at(text, quantity.end).map_or(0, char::len_utf8);
            return Ok(token);
        }
        Some('‰') => {
            token.kind = NumberKind::Permille;
            token.end += '‰'.len_utf8();
            return Ok(token);
        }
        _ => {}
    }
    let plain_integer = value_max.is_none()
        && quantity.approx.is_none()
        && !quantity.scientific
        && quantity.value.is_integer();
    if !plain_integer {
        return Ok(token);
    }
    if let Some((quotient, end, numerator)) = fraction_after(text, value, quantity.end) {
        token.kind = NumberKind::Fraction;
        // Both signs are in: 负３分之负一百五十七 is positive.
        token.value = quotient;
        token.end = end;
        token.script = script_of(
            quantity.arabic || numerator.arabic,
            quantity.chinese || numerator.chinese,
        );
        token.lone_coefficient = false;
        token.digits = 0;
        token.leading_zero = false;
        return Ok(token);
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
                token.value = value;
                token.kind = NumberKind::Fraction;
                token.end = end;
                token.script = Script::Chinese;
                if quantity.arabic || denominator.arabic {
                    token.script = Script::Mixed;
                }
                token.lone_coefficient = false;
                token.digits = 0;
            }
        }
    }
    Ok(token)
}

/// `半百` is 50; `半` before a measure word is one half.
fn half_at(text: &str, pos: usize) -> Result<Token, usize> {
    let after = pos + '半'.len_utf8();
    let next = char_at(text, after);
    let (value, end) = match next {
        Some('百') => (50.0, after + '百'.len_utf8()),
        Some(c) if is_half_measure(c) => (0.5, after),
        _ => return Err(after),
    };
    Ok(Token {
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

/// The non-numeral words by character: for each character, the words holding
/// it and its byte offset in each. Built once, so a check compares only the
/// few words that contain the character instead of searching all of them (the
/// search was still 6% of a whole-notice parse, profiled).
static NON_NUMERAL_BY_CHAR: LazyLock<FxHashMap<char, Vec<(&'static str, usize)>>> =
    LazyLock::new(|| {
        let mut by_char: FxHashMap<char, Vec<(&'static str, usize)>> = FxHashMap::default();
        for &word in NON_NUMERAL_WORDS {
            for (offset, ch) in word.char_indices() {
                by_char.entry(ch).or_default().push((word, offset));
            }
        }
        by_char
    });

/// Whether the character `c` at `start` lies inside a word such as `四川` or
/// `统一`; no number starts at such a character.
fn inside_non_numeral_word(text: &str, start: usize, c: char) -> bool {
    NON_NUMERAL_BY_CHAR.get(&c).is_some_and(|words| {
        words.iter().any(|&(word, offset)| {
            start
                .checked_sub(offset)
                .and_then(|word_start| text.get(word_start..))
                .is_some_and(|rest| rest.starts_with(word))
        })
    })
}

/// Joins `a-b` pairs into ranges; chains of three or more stay apart.
fn join_ranges(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let mut joined = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let mut last = i;
        while last + 1 < tokens.len() && separated(text, &tokens[last], &tokens[last + 1]) {
            last += 1;
        }
        if last == i + 1 {
            if let Some(range) = range_of(&tokens[i], &tokens[last]) {
                joined.push(range);
                i = last + 1;
                continue;
            }
        }
        joined.extend_from_slice(&tokens[i..=last]);
        i = last + 1;
    }
    joined
}

/// A range separator between the two: one character (`-`, `至`), a doubled
/// dash (`--`, `——`), optionally after an inclusive mark (`1万(含)-5万`).
fn separated(text: &str, lower: &Token, upper: &Token) -> bool {
    let between = text.get(lower.end..upper.start).unwrap_or_default();
    let between = ["(含)", "（含）"]
        .iter()
        .find_map(|mark| between.strip_prefix(mark))
        .unwrap_or(between);
    let mut chars = between.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(c), None, _) => is_range_separator(c),
        (Some(a), Some(b), None) => a == b && matches!(a, '-' | '—' | '－' | '~' | '～'),
        _ => false,
    }
}

fn range_of(lower: &Token, upper: &Token) -> Option<Token> {
    let hedged = |t: &Token| t.value_max.is_some() || t.approx.is_some() || t.leading_zero;
    if hedged(lower) || hedged(upper) {
        return None;
    }
    let kind = match (lower.kind, upper.kind) {
        (a, b) if a == b && a != NumberKind::Fraction => a,
        (NumberKind::Plain, NumberKind::Percent | NumberKind::Permille) => upper.kind,
        _ => return None,
    };
    let mut low = lower.value;
    if lower.kind == NumberKind::Plain && lower.tail_exponents.1 == 0 {
        // 5-8万, 十八至三十万, 七千到九千亿: the upper bound's trailing 万 or
        // 亿 applies to both ends when that keeps them in order. A lone digit
        // takes any trailing unit (5-8千), a longer number only 万 and up.
        let (all, large) = upper.tail_exponents;
        let candidates = if lower.lone_coefficient {
            [all, large]
        } else {
            [large, large]
        };
        for exponent in candidates {
            let scaled = low * 10f64.powi(exponent as i32);
            if exponent > 0 && scaled <= upper.value {
                low = scaled;
                break;
            }
        }
    }
    if upper.value < low {
        return None;
    }
    let script = if lower.script == upper.script {
        lower.script
    } else {
        Script::Mixed
    };
    Some(Token {
        end: upper.end,
        value: low,
        value_max: Some(upper.value),
        kind,
        script,
        tail_exponents: (0, 0),
        lone_coefficient: false,
        ..*lower
    })
}
