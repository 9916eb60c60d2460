//! Time and peak memory of a parse against input size.
//!
//! ```text
//! cargo run --release --example scaling            # both tables below
//! cargo run --release --example scaling -- docs    # single documents only
//! cargo run --release --example scaling -- batch   # parse_many only
//! cargo run --release --example scaling -- corpus  # every corpus notice once (for a profiler)
//! cargo run --release --example scaling -- corpus 5  # the best of 5 passes
//! cargo run --release --example scaling -- seeds 200 # the seed notices, best of 200 passes
//! cargo run --release --example scaling -- files 5   # each corpus file alone, best of 5 passes
//! ```
//!
//! - `docs`: one document of 1 KB … 10 MB cut from the corpus text joined
//!   end to end, and adversarial single lines of 100 KB … 10 MB: digits, `万`
//!   repeated, `一` repeated.
//! - `batch`: `Parser::parse_many` on 1 … 100,000 notices (the corpus's short
//!   division-change notices, cycled) with 1 and with 2 threads.
//!
//! Every case runs in a fresh child process, so its peak resident memory
//! (`VmHWM` in `/proc/self/status`) is its own; the thread count is set
//! through `RAYON_NUM_THREADS`. Corpus text is read from `../shared/corpus/`
//! relative to the crate root; a missing file is skipped with a note.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

#[path = "../benches/support/corpus.rs"]
mod corpus;
#[path = "../benches/support/rss.rs"]
mod rss;
use corpus::{jsonl_texts, text_files};
use rss::peak_rss_mb;

const CHILD: &str = "GOVNOTICE_SCALING_CASE";

fn main() {
    if let Ok(case) = std::env::var(CHILD) {
        run_case(&case);
        return;
    }
    let what = std::env::args().nth(1).unwrap_or_else(|| "all".to_owned());
    let passes = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    match what.as_str() {
        "seeds" => return passes_over(&seed_notices(), passes),
        "corpus" => return passes_over(&all_corpus(), passes),
        "files" => {
            for file in CORPUS_FILES {
                print!("{file}: ");
                passes_over(&corpus_file(file), passes);
            }
            return;
        }
        _ => {}
    }
    if what == "all" || what == "docs" {
        docs();
    }
    if what == "all" || what == "batch" {
        batch();
    }
}

fn docs() {
    println!("single documents: bytes, seconds (best of runs), MB/s, peak RSS MB");
    println!(
        "{:<10} {:>10} {:>10} {:>8} {:>9}",
        "kind", "bytes", "s", "MB/s", "RSS MB"
    );
    for kind in ["corpus", "digits", "wan", "yi"] {
        let sizes: &[usize] = if kind == "corpus" {
            &[1_000, 10_000, 100_000, 1_000_000, 10_000_000]
        } else {
            &[100_000, 1_000_000, 10_000_000]
        };
        for &size in sizes {
            if let Some((bytes, secs, rss)) = child(&format!("doc {kind} {size}"), 1) {
                println!(
                    "{kind:<10} {bytes:>10} {secs:>10.4} {:>8.2} {rss:>9.1}",
                    bytes as f64 / secs / 1e6
                );
            }
        }
    }
}

fn batch() {
    println!("parse_many: notices, threads, seconds, notices/s, MB/s, peak RSS MB");
    println!(
        "{:>8} {:>3} {:>9} {:>10} {:>7} {:>8}",
        "notices", "thr", "s", "notices/s", "MB/s", "RSS MB"
    );
    for count in [1usize, 10, 100, 1_000, 10_000, 100_000] {
        for threads in [1, 2] {
            if let Some((bytes, secs, rss)) = child(&format!("batch {count}"), threads) {
                println!(
                    "{count:>8} {threads:>3} {secs:>9.4} {:>10.0} {:>7.2} {rss:>8.1}",
                    count as f64 / secs,
                    bytes as f64 / secs / 1e6
                );
            }
        }
    }
}

