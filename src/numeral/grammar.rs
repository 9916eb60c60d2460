//! One quantity starting at a position: Chinese numerals with place units,
//! digit-by-digit numerals, Arabic literals and their mixtures (`3.5万`,
//! `1万600`), with the approximation markers that belong inside them.
//!
//! The reading loop and its state are here; what each kind of character does
//! to the state is in `steps`.

use super::decimal::Decimal;
use super::lexicon::{
    arabic_digit, chinese_digit, compound_tens, is_arabic_point, is_chinese_point, is_zhao,
    unit_exponent, FIRST_LARGE_EXPONENT, MAX_GAP_SPACES,
};
use super::literal::Literal;
use super::opening::is_number_char;
use super::text::char_at;
use super::Approx;

/// Most 万/亿/兆 groups open at once. Their exponents strictly decrease and
/// every accepted value is below 10^16, so at most four groups (10^12, 10^8,
/// 10^4 and a stacked 10^16 on the way to overflow) are ever open; a fifth
/// means the number is already too large and it is refused.
pub(super) const MAX_OPEN_GROUPS: usize = 5;

/// What a quantity is, before signs, percent marks and fractions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Quantity {
    pub end: usize,
    pub value: Decimal,
    pub approx: Option<Approx>,
    pub arabic: bool,
    pub chinese: bool,
    /// Integer digits when written digit by digit, else 0.
    pub digits: u32,
    pub decimals: u32,
    pub leading_zero: bool,
    /// An adjacent-digit pair (`五六`, `七八十`) was read with its lower digit;
    /// reading again with `upper` gives the upper bound.
    pub pair: bool,
    /// Exponents of the place units after the last digit: all of them, and the
    /// large ones only (`8千万` → 7 and 4), for `5-8千万`.
    pub tail_exponents: (u32, u32),
    /// One digit or literal and nothing else (can borrow a range's unit).
    pub lone_coefficient: bool,
    /// A lone magnitude such as `千` or `万`, with no digit.
    pub bare: bool,
    /// Written with `e` or `^`.
    pub scientific: bool,
}

/// The kind of the last part read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Last {
    Start,
    Coefficient,
    Zero,
    SmallUnit,
    LargeUnit,
    Marker,
    Fraction,
}

/// A coefficient read but not yet bound to a unit.
#[derive(Clone, Copy, Debug)]
pub(super) enum Pending {
    /// One Chinese digit; `after_unit` when it directly follows a unit of 百
    /// or more, where a final digit abbreviates (`三万五` = 35000).
    Digit {
        value: u8,
        liang: bool,
        after_unit: bool,
    },
    /// Chinese digits read one by one (`二〇二一`, `零零三`).
    Run {
        value: u128,
        len: u32,
        first_is_zero: bool,
    },
    Arabic(Literal),
    /// `几` or `数` standing for the coefficient of the next unit.
    Several,
}

/// The reading state: the 万/亿 groups still open, the section below them and
/// what was read last.
#[derive(Clone, Copy, Debug)]
pub(super) struct State {
    pub groups: [(Decimal, u32); MAX_OPEN_GROUPS],
    pub open: usize,
    pub section: Decimal,
    pub last_small: u32,
    pub last_small_bare: bool,
    pub pending: Option<Pending>,
    pub fraction: Option<Decimal>,
    pub last: Last,
    pub last_unit: u32,
    pub last_unit_char: char,
    pub units: u32,
    pub coefficients: u32,
    pub tail_all: u32,
    pub tail_large: u32,
    pub end: usize,
    pub approx: Option<Approx>,
    /// After a marker or a fraction only 万/亿 may follow.
    pub closed: bool,
    pub pair: bool,
    pub arabic: bool,
    pub chinese: bool,
    pub decimals: u32,
    pub overflow: bool,
    /// Where the number ends if it ends on a 零 that only filled a place.
    pub end_before_zero: usize,
}

/// What a step tells the reading loop: go on at a position, stop here, go
/// back to the state after the last large unit, or refuse the number and
/// resume scanning at a position.
pub(super) enum Flow {
    Next(usize),
    Stop,
    Restore,
    Refuse(usize),
}

