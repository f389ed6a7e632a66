//! Linear time and bounded memory, as a table: for the news corpus and every pathological page
//! of `common::pathological()`, the median time of `analyze` on the 1× and the 10× input
//! (alternating, so that machine load hits both alike), their ratio (target ≤ 12), and the peak
//! of heap memory allocated during `analyze` over the text size (target ≤ 10).
//!
//! `cargo bench --bench limits` (release profile). Memory is counted by a global allocator that
//! tracks the bytes live; the peak is taken from the call's start, so the page itself is not
//! counted but the Report is. Writes the table as JSON to `target/bench/limits.json` too.
//! Nothing here fails: the targets are checked by reading the table.

#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::hint::black_box;
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    use std::time::Instant;

    use factlens::{analyze, Page};

    use crate::common::{self, page_bytes};

    /// The system allocator, counting the bytes live and their peak.
    pub struct Counting;

    static LIVE: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    fn grew(by: usize) {
        let now = LIVE.fetch_add(by, Relaxed) + by;
        PEAK.fetch_max(now, Relaxed);
    }

    // SAFETY: every call is passed on to `System` unchanged; only counters are added.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc(layout) };
            if !p.is_null() {
                grew(layout.size());
            }
            p
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let p = unsafe { System.alloc_zeroed(layout) };
            if !p.is_null() {
                grew(layout.size());
            }
            p
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) };
            LIVE.fetch_sub(layout.size(), Relaxed);
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let p = unsafe { System.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                if new_size >= layout.size() {
                    grew(new_size - layout.size());
                } else {
                    LIVE.fetch_sub(layout.size() - new_size, Relaxed);
                }
            }
            p
        }
    }

    /// Bytes allocated at the peak of one `analyze(page)`, above what was live before it.
    fn peak_of(page: &Page) -> usize {
        let before = LIVE.load(Relaxed);
        PEAK.store(before, Relaxed);
        black_box(analyze(black_box(page)));
        PEAK.load(Relaxed) - before
    }

    /// Seconds one `analyze(page)` takes, run enough times to last about `at_least` seconds.
    fn seconds(page: &Page, at_least: f64) -> f64 {
        let mut runs = 0u32;
        let start = Instant::now();
        loop {
            black_box(analyze(black_box(page)));
            runs += 1;
            let spent = start.elapsed().as_secs_f64();
            if spent >= at_least {
                return spent / f64::from(runs);
            }
        }
    }

    fn median(mut xs: Vec<f64>) -> f64 {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    }

    struct Row {
        name: String,
        small: usize,
        large: usize,
        small_ms: f64,
        large_ms: f64,
        memory: f64,
    }

    fn measure(name: String, small: &Page, large: &Page, rounds: usize) -> Row {
        black_box(analyze(small)); // warm: lexicon parsed, caches filled
        let mut s = Vec::new();
        let mut l = Vec::new();
        for _ in 0..rounds {
            s.push(seconds(small, 0.05));
            l.push(seconds(large, 0.0));
        }
        let large_bytes = page_bytes(large);
        Row {
            name,
            small: page_bytes(small),
            large: large_bytes,
            small_ms: median(s) * 1e3,
            large_ms: median(l) * 1e3,
            memory: peak_of(large) as f64 / large_bytes as f64,
        }
    }

    fn load() -> String {
        std::fs::read_to_string("/proc/loadavg")
            .map(|l| l.split(' ').take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "?".into())
    }

    pub fn main() {
        let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
        let wanted = |name: &str| filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()));
        let rounds = 7;
        let mut rows = Vec::new();
        let load_before = load();

        // News text: the first tenth of the corpus (by bytes) against all of it, one page each.
        let blocks = common::all_blocks();
        if blocks.is_empty() {
            common::no_shared_note();
        } else if wanted("news") {
            let small = Page::new(common::first_tenth(&blocks).to_vec());
            let large = Page::new(blocks.clone());
            rows.push(measure("news (corpus as one page)".into(), &small, &large, rounds));
        }
        for p in common::pathological() {
            if !wanted(p.name) {
                continue;
            }
            let small = (p.make)(p.base);
            let large = (p.make)(p.base * 10);
            let name = format!("{} ({} → {} {})", p.name, p.base, p.base * 10, p.unit);
            rows.push(measure(name, &small, &large, rounds));
        }

        // Memory per news document: the largest ratio, and over the whole corpus.
        let docs: Vec<common::Doc> = common::articles().into_iter().chain(common::quotes_dev()).collect();
        let mut worst = (0.0f64, String::new(), 0usize);
        let (mut peak_sum, mut byte_sum) = (0usize, 0usize);
        for d in &docs {
            let page = d.page();
            let peak = peak_of(&page);
            let ratio = peak as f64 / d.bytes().max(1) as f64;
            peak_sum += peak;
            byte_sum += d.bytes();
            if ratio > worst.0 {
                worst = (ratio, d.name.clone(), d.bytes());
            }
        }

        println!("\nload average before: {load_before}; after: {}", load());
        println!("\n| input | 1× text | 10× text | 1× ms | 10× ms | 10×/1× | peak memory / text (10×) |");
        println!("|---|---|---|---|---|---|---|");
        for r in &rows {
            println!(
                "| {} | {} | {} | {:.2} | {:.1} | {:.1} | {:.1} |",
                r.name,
                size(r.small),
                size(r.large),
                r.small_ms,
                r.large_ms,
                r.large_ms / r.small_ms,
                r.memory
            );
        }
        if !docs.is_empty() {
            println!(
                "\nper news document ({}): peak memory / text {:.1} in the mean ({:.1} MB peak for {:.1} MB), at most {:.1} ({}, {})",
                docs.len(),
                peak_sum as f64 / byte_sum as f64,
                peak_sum as f64 / 1e6,
                byte_sum as f64 / 1e6,
                worst.0,
                worst.1,
                size(worst.2)
            );
        }
        let json = serde_json::json!({
            "load_average": [load_before, load()],
            "rows": rows.iter().map(|r| serde_json::json!({
                "input": r.name, "bytes_1x": r.small, "bytes_10x": r.large,
                "ms_1x": r.small_ms, "ms_10x": r.large_ms, "ratio": r.large_ms / r.small_ms,
                "peak_memory_over_text": r.memory,
            })).collect::<Vec<_>>(),
            "documents": { "count": docs.len(), "peak_over_text_mean": peak_sum as f64 / byte_sum.max(1) as f64,
                "peak_over_text_max": worst.0, "worst": worst.1 },
        });
        let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        if std::fs::create_dir_all(&out).is_ok() {
            let _ = std::fs::write(out.join("limits.json"), format!("{json:#}\n"));
        }
    }

    fn size(bytes: usize) -> String {
        if bytes >= 1_000_000 {
            format!("{:.1} MB", bytes as f64 / 1e6)
        } else {
            format!("{:.0} KB", bytes as f64 / 1e3)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: native::Counting = native::Counting;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
