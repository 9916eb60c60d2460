//! Python arguments as Rust values, with the errors Python callers expect.

use std::borrow::Cow;

use jiff::civil::Date;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDate, PyFloat, PyString};

use super::errors;
use crate::Parser;

/// Reads the `text` argument: a `str`, or `bytes` in UTF-8, GB18030/GBK or
/// Big5 (detected, or named by `encoding`).
pub(super) fn text_argument<'a>(
    text: &'a Bound<'_, PyAny>,
    encoding: Option<&str>,
) -> PyResult<Cow<'a, str>> {
    if let Ok(text) = text.cast::<PyString>() {
        return text
            .to_cow()
            .map_err(|err| errors::decode_error(format!("text cannot be read as UTF-8: {err}")));
    }
    if let Ok(bytes) = text.cast::<PyBytes>() {
        let decoded = crate::encoding::decode(bytes.as_bytes(), encoding)
            .map_err(|err| errors::to_py(&err))?;
        return Ok(Cow::Owned(decoded.text.into_owned()));
    }
    Err(errors::type_error(format!(
        "text must be str or bytes, not {}",
        type_name(text)
    )))
}

/// Whether a value stands for "no value": `None`, NaN, pandas' `NaT` and `NA`.
pub(super) fn is_missing(value: &Bound<'_, PyAny>) -> bool {
    if value.is_none() {
        return true;
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return float.value().is_nan();
    }
    // pandas.NaT and pandas.NA are singletons whose type names say so.
    let name = type_name(value);
    name == "NaTType" || name == "NAType"
}

/// Reads a date argument: `None` (or NaN/NaT), a `datetime.date` (a
/// `datetime` or `pandas.Timestamp` too), or `'YYYY-MM-DD'`.
pub(super) fn date_argument(date: &Bound<'_, PyAny>) -> PyResult<Option<Date>> {
    if is_missing(date) {
        return Ok(None);
    }
    if let Ok(text) = date.cast::<PyString>() {
        let builder = Parser::builder()
            .base_date_str(&text.to_cow()?)
            .map_err(|err| errors::to_py(&err))?;
        return Ok(builder.build().base_date());
    }
    if date.is_instance_of::<PyDate>() {
        // The time of day of a datetime or Timestamp does not matter here.
        let part = |name: &str| -> PyResult<i64> { date.getattr(name)?.extract() };
        let (year, month, day) = (part("year")?, part("month")?, part("day")?);
        let resolved = i16::try_from(year)
            .ok()
            .zip(i8::try_from(month).ok())
            .zip(i8::try_from(day).ok())
            .and_then(|((y, m), d)| Date::new(y, m, d).ok());
        return resolved.map(Some).ok_or_else(|| {
            errors::base_date_error(format!(
                "base date {year:04}-{month:02}-{day:02} is out of range"
            ))
        });
    }
    Err(errors::type_error(format!(
        "base_date must be a datetime.date or a 'YYYY-MM-DD' str, not {}",
        type_name(date)
    )))
}

/// Builds a parser from the optional `base_date` and `region` arguments.
pub(super) fn build_parser(
    base_date: Option<&Bound<'_, PyAny>>,
    region: Option<String>,
) -> PyResult<Parser> {
    let mut builder = Parser::builder();
    if let Some(date) = base_date.map(date_argument).transpose()?.flatten() {
        builder = builder.base_date(date);
    }
    if let Some(region) = region {
        builder = builder.region(region);
    }
    Ok(builder.build())
}

/// The name of an object's type, for error messages.
pub(super) fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |name| name.to_string())
}
