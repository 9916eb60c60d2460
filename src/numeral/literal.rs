//! Arabic literals: `2,694`, `6.9`, `１２３`, `.5`, `2e5`, `2^5`.

use super::decimal::{Decimal, MAX_FRACTION_DIGITS};
use super::lexicon::{arabic_digit, is_arabic_point, sign_symbol, MAX_WRITTEN_DIGITS};
use super::text::char_at;

/// Largest exponent written after `e` or `^` that is read. Any larger one
/// already overflows every value the scanner accepts (2^53 < 10^16), so the
/// literal is refused; the bound only stops the exponent itself from overflowing.
const MAX_EXPONENT_DIGITS: u32 = 3;

/// One Arabic literal.
#[derive(Clone, Copy, Debug)]
pub(super) struct Literal {
    /// Byte offset one past its last character.
    pub end: usize,
    pub value: Decimal,
    /// Digits before the decimal point.
    pub int_digits: u32,
    /// Digits after it.
    pub frac_digits: u32,
    /// More than one integer digit and the first is 0 (`021`).
    pub leading_zero: bool,
    /// Written with `e` or `^`: nothing may follow it.
    pub scientific: bool,
}

/// Reads the literal at `start`. `Err` holds where scanning resumes when the
/// digits are there but the literal is refused (too many digits, overflow).
/// With `allow_fraction` false, a decimal point ends the literal (used after
/// a place unit, and for the parts of a dotted sequence such as `2021.10.24`).
pub(super) fn read_literal(
    text: &str,
    start: usize,
    allow_fraction: bool,
) -> Result<Option<Literal>, usize> {
    let mut digits = DigitRun::default();
    let mut pos = digits.read_integer(text, start);
    if digits.count == 0 {
        // `.5`: a point directly followed by a digit.
        if !allow_fraction {
            return Ok(None);
        }
        let Some(c) = char_at(text, start) else {
            return Ok(None);
        };
        if !is_arabic_point(c) || !char_at(text, start + c.len_utf8()).is_some_and(is_digit) {
            return Ok(None);
        }
    }
    let int_digits = digits.count;
    let leading_zero = digits.first_is_zero && int_digits > 1 && !digits.grouped;

    let mut frac_digits = 0;
    if allow_fraction {
        if let Some(point) = char_at(text, pos).filter(|&c| is_arabic_point(c)) {
            let after_point = pos + point.len_utf8();
            let mut fraction = digits;
            let end = fraction.read_plain(text, after_point);
            let next_is_dotted = char_at(text, end).is_some_and(is_arabic_point)
                && char_at(text, end + 1).is_some_and(is_digit);
            // `2021.10.24` and `1.2.3` are dotted sequences, not decimals: the
            // literal stops before the first point and each part stands alone.
            if fraction.count > int_digits && !next_is_dotted {
                frac_digits = fraction.count - int_digits;
                digits = fraction;
                pos = end;
            }
        }
    }
    if digits.count > MAX_WRITTEN_DIGITS || frac_digits > MAX_FRACTION_DIGITS {
        return Err(pos);
    }
    let Some(mantissa) = digits.mantissa else {
        return Err(pos);
    };
    let mut literal = Literal {
        end: pos,
        value: Decimal::new(mantissa, frac_digits),
        int_digits,
        frac_digits,
        leading_zero,
        scientific: false,
    };
    match char_at(text, pos) {
        Some('e' | 'E') => {
            if let Some((exponent, negative, end)) = read_exponent(text, pos + 1, false) {
                if char_at(text, end).is_some_and(|c| c.is_ascii_alphabetic()) {
                    return Ok(Some(literal));
                }
                let shifted = if negative {
                    literal.value.checked_shift_down(exponent)
                } else {
                    literal.value.checked_shift_up(exponent)
                };
                let Some(value) = shifted else {
                    return Err(end);
                };
                literal.value = value;
                literal.end = end;
                literal.scientific = true;
            }
        }
        Some('^') => {
            if let Some((exponent, negative, end)) = read_exponent(text, pos + 1, true) {
                let base = literal.value.to_f64();
                // Exponents are bounded by MAX_EXPONENT_DIGITS, so they fit i32.
                let signed = if negative {
                    -(exponent as i32)
                } else {
                    exponent as i32
                };
                let Some(value) = Decimal::from_f64(base.powi(signed)) else {
                    return Err(end);
                };
                literal.value = value;
                literal.end = end;
                literal.scientific = true;
            }
        }
        _ => {}
    }
    Ok(Some(literal))
}

