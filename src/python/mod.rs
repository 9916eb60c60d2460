//! The Python extension module `govnotice._core`.
//!
//! This module only converts: Python arguments to Rust values, Rust records to
//! Python objects, byte spans to `str` indices. Every rule lives in the crate.

mod convert;
mod divisions;
mod spans;

use std::borrow::Cow;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDate, PyDict, PyString};

use crate::district::DistrictMention;
use crate::metric::Metric;
use crate::numeral::Number;
use crate::{Notice, Parser};

/// Parses one notice.
#[pyfunction]
#[pyo3(signature = (text, base_date=None, region=None))]
fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    base_date: Option<&Bound<'_, PyAny>>,
    region: Option<String>,
) -> PyResult<Notice> {
    let parser = build_parser(base_date, region)?;
    let text = text_argument(text)?;
    let mut notice = py.detach(|| parser.parse(&text));
    spans::notice_to_char_offsets(&mut notice, &text);
    Ok(notice)
}

/// Finds every figure in a text: numbers with units, scale and hedges.
#[pyfunction]
fn parse_metric(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Metric>> {
    let text = text_argument(text)?;
    let mut metrics = py.detach(|| crate::metric::parse(&text));
    spans::records_to_char_offsets(&mut metrics, &text, |m| &mut m.span);
    Ok(metrics)
}

/// Finds every administrative division a text names.
#[pyfunction]
#[pyo3(signature = (text, region=None))]
fn find_districts(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    region: Option<String>,
) -> PyResult<Vec<DistrictMention>> {
    let text = text_argument(text)?;
    let mut context = crate::district::Context::new();
    if let Some(region) = region {
        context = context.with_region(region);
    }
    let mut found = py.detach(|| crate::district::find_with(&text, &context));
    spans::records_to_char_offsets(&mut found, &text, |m| &mut m.span);
    Ok(found)
}

/// Finds every number in a text.
#[pyfunction]
fn parse_numbers(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Number>> {
    let text = text_argument(text)?;
    let mut numbers = py.detach(|| crate::numeral::scan(&text));
    spans::records_to_char_offsets(&mut numbers, &text, |n| &mut n.span);
    Ok(numbers)
}

/// Reads the `text` argument: a `str`, or `bytes` holding UTF-8.
fn text_argument<'a>(text: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, str>> {
    if let Ok(text) = text.cast::<PyString>() {
        return text
            .to_cow()
            .map_err(|err| PyValueError::new_err(format!("text cannot be read as UTF-8: {err}")));
    }
    if let Ok(bytes) = text.cast::<PyBytes>() {
        let decoded = crate::decode_utf8(bytes.as_bytes())
            .map_err(|err| PyValueError::new_err(err.to_string()))?;
        return Ok(Cow::Owned(decoded.to_owned()));
    }
    Err(PyTypeError::new_err(format!(
        "text must be str or bytes, not {}",
        type_name(text)
    )))
}

/// Builds a parser from the optional `base_date` and `region` arguments.
fn build_parser(base_date: Option<&Bound<'_, PyAny>>, region: Option<String>) -> PyResult<Parser> {
    let mut builder = Parser::builder();
    if let Some(date) = base_date.filter(|d| !d.is_none()) {
        builder = if let Ok(text) = date.cast::<PyString>() {
            builder
                .base_date_str(&text.to_cow()?)
                .map_err(|err| PyValueError::new_err(err.to_string()))?
        } else if date.is_instance_of::<PyDate>() {
            // `datetime.datetime` and `pandas.Timestamp` are dates too; their
            // time of day does not matter here.
            let part = |name: &str| -> PyResult<i64> { date.getattr(name)?.extract() };
            let (year, month, day) = (part("year")?, part("month")?, part("day")?);
            let date = i16::try_from(year)
                .ok()
                .zip(i8::try_from(month).ok())
                .zip(i8::try_from(day).ok())
                .and_then(|((y, m), d)| jiff::civil::Date::new(y, m, d).ok())
                .ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "base_date {year:04}-{month:02}-{day:02} is out of range"
                    ))
                })?;
            builder.base_date(date)
        } else {
            return Err(PyTypeError::new_err(format!(
                "base_date must be a datetime.date or a 'YYYY-MM-DD' str, not {}",
                type_name(date)
            )));
        };
    }
    if let Some(region) = region {
        builder = builder.region(region);
    }
    Ok(builder.build())
}

/// The name of an object's type, for error messages.
fn type_name(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |name| name.to_string())
}

#[pymethods]
impl Notice {
    /// The notice as plain Python data, with exactly the documented names.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        convert::to_dict(py, self)
    }

    /// The notice's main district code: the publisher's, else the
    /// county-level division it names most often.
    #[pyo3(name = "primary_district")]
    fn py_primary_district(&self) -> Option<String> {
        self.primary_district()
    }

    /// How often each decided division is named: `{code: count}`, most named
    /// first.
    #[pyo3(name = "district_counts")]
    fn py_district_counts(&self) -> Vec<(String, usize)> {
        self.district_counts()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Notice(title={}, publisher={}, published={}, sources={}, dates={}, districts={}, metrics={})",
            convert::repr_option_str(py, self.title.as_deref()),
            convert::repr_option_str(py, self.publisher.as_ref().map(|p| p.name.as_str())),
            convert::repr_option_str(py, self.published.as_ref().map(|d| d.text.as_str())),
            self.sources.len(),
            self.dates.len(),
            self.districts.len(),
            self.metrics.len(),
        )
    }
}

/// The native core of the `govnotice` package.
#[pymodule]
fn _core(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(parse, module)?)?;
    module.add_function(wrap_pyfunction!(parse_numbers, module)?)?;
    module.add_function(wrap_pyfunction!(parse_metric, module)?)?;
    module.add_function(wrap_pyfunction!(find_districts, module)?)?;
    module.add_function(wrap_pyfunction!(divisions::lookup_division, module)?)?;
    module.add_function(wrap_pyfunction!(divisions::divisions_named, module)?)?;
    module.add_class::<divisions::PyDivision>()?;
    module.add_class::<Number>()?;
    module.add_class::<Notice>()?;
    module.add_class::<crate::publisher::Source>()?;
    module.add_class::<crate::date::DateMention>()?;
    module.add_class::<crate::district::DistrictMention>()?;
    module.add_class::<crate::metric::Metric>()?;
    Ok(())
}
