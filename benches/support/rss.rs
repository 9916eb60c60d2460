//! Peak resident memory of the running process, shared by the memory
//! measurements of `benches/first_use.rs` and `examples/scaling.rs`.

/// The process's peak resident set size (`VmHWM` in `/proc/self/status`) in
/// MiB; NaN where that file does not exist (not Linux).
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
