//! The whole analysis on news text, stage by stage, and on pathological pages at 1× and 10×.
//! `cargo bench --bench analyze` (release profile, as shipped); `-- stages` or any criterion
//! filter picks groups. Throughput is in bytes of block text.
//!
//! - `news/*`: `analyze` on every article of `../shared/pages` and every document of
//!   `../shared/eval/quotes-dev.jsonl`, one page at a time (see `benches/common/mod.rs`).
//! - `stages/*`: each stage of `analyze_with` alone on the articles, on the input the stages
//!   before it produced: normalise (NFKC, compare words, verbatim hashes), repeats, quotes,
//!   names, officials, attribution, report (the Report, quote drift, UTF-16 offsets).
//! - `scaling/news`: one page of the first tenth of the corpus (by bytes), and of all of it.
//! - `pathological/*`: the generated pages of `common::pathological()` at n and 10 n.
//!
//! The news benches are skipped, with a note, when `../shared` is not beside the checkout.
//! `benches/limits.rs` prints the 10×/1× time ratios and peak memory as a table.

#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
    use factlens::bench::{normalise_only, Stages};
    use factlens::{analyze, Page};

    use crate::common::{self, page_bytes};

    fn quick<'c>(
        c: &'c mut Criterion,
        name: &str,
    ) -> criterion::BenchmarkGroup<'c, criterion::measurement::WallTime> {
        let mut group = c.benchmark_group(name);
        group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
        group
    }

    fn news(c: &mut Criterion) {
        let sets = [("articles", common::articles()), ("quotes-dev", common::quotes_dev())];
        if sets.iter().all(|(_, docs)| docs.is_empty()) {
            common::no_shared_note();
            return;
        }
        let mut group = quick(c, "news");
        for (name, docs) in &sets {
            let pages: Vec<Page> = docs.iter().map(|d| d.page()).collect();
            let bytes: usize = pages.iter().map(page_bytes).sum();
            eprintln!("news/{name}: {} documents, {:.1} KB", pages.len(), bytes as f64 / 1e3);
            group.throughput(Throughput::Bytes(bytes as u64));
            group.bench_function(*name, |b| {
                b.iter(|| {
                    for page in &pages {
                        black_box(analyze(black_box(page)));
                    }
                })
            });
        }
        group.finish();
    }

    fn stages(c: &mut Criterion) {
        let pages: Vec<Page> = common::articles().iter().map(|d| d.page()).collect();
        if pages.is_empty() {
            common::no_shared_note();
            return;
        }
        let bytes: usize = pages.iter().map(page_bytes).sum();
        let prepared: Vec<Stages> = pages.iter().map(Stages::prepare).collect();
        let mut group = quick(c, "stages");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("normalise", |b| {
            b.iter(|| pages.iter().map(|p| normalise_only(black_box(p))).sum::<usize>())
        });
        type Stage = fn(&Stages) -> usize;
        let stages: [(&str, Stage); 6] = [
            ("repeats", Stages::repeats),
            ("quotes", Stages::quotes),
            ("names", Stages::names),
            ("officials", Stages::officials),
            ("attribution", Stages::attribution),
            ("report", Stages::report),
        ];
        for (name, stage) in stages {
            group.bench_function(name, |b| {
                b.iter(|| prepared.iter().map(|s| stage(black_box(s))).sum::<usize>())
            });
        }
        group.bench_function("all (analyze)", |b| {
            b.iter(|| {
                for page in &pages {
                    black_box(analyze(black_box(page)));
                }
            })
        });
        group.finish();
    }

    fn scaling(c: &mut Criterion) {
        let blocks = common::all_blocks();
        if blocks.is_empty() {
            common::no_shared_note();
            return;
        }
        let mut group = quick(c, "scaling/news");
        for (label, n) in [("1x", common::first_tenth(&blocks).len()), ("10x", blocks.len())] {
            let page = Page::new(blocks[..n].to_vec());
            group.throughput(Throughput::Bytes(page_bytes(&page) as u64));
            group.bench_with_input(BenchmarkId::from_parameter(label), &page, |b, page| {
                b.iter(|| black_box(analyze(black_box(page))))
            });
        }
        group.finish();
    }

    fn pathological(c: &mut Criterion) {
        for p in common::pathological() {
            let mut group = quick(c, &format!("pathological/{}", p.name));
            for (label, n) in [("1x", p.base), ("10x", p.base * 10)] {
                let page = (p.make)(n);
                group.throughput(Throughput::Bytes(page_bytes(&page) as u64));
                group.bench_with_input(
                    BenchmarkId::new(label, format!("{n} {}", p.unit)),
                    &page,
                    |b, page| b.iter(|| black_box(analyze(black_box(page)))),
                );
            }
            group.finish();
        }
    }

    criterion_group!(benches, news, stages, scaling, pathological);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
