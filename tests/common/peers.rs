//! The peer libraries' own test cases (`../shared/peer-cases/`), run against
//! a check of ours.
//!
//! Cases outside a test's job are listed with a reason in a tab-separated
//! file under `tests/data/` (file, case id, reason; `#` starts a comment and a
//! first column `file` marks the header). Every other case runs, and a share
//! of them must pass per file and over all files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

/// The ids of the excluded cases, by file.
pub type Exclusions = BTreeMap<String, BTreeSet<String>>;

/// The exclusion list at `path` (below the crate root), for a test that runs
/// `files`. Every exclusion names one of them, gives a reason, and is listed
/// once.
pub fn exclusions(path: &str, files: &[&str]) -> Exclusions {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&path).expect("exclusion list is readable");
    let mut exclusions = Exclusions::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut columns = line.split('\t');
        let (Some(file), Some(id), Some(reason)) = (columns.next(), columns.next(), columns.next())
        else {
            panic!("exclusion line needs file, id and reason: {line:?}");
        };
        if file == "file" {
            continue;
        }
        assert!(
            !reason.trim().is_empty(),
            "exclusion without a reason: {line:?}"
        );
        assert!(
            files.contains(&file),
            "exclusion for a file the test does not run: {line:?}"
        );
        let fresh = exclusions
            .entry(file.to_owned())
            .or_default()
            .insert(id.to_owned());
        assert!(fresh, "case excluded twice: {line:?}");
    }
    exclusions
}

/// `line` for Python tests, `case_index` for specs, as written in the file.
/// cn2an's test also asserts its normal-mode inputs as strict-mode refusals
/// under the same line, so a refusal is told apart as `<line>-refusal`.
pub fn case_id(case: &Value) -> String {
    let id = case
        .get("line")
        .or_else(|| case.get("case_index"))
        .map(Value::to_string)
        .expect("every case has a line or case_index");
    if case["expected"].get("error").is_some() {
        format!("{id}-refusal")
    } else {
        id
    }
}

/// Runs `check` on every case of `files` that `exclusions` does not list and
/// prints the failures and the count of each file (and over all files when
/// there are several). `check` returns `None` for a case the test does not
/// run. Asserts that every exclusion names a case and that at least
/// `pass_rate` of the cases run pass, per file and over all files.
pub fn run(
    files: &[&str],
    exclusions: &Exclusions,
    pass_rate: f64,
    mut check: impl FnMut(&str, &Value) -> Option<Result<(), String>>,
) {
    let Some(dir) = super::shared("peer-cases") else {
        return;
    };
    let (mut passed_all, mut run_all) = (0, 0);
    let mut below = Vec::new();
    for &file in files {
        let excluded = exclusions.get(file).cloned().unwrap_or_default();
        let mut seen = BTreeSet::new();
        let (mut passed, mut run) = (0, 0);
        for case in super::read_jsonl(&dir.join(file)) {
            let id = case_id(&case);
            seen.insert(id.clone());
            if excluded.contains(&id) {
                continue;
            }
            let Some(outcome) = check(file, &case) else {
                continue;
            };
            run += 1;
            match outcome {
                Ok(()) => passed += 1,
                Err(why) => println!(
                    "FAIL {file} {id}: {} — {why}",
                    case["input"].as_str().unwrap_or_default()
                ),
            }
        }
        let unknown: Vec<_> = excluded.difference(&seen).collect();
        assert!(
            unknown.is_empty(),
            "{file}: excluded cases that do not exist: {unknown:?}"
        );
        println!(
            "{file}: {passed}/{run} passed ({} excluded)",
            excluded.len()
        );
        if (passed as f64) < pass_rate * run as f64 {
            below.push(file);
        }
        passed_all += passed;
        run_all += run;
    }
    if files.len() > 1 {
        println!("all files: {passed_all}/{run_all} passed");
    }
    assert!(below.is_empty(), "below {pass_rate}: {below:?}");
    assert!(
        passed_all as f64 >= pass_rate * run_all as f64,
        "all files: {passed_all}/{run_all} below {pass_rate}"
    );
}
