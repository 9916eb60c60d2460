//! The Python extension module `govnotice._core`.
//!
//! This module only converts: Python arguments to Rust values, Rust records to
//! Python objects, byte spans to `str` indices. Every rule lives in the crate.

mod arguments;
mod arrow;
mod batch;
mod convert;
mod divisions;
mod errors;
mod html;
mod pool;
mod spans;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use arguments::{build_parser, text_argument};

use crate::date::DateMention;
use crate::district::DistrictMention;
use crate::metric::Metric;
use crate::numeral::Number;
use crate::publisher::Source;
use crate::Notice;

/// Parses one notice.
#[pyfunction]
#[pyo3(signature = (text, base_date=None, region=None, encoding=None))]
fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    base_date: Option<&Bound<'_, PyAny>>,
    region: Option<String>,
    encoding: Option<&str>,
) -> PyResult<Notice> {
    let parser = build_parser(base_date, region)?;
    let text = text_argument(text, encoding)?;
    let mut notice = py.detach(|| parser.parse(&text));
    spans::notice_to_char_offsets(&mut notice, &text);
    notice.text = Some(text.into_owned());
    Ok(notice)
}

/// Finds every figure in a text: numbers with units, scale and hedges.
#[pyfunction]
fn parse_metric(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Metric>> {
    let text = text_argument(text, None)?;
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
    let text = text_argument(text, None)?;
    let mut context = crate::district::Context::new();
    if let Some(region) = region {
        context = context.with_region(region);
    }
    let mut found = py.detach(|| crate::district::find_with(&text, &context));
    spans::records_to_char_offsets(&mut found, &text, |m| &mut m.span);
    Ok(found)
}

/// Finds every date in a text, resolved against `base_date` when given.
#[pyfunction]
#[pyo3(signature = (text, base_date=None))]
fn parse_date(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    base_date: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<DateMention>> {
    let base = base_date
        .map(arguments::date_argument)
        .transpose()?
        .flatten();
    let text = text_argument(text, None)?;
    let mut dates = py.detach(|| crate::date::parse(&text, base));
    spans::records_to_char_offsets(&mut dates, &text, |d| &mut d.span);
    Ok(dates)
}

/// Every credited source of a notice, the issuer first among them with role
/// `issuer` (see `Notice.sources`).
#[pyfunction]
fn parse_sources(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Source>> {
    let text = text_argument(text, None)?;
    let mut sources = py.detach(|| crate::publisher::parse(&text).sources);
    spans::records_to_char_offsets(&mut sources, &text, |s| &mut s.span);
    Ok(sources)
}

/// Decodes bytes as `parse` does: `(text, encoding)`. The spans of a notice
/// parsed from bytes index this text.
#[pyfunction]
#[pyo3(signature = (data, encoding=None))]
fn decode(data: &[u8], encoding: Option<&str>) -> PyResult<(String, &'static str)> {
    let decoded = crate::encoding::decode(data, encoding).map_err(|err| errors::to_py(&err))?;
    Ok((decoded.text.into_owned(), decoded.encoding))
}

/// Finds every number in a text.
#[pyfunction]
fn parse_numbers(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Number>> {
    let text = text_argument(text, None)?;
    let mut numbers = py.detach(|| crate::numeral::scan(&text));
    spans::records_to_char_offsets(&mut numbers, &text, |n| &mut n.span);
    Ok(numbers)
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

    /// The notebook view: title, issuer, publish date and the body with each
    /// mention marked by kind, its value on hover (see `Notice::to_html`).
    /// `None`, so that a notebook shows the `repr`, when the text was not kept.
    fn _repr_html_(&self) -> Option<String> {
        let text = self.text.as_deref()?;
        let mut in_bytes = self.clone();
        spans::notice_to_byte_offsets(&mut in_bytes, text);
        Some(in_bytes.to_html(text))
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
    module.add_function(wrap_pyfunction!(decode, module)?)?;
    module.add_function(wrap_pyfunction!(parse_date, module)?)?;
    module.add_function(wrap_pyfunction!(parse_sources, module)?)?;
    module.add_function(wrap_pyfunction!(html::parse_html, module)?)?;
    module.add_class::<html::HtmlNotice>()?;
    errors::register(module)?;
    module.add_function(wrap_pyfunction!(parse_metric, module)?)?;
    module.add_function(wrap_pyfunction!(find_districts, module)?)?;
    module.add_function(wrap_pyfunction!(divisions::lookup_division, module)?)?;
    module.add_function(wrap_pyfunction!(divisions::divisions_named, module)?)?;
    module.add_class::<divisions::PyDivision>()?;
    module.add_function(wrap_pyfunction!(batch::parse_batch, module)?)?;
    module.add_function(wrap_pyfunction!(batch::parse_notices, module)?)?;
    module.add_class::<batch::Batch>()?;
    module.add_class::<arrow::ArrowTable>()?;
    module.add("TABLES", arrow::TABLES.to_vec())?;
    module.add_class::<Number>()?;
    module.add_class::<Notice>()?;
    module.add_class::<crate::publisher::Source>()?;
    module.add_class::<crate::date::DateMention>()?;
    module.add_class::<crate::district::DistrictMention>()?;
    module.add_class::<crate::metric::Metric>()?;
    Ok(())
}
