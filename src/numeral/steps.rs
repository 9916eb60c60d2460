//! What each kind of character does to the state of
//! [`read_quantity`](super::grammar::read_quantity): Chinese digits and place
//! units, Arabic literals inside a Chinese numeral, the 点 of a decimal and the
//! approximation markers.

use super::decimal::{pow10, Decimal, MAX_FRACTION_DIGITS};
use super::grammar::{Flow, Last, Pending, State, MAX_OPEN_GROUPS};
use super::lexicon::{
    arabic_digit, chinese_digit, is_chinese_point, is_liang, unit_exponent, FIRST_LARGE_EXPONENT,
    MAX_GAP_SPACES, MAX_WRITTEN_DIGITS,
};
use super::literal::read_literal;
use super::text::char_at;
use super::Approx;

/// Whether a digit pair may end here: no further digit or decimal point, which
/// would make it a digit-by-digit number (`一二三`, `一二点三零`).
fn pair_can_end(text: &str, pos: usize) -> bool {
    !char_at(text, pos).is_some_and(|c| {
        chinese_digit(c).is_some() || arabic_digit(c).is_some() || is_chinese_point(c)
    })
}

impl State {
    pub(super) fn chinese_digit(
        &mut self,
        text: &str,
        c: char,
        digit: u8,
        next: usize,
        upper: bool,
    ) -> Flow {
        let liang = is_liang(c);
        let no_units = self.units == 0;
        if digit == 0 && !liang {
            match self.pending {
                None if self.last == Last::Start => {
                    self.pending = Some(Pending::Run {
                        value: 0,
                        len: 1,
                        first_is_zero: true,
                    });
                    self.last = Last::Coefficient;
                }
                Some(Pending::Run { .. } | Pending::Digit { .. }) if no_units => {
                    return self.extend_run(0, next);
                }
                None if matches!(self.last, Last::SmallUnit | Last::LargeUnit | Last::Zero)
                    && !self.closed =>
                {
                    if self.last != Last::Zero {
                        self.end_before_zero = self.end;
                    }
                    self.last = Last::Zero;
                }
                _ => return Flow::Stop,
            }
            self.chinese = true;
            return Flow::Next(next);
        }
        match self.pending {
            None if matches!(
                self.last,
                Last::Start | Last::SmallUnit | Last::LargeUnit | Last::Zero
            ) && !self.closed =>
            {
                self.pending = Some(Pending::Digit {
                    value: digit,
                    liang,
                    after_unit: matches!(self.last, Last::SmallUnit | Last::LargeUnit)
                        && self.last_unit >= 2,
                });
                self.start_coefficient();
                Flow::Next(next)
            }
            Some(Pending::Digit {
                value,
                liang: pending_liang,
                after_unit,
            }) => {
                // 十四五 is the 14th Five-Year Plan, not "fourteen or fifteen".
                let plan_name = self.units == 1 && self.section == Decimal::integer(10);
                if digit == value + 1 && !self.pair && pair_can_end(text, next) && !plan_name {
                    self.pair = true;
                    if upper {
                        self.pending = Some(Pending::Digit {
                            value: digit,
                            liang,
                            after_unit,
                        });
                    }
                    Flow::Next(next)
                } else if no_units && !liang && !pending_liang && value != 0 {
                    self.extend_run(digit, next)
                } else {
                    Flow::Stop
                }
            }
            Some(Pending::Run { .. }) if no_units && !liang => self.extend_run(digit, next),
            _ => Flow::Stop,
        }
    }

    fn start_coefficient(&mut self) {
        self.chinese = true;
        self.last = Last::Coefficient;
        self.coefficients = self.coefficients.saturating_add(1);
        self.tail_all = 0;
        self.tail_large = 0;
    }

