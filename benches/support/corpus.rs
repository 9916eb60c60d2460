//! The evaluation corpus's JSON Lines files and folders of `.txt` notices,
//! shared by `benches/parse.rs` and `examples/scaling.rs`.

use std::path::{Path, PathBuf};

/// The `text` field of every record of the JSON Lines file at `path`, in
/// file order; empty when the file is absent or unreadable. Records without
/// a string `text` are left out.
pub fn jsonl_texts(path: &Path) -> Vec<String> {
    let Ok(raw) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    raw.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record.get("text")?.as_str().map(str::to_owned))
        .collect()
}

/// The contents of every `.txt` file in `dir`, in file-name order; empty when
/// the folder is absent or unreadable.
pub fn text_files(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}
