//! Parses the sample notices in `examples/notices/` (or the files given as
//! arguments) and prints each notice's record readably.
//!
//! ```text
//! cargo run --release --example demo
//! cargo run --release --example demo -- path/to/notice.txt
//! ```

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    let mut paths: Vec<PathBuf> = env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/notices");
        paths = match fs::read_dir(&folder) {
            Ok(entries) => entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
                .collect(),
            Err(err) => {
                eprintln!("cannot read {}: {err}", folder.display());
                process::exit(1);
            }
        };
        paths.sort();
    }
    for path in &paths {
        match fs::read(path) {
            Ok(bytes) => match govnotice::decode_utf8(&bytes) {
                Ok(text) => print_notice(path, text),
                Err(err) => eprintln!("{}: {err}", path.display()),
            },
            Err(err) => eprintln!("{}: {err}", path.display()),
        }
    }
}

fn print_notice(path: &Path, text: &str) {
    let notice = govnotice::parse(text);
    println!("━━ {}", path.display());
    println!("title      {}", notice.title.as_deref().unwrap_or("—"));
    match &notice.publisher {
        Some(source) => println!("publisher  {} ({})", source.name, source.kind.as_str()),
        None => println!("publisher  —"),
    }
    match &notice.published {
        Some(date) => println!("published  {}", date.text),
        None => println!("published  —"),
    }
    if let Some(span) = notice.body_span {
        let body = &text[span.range()];
        let preview: String = body.chars().take(40).collect();
        println!("body       {} chars: {preview}…", body.chars().count());
    }
    for source in &notice.sources {
        println!(
            "source     {} [{} · {}]",
            source.name,
            source.kind.as_str(),
            source.role.as_str()
        );
    }
    for date in &notice.dates {
        let day =
            |d: Option<jiff::civil::Date>| d.map_or_else(|| "?".to_owned(), |d| d.to_string());
        println!(
            "date       {:<16} {} … {} ({})",
            date.text,
            day(date.start),
            day(date.end),
            date.precision.as_str()
        );
    }
    for district in &notice.districts {
        println!(
            "district   {:<16} {} {}",
            district.text, district.code, district.name
        );
    }
    for metric in &notice.metrics {
        println!(
            "metric     {:<16} {} {} ({}){}",
            metric.text,
            metric.value,
            metric.unit,
            metric.qualifier.as_str(),
            metric
                .subject
                .as_deref()
                .map(|s| format!(" · {s}"))
                .unwrap_or_default()
        );
    }
    println!();
}
