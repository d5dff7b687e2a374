//! Percentiles and the result table.

use std::time::Duration;

pub fn quick() -> bool {
    std::env::var("DOCKTUTOR_BENCH_QUICK").is_ok_and(|v| v == "1")
}

/// Sorted copy; p in 0..=100.
pub fn percentile(samples: &[Duration], p: usize) -> Duration {
    let mut s = samples.to_vec();
    s.sort();
    if s.is_empty() {
        return Duration::ZERO;
    }
    let i = ((s.len() - 1) * p).div_ceil(100).min(s.len() - 1);
    s[i]
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[derive(Default)]
pub struct Table {
    rows: Vec<[String; 5]>,
}

impl Table {
    /// One measurement: what, docktutor's figure, the reference's, the ratio or note, the goal.
    pub fn row(&mut self, what: &str, ours: String, reference: String, ratio: String, goal: &str) {
        println!("{what}: {ours} | {reference} | {ratio} | goal {goal}");
        self.rows.push([what.into(), ours, reference, ratio, goal.into()]);
    }

    pub fn markdown(&self) -> String {
        let mut s = String::from(
            "| measurement | docktutor | reference | ratio / result | goal |\n| --- | --- | --- | --- | --- |\n",
        );
        for r in &self.rows {
            s.push_str(&format!("| {} | {} | {} | {} | {} |\n", r[0], r[1], r[2], r[3], r[4]));
        }
        s
    }
}

pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

pub fn today() -> String {
    let out = std::process::Command::new("date").arg("+%Y-%m-%d").output();
    out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned()).unwrap_or_default()
}
