//! The evaluation corpus's JSON Lines files, shared by `benches/parse.rs` and
//! `examples/scaling.rs`.

use std::path::Path;

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
