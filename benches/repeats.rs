//! Repeated-paragraph detection on generated pages: time against the number of blocks (1 k to
//! 100 k blocks of about 500 bytes, so 10 k blocks are 5 MB), and pathological pages of
//! thousands of near-identical blocks. `cargo bench --bench repeats`; the release profile
//! (opt-level "z", as shipped) applies.
//!
//! The text is generated (a Zipf-distributed vocabulary of 20 000 made-up words, sentences of
//! 8 to 25 words), and one block in 20 is a copy of an earlier one: verbatim, edited (10 % of
//! words), with an inserted phrase, truncated to 70 %, or with its sentences rotated.

#[cfg(not(target_arch = "wasm32"))]
mod common;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
    use factlens::bench::Rng;
    use factlens::{analyze, find_repeats, Page};

    use crate::common;

    /// Made-up words with Zipf-distributed frequencies.
    pub struct Vocabulary {
        words: Vec<String>,
        /// Cumulative weights 1/rank, scaled to u64.
        cumulative: Vec<u64>,
    }

    impl Vocabulary {
        pub fn new(size: usize) -> Vocabulary {
            const SYLLABLES: &[&str] = &[
                "ka", "lo", "mi", "ren", "tas", "po", "vel", "dri", "an", "sor", "en", "qui", "ba", "tor",
                "lem", "ga", "hu", "nis", "ope", "ral",
            ];
            let words = (0..size)
                .map(|mut i| {
                    let mut w = String::new();
                    loop {
                        w.push_str(SYLLABLES[i % SYLLABLES.len()]);
                        i /= SYLLABLES.len();
                        if i == 0 {
                            break;
                        }
                    }
                    w
                })
                .collect();
            let total: f64 = (1..=size).map(|r| 1.0 / r as f64).sum();
            let mut acc = 0.0;
            let cumulative = (1..=size)
                .map(|r| {
                    acc += 1.0 / r as f64 / total;
                    (acc * u64::MAX as f64) as u64
                })
                .collect();
            Vocabulary { words, cumulative }
        }

        pub fn word(&self, rng: &mut Rng) -> &str {
            let x = rng.next_u64();
            let i = self.cumulative.partition_point(|&c| c < x).min(self.words.len() - 1);
            &self.words[i]
        }
    }

    /// A paragraph of about `words` words in sentences of 8 to 25 words.
    pub fn paragraph(v: &Vocabulary, rng: &mut Rng, words: usize) -> String {
        let mut out = String::new();
        let mut left = words;
        while left > 0 {
            let len = (8 + rng.below(18)).min(left);
            for k in 0..len {
                let w = v.word(rng);
                if k == 0 {
                    let mut c = w.chars();
                    out.extend(c.next().map(|f| f.to_ascii_uppercase()));
                    out.push_str(c.as_str());
                } else {
                    out.push(' ');
                    out.push_str(w);
                }
            }
            out.push_str(". ");
            left -= len;
        }
        out.pop();
        out
    }

    /// A page of `n` blocks of about 80 words (≈ 500 bytes); every 20th a copy of an earlier one.
    pub fn page(n: usize, seed: u64) -> Vec<String> {
        let v = Vocabulary::new(20_000);
        let mut rng = Rng(seed);
        let mut blocks: Vec<String> = Vec::with_capacity(n);
        for i in 0..n {
            if i >= 20 && i % 20 == 0 {
                let src = blocks[rng.below(i)].clone();
                let words: Vec<&str> = src.split(' ').collect();
                let copy = match (i / 20) % 5 {
                    0 => src.clone(),
                    1 => words
                        .iter()
                        .map(|w| if rng.below(10) == 0 { "changed" } else { w })
                        .collect::<Vec<_>>()
                        .join(" "),
                    2 => {
                        let at = rng.below(words.len());
                        format!(
                            "{} Also Read: a headline of the day {}",
                            words[..at].join(" "),
                            words[at..].join(" ")
                        )
                    }
                    3 => words[..words.len() * 7 / 10].join(" "),
                    _ => {
                        let mut s: Vec<&str> = src.split(". ").collect();
                        s.rotate_left(1);
                        s.join(". ")
                    }
                };
                blocks.push(copy);
            } else {
                let len = 50 + rng.below(60);
                blocks.push(paragraph(&v, &mut rng, len));
            }
        }
        blocks
    }

    fn scaling(c: &mut Criterion) {
        let mut group = c.benchmark_group("repeats/blocks");
        group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
        for n in [1_000, 3_000, 10_000, 30_000, 100_000] {
            let page = Page::new(page(n, 42));
            let bytes: usize = page.blocks().iter().map(String::len).sum();
            eprintln!("repeats/blocks/{n}: {:.1} MB", bytes as f64 / 1e6);
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), &page, |b, page| {
                b.iter(|| black_box(find_repeats(black_box(page))))
            });
        }
        group.finish();
    }

    fn pathological(c: &mut Criterion) {
        let mut group = c.benchmark_group("repeats/pathological");
        group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
        let n = 10_000;
        // Table rows: short, near-identical, many exact repeats (only verbatim ones group).
        let rows: Vec<String> = (0..n)
            .map(|i| format!("{} | {} | {} | {}", i % 97, (i * 7) % 13, i % 5, (i * 31) % 11))
            .collect();
        // Long near-identical rows: every one a near-copy of every other (one big edited group).
        let posts = common::near_identical_long(n).blocks().to_vec();
        // Many distinct long blocks that share most of their word pairs with each other.
        let v = Vocabulary::new(60);
        let mut rng = Rng(7);
        let narrow: Vec<String> = (0..n).map(|_| paragraph(&v, &mut rng, 40)).collect();
        for (name, blocks) in
            [("table-rows", rows), ("near-identical-posts", posts), ("60-word-vocabulary", narrow)]
        {
            let page = Page::new(blocks);
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new(name, n), &page, |b, page| {
                b.iter(|| black_box(find_repeats(black_box(page))))
            });
        }
        group.finish();
    }

    fn whole_analysis(c: &mut Criterion) {
        let mut group = c.benchmark_group("analyze");
        group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5));
        let page = Page::new(page(10_000, 42));
        group.bench_function("10000-blocks", |b| b.iter(|| black_box(analyze(black_box(&page)))));
        group.finish();
    }

    criterion_group!(benches, scaling, pathological, whole_analysis);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
