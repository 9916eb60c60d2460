//! Many notices at once: parsed in parallel with the GIL released, a chunk at
//! a time so that Ctrl-C and progress reports get through.

use std::sync::{mpsc, Arc};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyDate, PyString};
use rayon::prelude::*;

use super::arguments::{date_argument, is_missing, type_name};
use super::arrow::{table, ArrowTable};
use super::{pool, spans};
use crate::{Notice, Parser};

/// How many notices are parsed between two checks for Ctrl-C and two
/// progress reports. At the slowest rate seen (long notices, one core, a few
/// thousand a second) this answers Ctrl-C within about a tenth of a second;
/// the checks themselves cost nothing next to the parsing. Smaller chunks
/// leave cores idle at each chunk's tail; larger ones make Ctrl-C sluggish.
const CHUNK: usize = 256;

/// The result of `parse_batch`: one notice per input, in input order, and the
/// problem found with each input that could not be read as text.
#[pyclass(frozen, module = "govnotice", name = "Batch")]
pub(super) struct Batch {
    notices: Vec<Notice>,
    problems: Vec<Option<String>>,
}

#[pymethods]
impl Batch {
    fn __len__(&self) -> usize {
        self.notices.len()
    }

    /// The notices, in input order; an unreadable input gives an empty notice.
    fn notices(&self) -> Vec<Notice> {
        self.notices.clone()
    }

    /// For each input, why it could not be parsed (`None` when it was).
    fn problems(&self) -> Vec<Option<String>> {
        self.problems.clone()
    }

    /// One of the tables `notices`, `metrics`, `dates`, `districts`,
    /// `sources`, as an Arrow table.
    fn table(&self, name: &str) -> PyResult<ArrowTable> {
        table(name, &self.notices, &self.problems)
    }
}

/// One input, read as text or with the reason it could not be.
struct Input {
    text: Result<Text, String>,
    base: Option<jiff::civil::Date>,
}

/// The text of one input.
enum Text {
    /// A `str`'s UTF-8, held by Python rather than copied: on a batch of
    /// large notices the copy was a third of what the calling thread does
    /// while no other thread can work.
    Python(PyBackedStr),
    /// `bytes` decoded from their encoding.
    Decoded(String),
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Python(text) => text,
            Text::Decoded(text) => text,
        }
    }
}

/// Parses every text of an iterable in parallel into a batch that also
/// builds the Arrow tables; see `govnotice.frames`.
#[pyfunction]
#[pyo3(signature = (texts, base_date=None, region=None, threads=None, progress=None))]
pub(super) fn parse_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    base_date: Option<&Bound<'_, PyAny>>,
    region: Option<String>,
    threads: Option<usize>,
    progress: Option<Bound<'_, PyAny>>,
) -> PyResult<Batch> {
    let options = Options {
        region,
        threads,
        keep_text: false,
    };
    let (notices, problems) = parse_inputs(py, texts, base_date, options, progress)?;
    Ok(Batch { notices, problems })
}

/// Parses every text of an iterable in parallel and returns the notices
/// alone; see `govnotice.parse_many`. They move to Python as they are:
/// `Batch.notices` copies each one out of the batch, which took 6–8% of a
/// two-thread batch of the seed notices.
#[pyfunction]
#[pyo3(signature = (texts, base_date=None, region=None, threads=None, progress=None))]
pub(super) fn parse_notices(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    base_date: Option<&Bound<'_, PyAny>>,
    region: Option<String>,
    threads: Option<usize>,
    progress: Option<Bound<'_, PyAny>>,
) -> PyResult<Vec<Notice>> {
    let options = Options {
        region,
        threads,
        keep_text: true,
    };
    let (notices, _) = parse_inputs(py, texts, base_date, options, progress)?;
    Ok(notices)
}

/// How a batch is parsed.
struct Options {
    region: Option<String>,
    threads: Option<usize>,
    /// Whether each notice keeps a copy of its text for the notebook view:
    /// the notices `parse_many` returns are looked at one by one, a batch's
    /// only become tables.
    keep_text: bool,
}

