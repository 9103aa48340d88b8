//! The machine a benchmark ran on, for its printout: shared by the criterion benches and the
//! native example the site benchmark runs (each includes this file with `#[path]`).

/// Architecture, logical CPUs and the CPU model, e.g. `x86_64, 2 × AMD EPYC 7B13`.
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(str::trim)
        .unwrap_or("unknown CPU");
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{}, {cores} × {model}", std::env::consts::ARCH)
}
