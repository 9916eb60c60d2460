//! Throughput of each parser alone and of the whole notice.
//!
//! Inputs, each a set of notices parsed one after another per iteration:
//! - `examples`: the sample notices in `examples/notices/`;
//! - `seeds`: the seed notices in `../shared/seeds/`;
//! - `corpus-*`: each JSON Lines file under `../shared/corpus/` (its `text`
//!   fields).
//!
//! Sources outside the crate are read relative to the crate root and skipped,
//! with a note on stderr, when absent. Run:
//!
//! ```text
//! cargo bench --bench parse                 # everything
//! cargo bench --bench parse -- notice/      # the whole notice only
//! ```
//!
//! Every group reports MB/s (`Throughput::Bytes`); `notices_per_s` repeats
//! the whole-notice parse with `Throughput::Elements`, one element a notice.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

#[path = "support/corpus.rs"]
mod corpus;
use corpus::{jsonl_texts, text_files};

/// A named set of notices.
struct Input {
    name: String,
    texts: Vec<String>,
}

impl Input {
    fn bytes(&self) -> u64 {
        self.texts.iter().map(|t| t.len() as u64).sum()
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn inputs() -> Vec<Input> {
    let root = root();
    let shared = root.join("../shared");
    let mut found = Vec::new();
    let mut add = |name: &str, texts: Vec<String>, from: &Path| {
        if texts.is_empty() {
            eprintln!("bench: skipping {name}: nothing at {}", from.display());
        } else {
            found.push(Input {
                name: name.to_owned(),
                texts,
            });
        }
    };
    let examples = root.join("examples/notices");
    add("examples", text_files(&examples), &examples);
    let seeds = shared.join("seeds");
    add("seeds", text_files(&seeds), &seeds);
    for (name, file) in [
        (
            "corpus-division-changes",
            "corpus/division-change-notices/notices.jsonl",
        ),
        (
            "corpus-shanghai-covid",
            "corpus/shanghai-covid-2022-notices/notices.jsonl",
        ),
        (
            "corpus-work-reports",
            "corpus/gov-work-reports/reports.jsonl",
        ),
    ] {
        let path = shared.join(file);
        add(name, jsonl_texts(&path), &path);
    }
    found
}

/// One parser over every notice of a set.
type Run = fn(&[String]);

fn parsers() -> [(&'static str, Run); 7] {
    [
        ("layout", |texts| {
            texts.iter().for_each(|t| {
                black_box(govnotice::layout::parse(t));
            });
        }),
        ("numeral", |texts| {
            texts.iter().for_each(|t| {
                black_box(govnotice::numeral::scan(t));
            });
        }),
        ("publisher", |texts| {
            texts.iter().for_each(|t| {
                black_box(govnotice::publisher::parse(t));
            });
        }),
        ("district", |texts| {
            texts.iter().for_each(|t| {
                black_box(govnotice::district::find(t));
            });
        }),
        ("date", |texts| {
            texts.iter().for_each(|t| {
                black_box(govnotice::date::parse(t, None));
            });
        }),
        ("metric", |texts| {
            texts.iter().for_each(|t| {
                black_box(govnotice::metric::parse(t));
            });
        }),
        ("notice", |texts| {
            texts.iter().for_each(|t| {
                black_box(govnotice::parse(t));
            });
        }),
    ]
}

fn bench(c: &mut Criterion) {
    let inputs = inputs();
    // Tables load on first use; keep that out of every measured iteration.
    black_box(govnotice::parse(
        "上海市宝山区2024年5月1日新增企业420余家。",
    ));

    for (parser, run) in parsers() {
        let mut group = c.benchmark_group(parser);
        configure(&mut group, &inputs);
        for input in &inputs {
            group.throughput(Throughput::Bytes(input.bytes()));
            group.bench_with_input(
                BenchmarkId::new(&input.name, input.texts.len()),
                &input.texts,
                |b, texts| b.iter(|| run(texts)),
            );
        }
        group.finish();
    }

    let mut group = c.benchmark_group("notices_per_s");
    configure(&mut group, &inputs);
    for input in &inputs {
        group.throughput(Throughput::Elements(input.texts.len() as u64));
        group.bench_with_input(
            BenchmarkId::new(&input.name, input.texts.len()),
            &input.texts,
            |b, texts| {
                b.iter(|| {
                    for t in texts {
                        black_box(govnotice::parse(t));
                    }
                });
            },
        );
    }
    group.finish();
}

fn configure<M: criterion::measurement::Measurement>(
    group: &mut criterion::BenchmarkGroup<'_, M>,
    inputs: &[Input],
) {
    // An iteration over a corpus file takes a tenth of a second or more, so
    // criterion's default 100 samples would take minutes per benchmark; ten
    // samples over a few seconds still give a stable median on a quiet
    // machine and keep the whole run under ten minutes.
    let largest = inputs.iter().map(Input::bytes).max().unwrap_or(0);
    if largest > 1_000_000 {
        group.sample_size(10);
    }
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
}

criterion_group!(benches, bench);
criterion_main!(benches);