/// Reads the quantity at `start`. With `upper`, an adjacent-digit pair takes
/// its higher digit. `Err` is where scanning resumes when there is none.
pub(super) fn read_quantity(text: &str, start: usize, upper: bool) -> Result<Quantity, usize> {
    read_quantity_at(text, start, upper, true)
}

/// [`read_quantity`], with the early refusal of `上` and `数` that open no
/// number when `early` is set (what the tests compare with).
fn read_quantity_at(text: &str, start: usize, upper: bool, early: bool) -> Result<Quantity, usize> {
    let first = char_at(text, start).ok_or(start + 1)?;
    let after_first = start + first.len_utf8();
    // 上 opens a number only before 百, 千, 万 … and 数 only before a unit, a
    // digit or a point; most of them are 上海 and 数字, which the loop below
    // refuses with the same resume position after building its state (a
    // hundred instructions) and reading a character or two. A third of the
    // seeds' candidate numbers are these.
    if early {
        let next = char_at(text, after_first);
        let refused = match first {
            '上' => next.and_then(unit_exponent).is_none_or(|e| e < 2),
            '数' | '數' => !next.is_some_and(may_follow_several),
            _ => false,
        };
        if refused {
            return Err(after_first);
        }
    }
    let mut st = State {
        groups: [(Decimal::ZERO, 0); MAX_OPEN_GROUPS],
        open: 0,
        section: Decimal::ZERO,
        last_small: FIRST_LARGE_EXPONENT,
        last_small_bare: false,
        pending: None,
        fraction: None,
        last: Last::Start,
        last_unit: 0,
        last_unit_char: ' ',
        units: 0,
        coefficients: 0,
        tail_all: 0,
        tail_large: 0,
        end: start,
        approx: None,
        closed: false,
        pair: false,
        arabic: false,
        chinese: false,
        decimals: 0,
        overflow: false,
        end_before_zero: start,
    };
    let mut pos = start;
    if first == '上'
        && char_at(text, after_first)
            .and_then(unit_exponent)
            .is_some_and(|e| e >= 2)
    {
        // 上百, 上千, 上万: at least that many.
        st.approx = Some(Approx::AtLeast);
        st.chinese = true;
        pos = after_first;
    }
    let mut snapshot: Option<State> = None;
    loop {
        let mut at = pos;
        let mut spaces = 0;
        while char_at(text, at) == Some(' ') && spaces <= MAX_GAP_SPACES {
            at += 1;
            spaces += 1;
        }
        if spaces > MAX_GAP_SPACES {
            break;
        }
        let Some(c) = char_at(text, at) else {
            break;
        };
        if spaces > 0 && !gap_allowed(st.last, c) {
            break;
        }
        let next = at + c.len_utf8();
        let flow = if let Some(digit) = chinese_digit(c) {
            if st.approx == Some(Approx::Several) && digit != 0 {
                // 人数十二人: 数 is part of 人数, the number is 十二.
                return Err(after_first);
            }
            st.chinese_digit(text, c, digit, next, upper)
        } else if let Some(exponent) = unit_exponent(c) {
            if exponent < FIRST_LARGE_EXPONENT {
                st.small_unit(exponent, None, next)
            } else if is_zhao(c) && !numeral_follows(text, next) {
                Flow::Stop
            } else {
                st.large_unit(c, exponent, next)
            }
        } else if let Some(tens) = compound_tens(c) {
            st.small_unit(1, Some(tens), next)
        } else if arabic_digit(c).is_some() || (st.last == Last::Start && is_arabic_point(c)) {
            if st.approx == Some(Approx::Several) {
                return Err(after_first);
            }
            st.arabic(text, at)
        } else if is_chinese_point(c) {
            st.chinese_point(text, next)
        } else {
            st.marker(c, next)
        };
        match flow {
            Flow::Next(end) => {
                pos = end;
                st.end = end;
            }
            Flow::Stop => break,
            Flow::Restore => {
                if let Some(saved) = snapshot {
                    st = saved;
                }
                break;
            }
            Flow::Refuse(resume) => return Err(resume),
        }
        if st.last == Last::LargeUnit {
            snapshot = Some(st);
        }
    }
    st.finish(start, after_first)
}