/// Runs one case in a fresh process; returns (bytes, seconds, peak RSS MB).
fn child(case: &str, threads: usize) -> Option<(usize, f64, f64)> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new(exe)
        .env(CHILD, case)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .output()
        .ok()?;
    let line = String::from_utf8_lossy(&out.stdout);
    let mut fields = line.split_whitespace();
    let bytes = fields.next()?.parse().ok()?;
    let secs = fields.next()?.parse().ok()?;
    let rss = fields.next()?.parse().ok()?;
    Some((bytes, secs, rss))
}

fn run_case(case: &str) {
    // `_` too, for callers that cannot put a space in an environment value.
    let parts: Vec<&str> = case.split([' ', '_']).collect();
    // Load the tables first, so the figures are the parse alone.
    black_box(govnotice::parse(
        "上海市宝山区2024年5月1日新增企业420余家。",
    ));
    match parts.as_slice() {
        ["doc", kind, size] => {
            let size: usize = size.parse().expect("a size");
            let text = document(kind, size);
            if text.is_empty() {
                return;
            }
            // Small documents parse in microseconds: repeat them so one
            // timer tick does not dominate, and keep the best run.
            let runs = (2_000_000 / size).clamp(1, 200);
            let best = (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    black_box(govnotice::parse(black_box(&text)));
                    start.elapsed().as_secs_f64()
                })
                .fold(f64::INFINITY, f64::min);
            println!("{} {best} {}", text.len(), peak_rss_mb());
        }
        ["batch", count] => {
            let count: usize = count.parse().expect("a count");
            let pool = short_notices();
            if pool.is_empty() {
                return;
            }
            let texts: Vec<&str> = pool
                .iter()
                .cycle()
                .take(count)
                .map(String::as_str)
                .collect();
            let bytes: usize = texts.iter().map(|t| t.len()).sum();
            let parser = govnotice::Parser::new();
            let start = Instant::now();
            let notices = parser.parse_many(&texts);
            let secs = start.elapsed().as_secs_f64();
            black_box(notices);
            println!("{bytes} {secs} {}", peak_rss_mb());
        }
        _ => eprintln!("scaling: unknown case {case}"),
    }
}

/// Every text parsed in one loop, `passes` times; the fastest pass is
/// reported (the others differ by what else the machine was doing).
fn passes_over(texts: &[String], passes: usize) {
    let bytes: usize = texts.iter().map(String::len).sum();
    black_box(govnotice::parse("宝山区"));
    let mut secs = f64::INFINITY;
    for _ in 0..passes.max(1) {
        let start = Instant::now();
        for text in texts {
            black_box(govnotice::parse(text));
        }
        secs = secs.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} notices, {bytes} bytes in {secs:.3} s: {:.2} MB/s, {:.0} notices/s",
        texts.len(),
        bytes as f64 / secs / 1e6,
        texts.len() as f64 / secs
    );
}

fn document(kind: &str, size: usize) -> String {
    let unit = match kind {
        "digits" => "1234567890",
        "wan" => "万",
        "yi" => "一",
        _ => {
            let joined = all_corpus().join("\n\n");
            if joined.is_empty() {
                return joined;
            }
            let mut text = String::with_capacity(size + 4);
            while text.len() < size {
                text.push_str(&joined);
            }
            let mut end = size;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
            return text;
        }
    };
    unit.repeat(size / unit.len())
}

fn corpus_file(relative: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(relative);
    let texts = jsonl_texts(&path);
    if texts.is_empty() {
        eprintln!("scaling: skipping {}: absent or empty", path.display());
    }
    texts
}

/// The seed notices (`../shared/seeds/*.txt`), in file-name order.
fn seed_notices() -> Vec<String> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let texts = text_files(&folder);
    if texts.is_empty() {
        eprintln!("scaling: skipping {}: absent or empty", folder.display());
    }
    texts
}

fn short_notices() -> Vec<String> {
    corpus_file(CORPUS_FILES[0])
}

/// The corpus files, in the order the whole-corpus loop reads them.
const CORPUS_FILES: [&str; 3] = [
    "division-change-notices/notices.jsonl",
    "shanghai-covid-2022-notices/notices.jsonl",
    "gov-work-reports/reports.jsonl",
];

fn all_corpus() -> Vec<String> {
    CORPUS_FILES
        .iter()
        .flat_map(|file| corpus_file(file))
        .collect()
}