/// The notice parsed from each input and the problem found with each input
/// that could not be read as text, in input order.
fn parse_inputs(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    base_date: Option<&Bound<'_, PyAny>>,
    options: Options,
    progress: Option<Bound<'_, PyAny>>,
) -> PyResult<(Vec<Notice>, Vec<Option<String>>)> {
    let Options {
        region,
        threads,
        keep_text,
    } = options;
    // The items are gathered first (references, not yet read) so that a
    // misaligned `base_date` fails before any work; their text is read a
    // chunk at a time, while the chunk before is parsed.
    let items: Vec<Bound<'_, PyAny>> = texts.try_iter()?.collect::<PyResult<_>>()?;
    let bases = base_dates(base_date, items.len())?;

    let mut parser = Parser::builder();
    if let Some(region) = region {
        parser = parser.region(region);
    }
    let parser = Arc::new(parser.build());
    let pool = pool::pool(threads)?;

    let mut notices = Vec::with_capacity(items.len());
    let mut problems = Vec::with_capacity(items.len());
    let mut chunks = items.chunks(CHUNK).zip(bases.chunks(CHUNK));
    let mut next = chunks.next().map(|(items, bases)| read_chunk(items, bases));
    while let Some(chunk) = next.take() {
        let len = chunk.len();
        let parser = Arc::clone(&parser);
        let (sender, receiver) = mpsc::channel();
        let job = move || {
            let parsed = parse_chunk(&parser, &chunk, keep_text);
            // The receiver waits for it unless the batch has failed.
            let _ = sender.send((parsed, chunk));
        };
        pool.spawn(job);
        // Reading needs the GIL and parsing does not: the next chunk's text
        // is read while this one is parsed, so the calling thread's share
        // (Python encoding each `str` as UTF-8) no longer idles the others.
        next = chunks.next().map(|(items, bases)| read_chunk(items, bases));
        // Waited for without the GIL.
        let (parsed, chunk) = py
            .detach(move || receiver.recv())
            .map_err(|_| PyRuntimeError::new_err("a parsing thread stopped"))?;
        notices.extend(parsed);
        problems.extend(chunk.into_iter().map(|input| input.text.err()));
        py.check_signals()?;
        if let Some(report) = &progress {
            report.call1((len,))?;
        }
    }
    Ok((notices, problems))
}

/// The inputs of one chunk: each item's text, and its base date.
fn read_chunk(items: &[Bound<'_, PyAny>], bases: &[Option<jiff::civil::Date>]) -> Vec<Input> {
    items
        .iter()
        .zip(bases)
        .map(|(item, &base)| Input {
            text: read_text(item),
            base,
        })
        .collect()
}

/// Parses a chunk on the current thread pool, in input order; an input that
/// could not be read gives an empty notice. The copies of the texts kept are
/// made here, on the pool's threads, not on the thread that holds the GIL.
fn parse_chunk(parser: &Parser, chunk: &[Input], keep_text: bool) -> Vec<Notice> {
    chunk
        .par_iter()
        .map(|input| match &input.text {
            Ok(text) => {
                let mut notice = parser.with_base_date(input.base).parse(text);
                spans::notice_to_char_offsets(&mut notice, text);
                notice.text = keep_text.then(|| text.to_string());
                notice
            }
            Err(_) => Notice::default(),
        })
        .collect()
}

/// Reads one item of the batch; a missing or unreadable item is recorded,
/// not raised, so that one bad row does not lose the rest.
fn read_text(item: &Bound<'_, PyAny>) -> Result<Text, String> {
    if let Ok(text) = item.cast::<PyString>() {
        return PyBackedStr::try_from(text.clone())
            .map(Text::Python)
            .map_err(|err| format!("text cannot be read as UTF-8: {err}"));
    }
    if let Ok(bytes) = item.cast::<PyBytes>() {
        return crate::encoding::decode(bytes.as_bytes(), None)
            .map(|decoded| Text::Decoded(decoded.text.into_owned()))
            .map_err(|err| err.to_string());
    }
    if is_missing(item) {
        return Err(format!(
            "missing text ({})",
            item.repr()
                .map_or_else(|_| "None".to_owned(), |r| r.to_string())
        ));
    }
    Err(format!("not text: {}", type_name(item)))
}

/// The base date of each of `count` inputs: one date for all, or a sequence
/// aligned with the texts (each notice its own crawl date).
fn base_dates(
    base_date: Option<&Bound<'_, PyAny>>,
    count: usize,
) -> PyResult<Vec<Option<jiff::civil::Date>>> {
    let Some(base_date) = base_date.filter(|b| !b.is_none()) else {
        return Ok(vec![None; count]);
    };
    if base_date.is_instance_of::<PyString>() || base_date.is_instance_of::<PyDate>() {
        return Ok(vec![date_argument(base_date)?; count]);
    }
    let dates: Vec<Bound<'_, PyAny>> = base_date.try_iter()?.collect::<PyResult<_>>()?;
    if dates.len() != count {
        return Err(PyValueError::new_err(format!(
            "base_date has {} entries for {count} texts; give one date, or one per text",
            dates.len(),
        )));
    }
    dates.iter().map(date_argument).collect()
}
