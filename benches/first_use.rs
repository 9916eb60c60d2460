//! First-use cost of the gazetteer index, and the memory of a loaded parser.
//!
//! The division index is built once per process behind a `LazyLock`, so
//! repeating the first lookup inside one process measures a cached call. This
//! bench re-runs itself as fresh child processes; each child times its first
//! `gazetteer::lookup("宝山")` (the index build plus one lookup), then the
//! first whole-notice parse (the other lazily compiled tables), and reports
//! its peak resident memory (`VmHWM`) after that parse. The parent prints the
//! minimum, median and maximum over the children.
//!
//! ```text
//! cargo bench --bench first_use
//! ```

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

#[path = "support/rss.rs"]
mod rss;
use rss::peak_rss_mb;

/// Fresh processes to run: enough for a median that one scheduling hiccup on
/// a shared machine does not move.
const RUNS: usize = 21;
const CHILD: &str = "GOVNOTICE_FIRST_USE_CHILD";

fn main() {
    if std::env::var_os(CHILD).is_some() {
        child();
        return;
    }
    let exe = std::env::current_exe().expect("the bench knows its own path");
    let mut rows: Vec<[f64; 4]> = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let out = Command::new(&exe)
            .env(CHILD, "1")
            .output()
            .expect("the bench can run itself");
        let line = String::from_utf8_lossy(&out.stdout);
        let values: Vec<f64> = line
            .split_whitespace()
            .filter_map(|v| v.parse().ok())
            .collect();
        if let Ok(row) = <[f64; 4]>::try_from(values) {
            rows.push(row);
        }
    }
    let labels = [
        "gazetteer first lookup (ms)",
        "first whole-notice parse after it (ms)",
        "peak RSS before loading (MB)",
        "peak RSS after the first parse (MB)",
    ];
    println!(
        "first use, {} fresh processes: min / median / max",
        rows.len()
    );
    for (i, label) in labels.iter().enumerate() {
        let mut column: Vec<f64> = rows.iter().map(|r| r[i]).collect();
        column.sort_by(f64::total_cmp);
        if let (Some(min), Some(max)) = (column.first(), column.last()) {
            let median = column[column.len() / 2];
            println!("  {label:<40} {min:>8.2} {median:>8.2} {max:>8.2}");
        }
    }
}

fn child() {
    let before = peak_rss_mb();
    let start = Instant::now();
    let found = black_box(govnotice::gazetteer::lookup(black_box("宝山")));
    let lookup = start.elapsed();
    assert!(!found.is_empty(), "宝山 is in the gazetteer");

    let text = "上海市宝山区人民政府\n\n宝山区智慧湾入选示范基地\n\n发布机构: 宝山区文化和旅游局\n发布日期: 2024-05-20\n\n2023年园区已入驻企业420余家，实现产值3500万元。\n";
    let start = Instant::now();
    black_box(govnotice::parse(black_box(text)));
    let parse = start.elapsed();
    println!(
        "{:.3} {:.3} {:.1} {:.1}",
        lookup.as_secs_f64() * 1e3,
        parse.as_secs_f64() * 1e3,
        before,
        peak_rss_mb()
    );
}