    fn extend_run(&mut self, digit: u8, next: usize) -> Flow {
        let (value, len, first_is_zero) = match self.pending {
            Some(Pending::Digit { value, .. }) => (u128::from(value), 1, false),
            Some(Pending::Run {
                value,
                len,
                first_is_zero,
            }) => (value, len, first_is_zero),
            _ => return Flow::Stop,
        };
        let extended = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u128::from(digit)));
        let len = len.saturating_add(1);
        if len > MAX_WRITTEN_DIGITS || extended.is_none() {
            self.overflow = true;
        }
        self.pending = Some(Pending::Run {
            value: extended.unwrap_or(value),
            len,
            first_is_zero,
        });
        self.chinese = true;
        Flow::Next(next)
    }

    /// 十 百 千, or a compound tens character when `tens` is given.
    pub(super) fn small_unit(&mut self, exponent: u32, tens: Option<u32>, next: usize) -> Flow {
        if self.closed && !matches!(self.pending, Some(Pending::Arabic(_))) {
            return Flow::Stop;
        }
        if exponent >= self.last_small {
            return Flow::Stop;
        }
        let mut bare = false;
        let term = if let Some(tens) = tens {
            if self.pending.is_some()
                || !matches!(self.last, Last::Start | Last::LargeUnit | Last::Zero)
            {
                return Flow::Stop;
            }
            self.coefficients = self.coefficients.saturating_add(1);
            Decimal::integer(u128::from(tens))
        } else {
            let coefficient = match self.pending {
                Some(Pending::Digit { value, .. }) => Decimal::integer(u128::from(value)),
                Some(Pending::Arabic(literal))
                    if literal.int_digits == 1 && !literal.leading_zero && !literal.scientific =>
                {
                    if !literal.value.is_integer() {
                        self.closed = true;
                    }
                    literal.value
                }
                // 零十: the zero only fills the place.
                Some(Pending::Run {
                    value: 0, len: 1, ..
                })
                | Some(Pending::Several) => Decimal::integer(1),
                None => {
                    let allowed = match self.last {
                        Last::Start | Last::Zero => true,
                        Last::LargeUnit => exponent == 1,
                        // 一百十一 is 111, but 百十一 is not a number.
                        Last::SmallUnit => exponent == 1 && !self.last_small_bare,
                        _ => false,
                    };
                    if !allowed {
                        return Flow::Stop;
                    }
                    bare = true;
                    Decimal::integer(1)
                }
                _ => return Flow::Stop,
            };
            match coefficient.checked_shift_up(exponent) {
                Some(term) => term,
                None => return Flow::Stop,
            }
        };
        match self.section.checked_add(term) {
            Some(section) => self.section = section,
            None => self.overflow = true,
        }
        self.last_small = if tens.is_some() { 1 } else { exponent };
        self.last_small_bare = bare;
        self.last_unit = self.last_small;
        self.pending = None;
        self.last = Last::SmallUnit;
        self.units = self.units.saturating_add(1);
        self.tail_all = self.tail_all.saturating_add(exponent);
        self.chinese = true;
        Flow::Next(next)
    }

    pub(super) fn large_unit(&mut self, c: char, exponent: u32, next: usize) -> Flow {
        if self.pending.is_none() && self.last == Last::LargeUnit {
            // Stacked: 四万万 = 4亿, 4.78万亿.
            if self.coefficients == 0 && c == self.last_unit_char {
                // 万万 alone is the adverb "by no means", not 10^8.
                return Flow::Refuse(next);
            }
            let (value, level) = self.groups[self.open - 1];
            let level = level.saturating_add(exponent);
            if self.open >= 2 && self.groups[self.open - 2].1 <= level {
                return Flow::Stop;
            }
            match value.checked_shift_up(exponent) {
                Some(value) => self.groups[self.open - 1] = (value, level),
                None => self.overflow = true,
            }
        } else {
            let coefficient = match self.pending {
                Some(Pending::Digit { value, .. }) => Decimal::integer(u128::from(value)),
                Some(Pending::Run { value, .. }) => Decimal::integer(value),
                Some(Pending::Arabic(literal)) if !literal.scientific => {
                    if !literal.value.is_integer() {
                        self.closed = true;
                    }
                    literal.value
                }
                Some(Pending::Several) => Decimal::integer(1),
                None => match self.last {
                    Last::Start => Decimal::integer(1),
                    Last::SmallUnit | Last::Marker | Last::Fraction | Last::LargeUnit => {
                        Decimal::ZERO
                    }
                    _ => return Flow::Stop,
                },
                _ => return Flow::Stop,
            };
            let mut group = self
                .section
                .checked_add(coefficient)
                .and_then(|g| g.checked_add(self.fraction.unwrap_or(Decimal::ZERO)));
            while self.open > 0 && self.groups[self.open - 1].1 < exponent {
                self.open -= 1;
                group = group.and_then(|g| g.checked_add(self.groups[self.open].0));
            }
            if self.open > 0 && self.groups[self.open - 1].1 == exponent {
                // 一万二万: a second number starts at 二.
                return Flow::Restore;
            }
            if self.open == MAX_OPEN_GROUPS {
                self.overflow = true;
                return Flow::Next(next);
            }
            match group.and_then(|g| g.checked_shift_up(exponent)) {
                Some(value) => self.groups[self.open] = (value, exponent),
                None => self.overflow = true,
            }
            self.open += 1;
        }
        if self.fraction.is_some() {
            self.closed = true;
        }
        self.section = Decimal::ZERO;
        self.last_small = FIRST_LARGE_EXPONENT;
        self.last_small_bare = false;
        self.pending = None;
        self.fraction = None;
        self.last = Last::LargeUnit;
        self.last_unit = exponent;
        self.last_unit_char = c;
        self.units = self.units.saturating_add(1);
        self.tail_all = self.tail_all.saturating_add(exponent);
        self.tail_large = self.tail_large.saturating_add(exponent);
        self.chinese = true;
        Flow::Next(next)
    }

    pub(super) fn arabic(&mut self, text: &str, at: usize) -> Flow {
        let at_start = self.last == Last::Start && self.approx.is_none();
        if !at_start
            && (self.pending.is_some()
                || self.closed
                || !matches!(self.last, Last::SmallUnit | Last::LargeUnit | Last::Zero))
        {
            return Flow::Stop;
        }
        let dotted = at_start && super::follows_dotted_digits(text, at);
        let literal = match read_literal(text, at, at_start && !dotted) {
            Ok(Some(literal)) => literal,
            Ok(None) => return Flow::Stop,
            Err(resume) => return Flow::Refuse(resume),
        };
        if !at_start {
            // After a unit a literal either multiplies the next unit
            // (`5万4千`) or fills the places below the last one (`1万600`).
            let mut after = literal.end;
            while char_at(text, after) == Some(' ') && after - literal.end < MAX_GAP_SPACES {
                after += 1;
            }
            let unit_follows = char_at(text, after).and_then(unit_exponent).is_some();
            let below = if self.last == Last::SmallUnit {
                self.last_small
            } else {
                self.last_unit
            };
            let fits = match (literal.value.integer_value(), pow10(below)) {
                (Some(value), Some(limit)) => value < limit,
                _ => false,
            };
            if !unit_follows && !fits {
                return Flow::Stop;
            }
        }
        self.pending = Some(Pending::Arabic(literal));
        self.arabic = true;
        self.decimals = literal.frac_digits;
        self.last = Last::Coefficient;
        self.coefficients = self.coefficients.saturating_add(1);
        self.tail_all = 0;
        self.tail_large = 0;
        if literal.scientific {
            self.closed = true;
        }
        Flow::Next(literal.end)
    }

    pub(super) fn chinese_point(&mut self, text: &str, next: usize) -> Flow {
        if self.closed || self.fraction.is_some() {
            return Flow::Stop;
        }
        let eligible = match self.pending {
            Some(Pending::Digit { .. } | Pending::Run { .. }) => true,
            None => matches!(self.last, Last::SmallUnit | Last::LargeUnit),
            _ => false,
        };
        if !eligible {
            return Flow::Stop;
        }
        let mut pos = next;
        let mut spaces = 0;
        while char_at(text, pos) == Some(' ') && spaces < MAX_GAP_SPACES {
            pos += 1;
            spaces += 1;
        }
        let mut mantissa: u128 = 0;
        let mut count = 0u32;
        let mut script_arabic = None;
        while let Some(c) = char_at(text, pos) {
            let (digit, arabic) = match (chinese_digit(c), arabic_digit(c)) {
                (Some(d), _) if !is_liang(c) => (d, false),
                (_, Some((d, _))) => (d, true),
                _ => break,
            };
            if *script_arabic.get_or_insert(arabic) != arabic {
                break;
            }
            count = count.saturating_add(1);
            mantissa = match mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(digit)))
            {
                Some(m) => m,
                None => {
                    self.overflow = true;
                    mantissa
                }
            };
            pos += c.len_utf8();
        }
        if count == 0 {
            return Flow::Stop;
        }
        // 三点三十分 is a clock time, not 3.3 tens.
        if char_at(text, pos)
            .and_then(unit_exponent)
            .is_some_and(|e| e < FIRST_LARGE_EXPONENT)
        {
            return Flow::Stop;
        }
        if count > MAX_FRACTION_DIGITS {
            self.overflow = true;
        }
        self.fraction = Some(Decimal::new(mantissa, count.min(MAX_FRACTION_DIGITS)));
        self.decimals = count;
        if script_arabic == Some(true) {
            self.arabic = true;
        }
        self.chinese = true;
        self.last = Last::Fraction;
        self.coefficients = self.coefficients.saturating_add(1);
        self.tail_all = 0;
        self.tail_large = 0;
        Flow::Next(pos)
    }

    /// 余 多 几 来 and the 几/数 that stand for a coefficient.
    pub(super) fn marker(&mut self, c: char, next: usize) -> Flow {
        if self.approx.is_some() {
            return Flow::Stop;
        }
        let after_unit = matches!(self.last, Last::SmallUnit | Last::LargeUnit);
        match c {
            '余' | '多' => {
                let after_number = after_unit
                    || matches!(self.pending, Some(Pending::Arabic(literal)) if !literal.scientific);
                if !after_number || self.closed && self.last != Last::LargeUnit {
                    return Flow::Stop;
                }
                self.approx = Some(Approx::MoreThan);
            }
            '来' if after_unit && self.last_unit >= 1 && self.pending.is_none() => {
                self.approx = Some(Approx::About);
            }
            '几' | '幾'
                if self.pending.is_none()
                    && matches!(self.last, Last::SmallUnit | Last::Zero)
                    && !self.closed =>
            {
                self.approx = Some(Approx::MoreThan);
            }
            '几' | '幾' | '数' | '數' if self.last == Last::Start && self.approx.is_none() => {
                self.approx = Some(Approx::Several);
                self.pending = Some(Pending::Several);
                self.chinese = true;
                self.last = Last::Coefficient;
                return Flow::Next(next);
            }
            _ => return Flow::Stop,
        }
        self.last = Last::Marker;
        self.closed = true;
        Flow::Next(next)
    }
}
