//! The Python exceptions, one per kind of failure of [`crate::Error`].
//!
//! Each also derives from the built-in exception a caller would catch
//! without knowing govnotice (`ValueError`, `TypeError`), so both
//! `except govnotice.GovNoticeError` and `except ValueError` work.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::Error;

create_exception!(
    govnotice,
    GovNoticeError,
    PyException,
    "Base class of every error govnotice raises."
);
create_exception!(
    govnotice,
    DecodeError,
    GovNoticeError,
    "Bytes that are not text in the encoding named or detected; the message names the byte offset."
);
create_exception!(
    govnotice,
    BaseDateError,
    GovNoticeError,
    "A base date that is not a calendar date."
);
create_exception!(
    govnotice,
    ArgumentTypeError,
    GovNoticeError,
    "An argument of a type govnotice does not take; the message names the type."
);

/// Adds the exception classes to the module, with their built-in bases.
pub(super) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    for (name, class, builtin) in [
        (
            "DecodeError",
            py.get_type::<DecodeError>(),
            py.get_type::<PyValueError>(),
        ),
        (
            "BaseDateError",
            py.get_type::<BaseDateError>(),
            py.get_type::<PyValueError>(),
        ),
        (
            "ArgumentTypeError",
            py.get_type::<ArgumentTypeError>(),
            py.get_type::<PyTypeError>(),
        ),
    ] {
        // `create_exception!` gives one base; add the built-in one too.
        let bases = (class.getattr("__bases__")?, (builtin,));
        let bases = bases.0.add(bases.1)?;
        class.setattr("__bases__", bases)?;
        module.add(name, class)?;
    }
    module.add("GovNoticeError", py.get_type::<GovNoticeError>())?;
    Ok(())
}

/// The Python exception for a crate error.
pub(super) fn to_py(err: &Error) -> PyErr {
    match err {
        Error::InvalidBaseDate { .. } => BaseDateError::new_err(err.to_string()),
        _ => DecodeError::new_err(err.to_string()),
    }
}

/// A `DecodeError` with a message.
pub(super) fn decode_error(message: String) -> PyErr {
    DecodeError::new_err(message)
}

/// An `ArgumentTypeError` with a message.
pub(super) fn type_error(message: String) -> PyErr {
    ArgumentTypeError::new_err(message)
}

/// A `BaseDateError` with a message.
pub(super) fn base_date_error(message: String) -> PyErr {
    BaseDateError::new_err(message)
}
