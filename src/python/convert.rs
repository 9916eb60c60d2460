//! Rust records as Python objects.

use std::convert::Infallible;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

use crate::date::{DateMention, Precision};
use crate::district::{DistrictMention, Level};
use crate::metric::{Basis, Change, Metric, Qualifier};
use crate::numeral::{Approx, Number, NumberKind, Script};
use crate::publisher::{Role, Source, SourceKind};
use crate::Span;

/// A span crosses to Python as a `(start, end)` tuple of `str` indices.
impl<'py> IntoPyObject<'py> for Span {
    type Target = PyTuple;
    type Output = Bound<'py, PyTuple>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, [self.start, self.end])
    }
}

impl<'py> IntoPyObject<'py> for &Span {
    type Target = PyTuple;
    type Output = Bound<'py, PyTuple>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (*self).into_pyobject(py)
    }
}

/// The closed vocabularies cross to Python as their serialized names.
macro_rules! str_into_pyobject {
    ($($ty:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $ty {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Bound<'py, PyString>, Infallible> {
                Ok(PyString::intern(py, self.as_str()).clone())
            }
        }

        impl<'py> IntoPyObject<'py> for &$ty {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Bound<'py, PyString>, Infallible> {
                (*self).into_pyobject(py)
            }
        }
    )*};
}

str_into_pyobject!(
    Precision, Level, SourceKind, Role, Qualifier, Change, Basis, Approx, NumberKind, Script
);

/// Serializes a record to Python dicts and lists with the contract's names.
pub(super) fn to_dict<'py, T: serde::Serialize>(
    py: Python<'py>,
    record: &T,
) -> PyResult<Bound<'py, PyDict>> {
    Ok(pythonize::pythonize(py, record)?.cast_into::<PyDict>()?)
}

/// A `str` as Python's `repr` prints it.
pub(super) fn repr_str(py: Python<'_>, value: &str) -> String {
    PyString::new(py, value)
        .repr()
        .map_or_else(|_| format!("{value:?}"), |r| r.to_string())
}

/// `repr` of an optional `str`: `'text'` or `None`.
pub(super) fn repr_option_str(py: Python<'_>, value: Option<&str>) -> String {
    value.map_or_else(|| "None".to_owned(), |v| repr_str(py, v))
}

#[pymethods]
impl Source {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        to_dict(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Source({}, kind='{}', role='{}', district_code={}, span={:?})",
            repr_str(py, &self.name),
            self.kind.as_str(),
            self.role.as_str(),
            repr_option_str(py, self.district_code.as_deref()),
            (self.span.start, self.span.end),
        )
    }
}

#[pymethods]
impl DateMention {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        to_dict(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let day = |d: Option<jiff::civil::Date>| {
            d.map_or_else(|| "None".to_owned(), |d| format!("'{d}'"))
        };
        format!(
            "DateMention({}, start={}, end={}, precision='{}', relative={}, span={:?})",
            repr_str(py, &self.text),
            day(self.start),
            day(self.end),
            self.precision.as_str(),
            if self.relative { "True" } else { "False" },
            (self.span.start, self.span.end),
        )
    }
}

#[pymethods]
impl DistrictMention {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        to_dict(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "DistrictMention({}, name={}, code='{}', level='{}', span={:?})",
            repr_str(py, &self.text),
            repr_str(py, &self.name),
            self.code,
            self.level.as_str(),
            (self.span.start, self.span.end),
        )
    }
}

#[pymethods]
impl Metric {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        to_dict(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Metric({}, value={}, unit={}, qualifier='{}', subject={}, span={:?})",
            repr_str(py, &self.text),
            self.value,
            repr_str(py, &self.unit),
            self.qualifier.as_str(),
            repr_option_str(py, self.subject.as_deref()),
            (self.span.start, self.span.end),
        )
    }
}

#[pymethods]
impl Number {
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        to_dict(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Number({}, value={}, value_max={}, kind='{}', span={:?})",
            repr_str(py, &self.text),
            self.value,
            self.value_max
                .map_or_else(|| "None".to_owned(), |v| v.to_string()),
            self.kind.as_str(),
            (self.span.start, self.span.end),
        )
    }
}
