//! Exact decimal values, so that `1.1亿` is 110000000 and not 110000000.00000001.

/// 2^53, the largest integer up to which every integer has its own `f64`.
///
/// A number whose integer part exceeds it is refused: past it neighbouring
/// integers share one `f64`, and the value would silently differ from the text.
/// Raising it would let rounded values through; lowering it would refuse real
/// figures (a national budget in 元 is about 10^13, far below).
pub(super) const MAX_EXACT_INTEGER: u128 = 1 << 53;

/// Most digits kept after the decimal point.
///
/// An `f64` holds about 17 significant digits, so further fraction digits
/// cannot change the value; 20 also keeps every accepted value's mantissa below
/// 2^53 × 10^20, well inside `u128`. A number written with more fraction digits
/// is refused rather than truncated. Raising it past about 22 would let the
/// mantissa overflow `u128` for large integer parts.
pub(super) const MAX_FRACTION_DIGITS: u32 = 20;

/// Powers of ten up to 10^22 are exact in `f64`, which makes
/// `mantissa / 10^scale` a single correctly rounded division.
const MAX_EXACT_POWER_OF_TEN: u32 = 22;

/// `mantissa / 10^scale`, non-negative; signs are kept beside it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Decimal {
    mantissa: u128,
    scale: u32,
}

/// 10^exponent, or `None` past `u128`.
pub(super) fn pow10(exponent: u32) -> Option<u128> {
    10u128.checked_pow(exponent)
}

impl Decimal {
    pub(super) const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    pub(super) const fn integer(value: u128) -> Decimal {
        Decimal {
            mantissa: value,
            scale: 0,
        }
    }

    pub(super) fn new(mantissa: u128, scale: u32) -> Decimal {
        Decimal { mantissa, scale }.normalized()
    }

    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa.is_multiple_of(10) {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    pub(super) fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The value when it is a whole number.
    pub(super) fn integer_value(self) -> Option<u128> {
        self.is_integer().then_some(self.mantissa)
    }

    pub(super) fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let left = self.mantissa.checked_mul(pow10(scale - self.scale)?)?;
        let right = other.mantissa.checked_mul(pow10(scale - other.scale)?)?;
        Some(Decimal::new(left.checked_add(right)?, scale))
    }

    /// `self × 10^exponent`.
    pub(super) fn checked_shift_up(self, exponent: u32) -> Option<Decimal> {
        if self.scale >= exponent {
            Some(Decimal::new(self.mantissa, self.scale - exponent))
        } else {
            let factor = pow10(exponent - self.scale)?;
            Some(Decimal::integer(self.mantissa.checked_mul(factor)?))
        }
    }

    /// `self / 10^exponent`.
    pub(super) fn checked_shift_down(self, exponent: u32) -> Option<Decimal> {
        Some(Decimal::new(
            self.mantissa,
            self.scale.checked_add(exponent)?,
        ))
    }

    /// Whether the value can be handed out as an `f64` that says what the text
    /// says (see [`MAX_EXACT_INTEGER`] and [`MAX_FRACTION_DIGITS`]).
    pub(super) fn is_representable(self) -> bool {
        self.scale <= MAX_FRACTION_DIGITS
            && pow10(self.scale).is_some_and(|unit| self.mantissa / unit <= MAX_EXACT_INTEGER)
    }

    /// The decimal that prints as the shortest representation of `value`
    /// (used for `2^5`-style powers, which are computed in floating point).
    pub(super) fn from_f64(value: f64) -> Option<Decimal> {
        if !value.is_finite() || value < 0.0 {
            return None;
        }
        let written = format!("{value:e}");
        let (digits, exponent) = written.split_once('e')?;
        let exponent: i32 = exponent.parse().ok()?;
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let mantissa: u128 = format!("{whole}{fraction}").parse().ok()?;
        let scale = u32::try_from(fraction.len()).ok()?;
        let base = Decimal::new(mantissa, scale);
        let decimal = if exponent >= 0 {
            base.checked_shift_up(exponent.unsigned_abs())?
        } else {
            base.checked_shift_down(exponent.unsigned_abs())?
        };
        decimal.is_representable().then_some(decimal)
    }

    /// The nearest `f64`.
    pub(super) fn to_f64(self) -> f64 {
        if self.mantissa <= MAX_EXACT_INTEGER && self.scale <= MAX_EXACT_POWER_OF_TEN {
            // Both operands are exact, so the one division rounds correctly.
            return self.mantissa as f64 / 10f64.powi(self.scale as i32);
        }
        // Rare (many significant digits): the standard library's decimal
        // parser rounds correctly; the text is always a valid float literal.
        format!("{}e-{}", self.mantissa, self.scale)
            .parse()
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Decimal;

    #[test]
    fn shifting_keeps_values_exact() {
        let one_point_one = Decimal::new(11, 1);
        assert_eq!(
            one_point_one.checked_shift_up(8),
            Some(Decimal::integer(110_000_000))
        );
        assert_eq!(one_point_one.checked_shift_up(8).unwrap().to_f64(), 1.1e8);
        assert_eq!(
            Decimal::new(478, 2).checked_shift_up(12).unwrap().to_f64(),
            4.78e12
        );
        assert!(Decimal::integer(1).checked_shift_up(40).is_none());
    }

    #[test]
    fn representable_stops_at_two_to_the_53() {
        assert!(Decimal::integer(1 << 53).is_representable());
        assert!(!Decimal::integer((1 << 53) + 1).is_representable());
        assert!(!Decimal::new(1, 21).is_representable());
        assert_eq!(
            Decimal::new(123_456_789_012_345_678, 17).to_f64(),
            1.234_567_890_123_456_7
        );
    }
}
