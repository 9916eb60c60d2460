//! Gazetteer records as Python objects.

use pyo3::prelude::*;

use crate::gazetteer::{self, Division};

/// One administrative division of China, current or former.
#[pyclass(frozen, module = "govnotice", name = "Division")]
pub(super) struct PyDivision(&'static Division);

#[pymethods]
impl PyDivision {
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code()
    }

    #[getter]
    fn name(&self) -> &'static str {
        self.0.name()
    }

    #[getter]
    fn short_name(&self) -> Option<&'static str> {
        self.0.short_name()
    }

    #[getter]
    fn level(&self) -> &'static str {
        self.0.level().as_str()
    }

    #[getter]
    fn parent_code(&self) -> Option<&'static str> {
        self.0.parent_code()
    }

    #[getter]
    fn former(&self) -> bool {
        self.0.is_former()
    }

    #[getter]
    fn current_code(&self) -> Option<&'static str> {
        self.0.current().map(Division::code)
    }

    #[getter]
    fn years(&self) -> Option<(u16, u16)> {
        self.0.years()
    }

    /// The divisions from the province down to this one, this one last.
    fn chain(&self) -> Vec<PyDivision> {
        self.0.chain().into_iter().map(PyDivision).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "Division('{}', '{}', level='{}'{})",
            self.0.code(),
            self.0.name(),
            self.0.level().as_str(),
            if self.0.is_former() {
                ", former=True"
            } else {
                ""
            }
        )
    }
}

/// The division with a GB/T 2260 code (six digits, nine for towns); the
/// current one when a former division shares the code.
#[pyfunction]
pub(super) fn lookup_division(code: &str) -> Option<PyDivision> {
    gazetteer::division(code.trim()).map(PyDivision)
}

/// Every division, current or former, with a name or short name.
#[pyfunction]
pub(super) fn divisions_named(name: &str) -> Vec<PyDivision> {
    gazetteer::lookup(name.trim())
        .into_iter()
        .map(PyDivision)
        .collect()
}
