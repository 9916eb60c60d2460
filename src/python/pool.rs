//! The worker threads of Python batches: one pool, kept between batches and
//! replaced in a forked process.
//!
//! rayon's global pool is not used: its threads do not survive `fork`, so a
//! child of a process that had parsed a batch (`multiprocessing`'s default
//! start method on Linux) waited forever for them on its first batch.

use std::sync::{Arc, Mutex, PoisonError};

use pyo3::exceptions::PyValueError;
use pyo3::PyResult;
use rayon::{ThreadPool, ThreadPoolBuilder};

/// The pool of the last batch: the process that built it and its size.
struct Kept {
    process: u32,
    threads: usize,
    pool: Arc<ThreadPool>,
}

/// Only taken with the GIL held, so no thread holds it while another forks
/// (forking from Python needs the GIL too): a child never inherits it
/// locked.
static KEPT: Mutex<Option<Kept>> = Mutex::new(None);

/// A pool of `threads` workers (all cores when `None`), reused while
/// batches ask for the same size in the same process: building one starts
/// its threads, which a loop of small batches paid on every call.
pub(super) fn pool(threads: Option<usize>) -> PyResult<Arc<ThreadPool>> {
    let threads = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let process = std::process::id();
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(last) = kept.as_ref() {
        if (last.process, last.threads) == (process, threads) {
            return Ok(Arc::clone(&last.pool));
        }
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|err| PyValueError::new_err(format!("cannot start {threads} threads: {err}")))?;
    let pool = Arc::new(pool);
    let replaced = kept.replace(Kept {
        process,
        threads,
        pool: Arc::clone(&pool),
    });
    // A pool inherited through `fork` has no threads in this process; it is
    // left alone rather than dropped, which would signal threads that are
    // not there.
    if let Some(stale) = replaced.filter(|stale| stale.process != process) {
        std::mem::forget(stale);
    }
    Ok(pool)
}
