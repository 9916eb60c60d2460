//! Many notices at once: parsed in parallel with the GIL released, a chunk at
//! a time so that Ctrl-C and progress reports get through.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDate, PyString};
use rayon::prelude::*;

use super::arguments::{date_argument, is_missing, type_name};
use super::arrow::{table, ArrowTable};
use super::spans;
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
    text: Result<String, String>,
    base: Option<jiff::civil::Date>,
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
    let (notices, problems) = parse_inputs(py, texts, base_date, region, threads, progress)?;
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
    let (notices, _) = parse_inputs(py, texts, base_date, region, threads, progress)?;
    Ok(notices)
}

/// The notice parsed from each input and the problem found with each input
/// that could not be read as text, in input order.
fn parse_inputs(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    base_date: Option<&Bound<'_, PyAny>>,
    region: Option<String>,
    threads: Option<usize>,
    progress: Option<Bound<'_, PyAny>>,
) -> PyResult<(Vec<Notice>, Vec<Option<String>>)> {
    let mut inputs: Vec<Input> = Vec::new();
    for item in texts.try_iter()? {
        inputs.push(Input {
            text: read_text(&item?),
            base: None,
        });
    }
    assign_base_dates(&mut inputs, base_date)?;

    let mut parser = Parser::builder();
    if let Some(region) = region {
        parser = parser.region(region);
    }
    let parser = parser.build();
    let pool = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|err| PyValueError::new_err(format!("cannot start {n} threads: {err}")))?,
        ),
        None => None,
    };

    let mut notices = Vec::with_capacity(inputs.len());
    for chunk in inputs.chunks(CHUNK) {
        let parse_chunk = || -> Vec<Notice> {
            chunk
                .par_iter()
                .map(|input| match &input.text {
                    Ok(text) => {
                        let mut notice = parser.with_base_date(input.base).parse(text);
                        spans::notice_to_char_offsets(&mut notice, text);
                        notice
                    }
                    Err(_) => Notice::default(),
                })
                .collect()
        };
        let parsed = py.detach(|| match &pool {
            Some(pool) => pool.install(parse_chunk),
            None => parse_chunk(),
        });
        notices.extend(parsed);
        py.check_signals()?;
        if let Some(report) = &progress {
            report.call1((chunk.len(),))?;
        }
    }
    let problems = inputs.into_iter().map(|input| input.text.err()).collect();
    Ok((notices, problems))
}

/// Reads one item of the batch; a missing or unreadable item is recorded,
/// not raised, so that one bad row does not lose the rest.
fn read_text(item: &Bound<'_, PyAny>) -> Result<String, String> {
    if let Ok(text) = item.cast::<PyString>() {
        return text
            .to_cow()
            .map(|text| text.into_owned())
            .map_err(|err| format!("text cannot be read as UTF-8: {err}"));
    }
    if let Ok(bytes) = item.cast::<PyBytes>() {
        return crate::encoding::decode(bytes.as_bytes(), None)
            .map(|decoded| decoded.text.into_owned())
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

/// Gives each input its base date: one date for all, or a sequence aligned
/// with the texts (each notice its own crawl date).
fn assign_base_dates(inputs: &mut [Input], base_date: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
    let Some(base_date) = base_date.filter(|b| !b.is_none()) else {
        return Ok(());
    };
    if base_date.is_instance_of::<PyString>() || base_date.is_instance_of::<PyDate>() {
        let date = date_argument(base_date)?;
        inputs.iter_mut().for_each(|input| input.base = date);
        return Ok(());
    }
    let dates: Vec<Bound<'_, PyAny>> = base_date.try_iter()?.collect::<PyResult<_>>()?;
    if dates.len() != inputs.len() {
        return Err(PyValueError::new_err(format!(
            "base_date has {} entries for {} texts; give one date, or one per text",
            dates.len(),
            inputs.len()
        )));
    }
    for (input, date) in inputs.iter_mut().zip(&dates) {
        input.base = date_argument(date)?;
    }
    Ok(())
}