/// An exponent after `e` (one optional sign) or `^` (signs multiply, as in
/// `-1.1^--23`): its size, whether it is negative, and where it ends.
fn read_exponent(text: &str, mut pos: usize, many_signs: bool) -> Option<(u32, bool, usize)> {
    let mut negative = false;
    let mut signs = 0;
    while let Some(is_minus) = char_at(text, pos).and_then(sign_symbol) {
        if signs == 1 && !many_signs {
            return None;
        }
        negative ^= is_minus;
        signs += 1;
        pos += char_at(text, pos).map_or(1, char::len_utf8);
    }
    let mut run = DigitRun::default();
    let end = run.read_plain(text, pos);
    if run.count == 0 || run.count > MAX_EXPONENT_DIGITS {
        return None;
    }
    let exponent = u32::try_from(run.mantissa?).ok()?;
    Some((exponent, negative, end))
}

fn is_digit(c: char) -> bool {
    arabic_digit(c).is_some()
}

/// Digits accumulated into one integer mantissa; `None` once it overflows.
#[derive(Clone, Copy, Debug)]
struct DigitRun {
    mantissa: Option<u128>,
    count: u32,
    first_is_zero: bool,
    last_full_width: bool,
    grouped: bool,
}

impl Default for DigitRun {
    fn default() -> DigitRun {
        DigitRun {
            mantissa: Some(0),
            count: 0,
            first_is_zero: false,
            last_full_width: false,
            grouped: false,
        }
    }
}

impl DigitRun {
    fn push(&mut self, value: u8, full_width: bool) {
        if self.count == 0 {
            self.first_is_zero = value == 0;
        }
        self.count = self.count.saturating_add(1);
        self.last_full_width = full_width;
        self.mantissa = self
            .mantissa
            .and_then(|m| m.checked_mul(10))
            .and_then(|m| m.checked_add(u128::from(value)));
    }

    /// Digits only; returns the end.
    fn read_plain(&mut self, text: &str, mut pos: usize) -> usize {
        while let Some(c) = char_at(text, pos) {
            let Some((value, full_width)) = arabic_digit(c) else {
                break;
            };
            self.push(value, full_width);
            pos += c.len_utf8();
        }
        pos
    }

    /// Digits with thousands separators: `,` between ASCII digits, `，`
    /// between full-width ones, each followed by exactly three digits, the
    /// first group one to three digits long. `1,2,3` and `1, 234` are not
    /// grouped numbers, so there the literal ends at the first digit.
    fn read_integer(&mut self, text: &str, start: usize) -> usize {
        let mut pos = self.read_plain(text, start);
        let mut group = self.count;
        while (1..=3).contains(&group) {
            let Some(separator) = char_at(text, pos) else {
                break;
            };
            let fits = match separator {
                ',' => !self.last_full_width,
                '，' => self.last_full_width,
                _ => false,
            };
            if !fits || !three_digits_follow(text, pos + separator.len_utf8()) {
                break;
            }
            let before = self.count;
            pos = self.read_plain(text, pos + separator.len_utf8());
            group = self.count - before;
            self.grouped = true;
        }
        pos
    }
}

/// Exactly three digits and then no further digit.
fn three_digits_follow(text: &str, mut pos: usize) -> bool {
    for _ in 0..3 {
        match char_at(text, pos) {
            Some(c) if is_digit(c) => pos += c.len_utf8(),
            _ => return false,
        }
    }
    !char_at(text, pos).is_some_and(is_digit)
}
