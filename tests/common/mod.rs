//! Reading the data kept beside the repository in `../shared/`: the seed
//! notices, the evaluation corpus and the peer libraries' test cases.
//!
//! None of it is part of the repository: when a folder or file is absent the
//! tests that need it say so and pass.

// Each test binary uses a part of these.
#![allow(dead_code)]

pub mod peers;

use std::path::{Path, PathBuf};

use serde_json::Value;

/// `../shared/<sub>` beside the crate, or `None` (with a note) when it is
/// absent.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(sub);
    if path.exists() {
        Some(path)
    } else {
        println!("{} not found: test skipped", path.display());
        None
    }
}

/// The text of the seed notice whose file name starts with `prefix`, or
/// `None` (with a note) when the seed folder is absent.
pub fn seed(prefix: &str) -> Option<String> {
    let dir = shared("seeds")?;
    let path = std::fs::read_dir(&dir)
        .expect("readable seed folder")
        .map(|entry| entry.expect("readable seed folder").path())
        .find(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    Some(std::fs::read_to_string(path).expect("seed is UTF-8 text"))
}

/// One JSON value per non-blank line.
pub fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).expect("a JSON record per line"))
        .collect()
}

/// The records of the Shanghai notices of 2022 in the evaluation corpus
/// (`notices.jsonl` or another file of that folder), or `None` (with a note)
/// when the corpus is absent.
pub fn shanghai_corpus(file: &str) -> Option<Vec<Value>> {
    shared(&format!("corpus/shanghai-covid-2022-notices/{file}")).map(|path| read_jsonl(&path))
}