/// Spaces may stand between the parts of a number only next to a unit, a
/// marker or a decimal point (`7 万5 千`, `四百 点 五`), never between two
/// digits (`5 8` is two numbers).
fn gap_allowed(last: Last, next: char) -> bool {
    matches!(last, Last::SmallUnit | Last::LargeUnit | Last::Marker)
        || unit_exponent(next).is_some()
        || matches!(next, '余' | '多' | '点' | '點')
}

/// Whether `c` may follow a 数 that opens a number (`数十`, `数百万`): anything
/// else stops the number before it has a unit, which refuses it.
fn may_follow_several(c: char) -> bool {
    is_number_char(c) || compound_tens(c).is_some() || is_chinese_point(c) || c == ' '
}

/// Whether more numeral follows (for 兆).
fn numeral_follows(text: &str, pos: usize) -> bool {
    char_at(text, pos).is_some_and(|c| {
        chinese_digit(c).is_some() || unit_exponent(c).is_some() || arabic_digit(c).is_some()
    })
}

impl State {
    fn finish(self, start: usize, after_first: usize) -> Result<Quantity, usize> {
        if self.overflow {
            return Err(self.end.max(after_first));
        }
        if self.end == start || matches!(self.pending, Some(Pending::Several)) && self.units == 0 {
            return Err(after_first);
        }
        let end = if self.last == Last::Zero {
            self.end_before_zero
        } else {
            self.end
        };
        let mut digits = 0;
        let mut leading_zero = false;
        let mut scientific = false;
        let last_value = match self.pending {
            Some(Pending::Digit {
                value, after_unit, ..
            }) => {
                if self.units == 0 {
                    digits = 1;
                }
                let value = Decimal::integer(u128::from(value));
                if after_unit {
                    // 三万五 = 35000, 一百二 = 120: the digit fills the next place down.
                    value.checked_shift_up(self.last_unit - 1)
                } else {
                    Some(value)
                }
            }
            Some(Pending::Run {
                value,
                len,
                first_is_zero,
            }) => {
                digits = len;
                leading_zero = first_is_zero && len > 1;
                Some(Decimal::integer(value))
            }
            Some(Pending::Arabic(literal)) => {
                if self.units == 0 {
                    digits = literal.int_digits;
                    leading_zero = literal.leading_zero;
                }
                scientific = literal.scientific;
                Some(literal.value)
            }
            Some(Pending::Several) | None => Some(Decimal::ZERO),
        };
        let mut total = last_value
            .and_then(|v| v.checked_add(self.section))
            .and_then(|v| v.checked_add(self.fraction.unwrap_or(Decimal::ZERO)));
        for &(value, _) in &self.groups[..self.open] {
            total = total.and_then(|t| t.checked_add(value));
        }
        let value = match total {
            Some(value) if value.is_representable() => value,
            _ => return Err(self.end),
        };
        let bare = self.coefficients == 0
            && self.units == 1
            && self.last_unit >= 2
            && self.approx.is_none();
        Ok(Quantity {
            end,
            value,
            approx: self.approx,
            arabic: self.arabic,
            chinese: self.chinese,
            digits,
            decimals: self.decimals,
            leading_zero,
            pair: self.pair,
            tail_exponents: (self.tail_all, self.tail_large),
            lone_coefficient: self.coefficients == 1
                && self.units == 0
                && self.fraction.is_none()
                && self.approx.is_none(),
            bare,
            scientific,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::read_quantity_at;

    proptest::proptest! {
        /// Refusing `上` and `数` early gives, at every position, what the
        /// reading loop gives: the same quantity or the same resume position.
        #[test]
        fn early_refusals_are_the_loops(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "上", "数", "數", "海", "字", "万", "百", "十", "廿", "三", "零", "〇",
                    "5", ".", "点", " ", "余", "多", "几", "个", "，",
                ]),
                0..12,
            ),
            upper: bool,
        ) {
            let text = pieces.concat();
            for (at, _) in text.char_indices() {
                proptest::prop_assert_eq!(
                    read_quantity_at(&text, at, upper, true),
                    read_quantity_at(&text, at, upper, false),
                    "{} at {}", text, at
                );
            }
        }
    }
}
