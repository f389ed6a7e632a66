//! What the analysis benches read: the news text of `../shared` (when it is beside the
//! checkout) and generated pathological pages. Shared by `benches/analyze.rs` and
//! `benches/limits.rs`; `scripts/bench-peers.mjs` builds the same texts by the same rules.
//!
//! News text, as `tests/people.rs` and `scripts/people-eval.mjs` read it:
//! - **articles**: the article of each saved page of `../shared/pages` that has one — the
//!   `articleBody` of its `.truth.json` (a block per line), else Readability's `.expected.html`
//!   (a block per block-level element, tags stripped, entities decoded), whitespace squashed;
//! - **quotes-dev**: the 84 documents of `../shared/eval/quotes-dev.jsonl`, a block per line.
#![allow(dead_code)] // each bench uses part of this

use std::path::PathBuf;

use factlens::Page;

/// A document of the news corpus: its name and blocks.
pub struct Doc {
    pub name: String,
    pub blocks: Vec<String>,
}

impl Doc {
    /// UTF-8 bytes of the blocks' text.
    pub fn bytes(&self) -> usize {
        self.blocks.iter().map(String::len).sum()
    }

    pub fn page(&self) -> Page {
        Page::new(self.blocks.clone())
    }
}

/// Total UTF-8 bytes of a page's blocks.
pub fn page_bytes(page: &Page) -> usize {
    page.blocks().iter().map(String::len).sum()
}

/// `../shared`, when build.rs found its pages (and they are still there).
pub fn shared() -> Option<PathBuf> {
    let pages = PathBuf::from(option_env!("FACTLENS_PAGES")?);
    let shared = pages.parent()?.to_path_buf();
    shared.join("pages").join("README.md").is_file().then_some(shared)
}

/// Says once why the news-text benches do nothing.
pub fn no_shared_note() {
    eprintln!("note: ../shared is not beside this checkout: the news-text benches are skipped");
}

/// The article of every saved page that has one, in file-name order.
pub fn articles() -> Vec<Doc> {
    let Some(shared) = shared() else { return Vec::new() };
    let dir = shared.join("pages");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        let Ok(raw) = std::fs::read_to_string(&path) else { continue };
        let (stem, blocks) = if let Some(stem) = name.strip_suffix(".truth.json") {
            let truth: serde_json::Value = serde_json::from_str(&raw).unwrap_or_default();
            (stem, body_blocks(truth["articleBody"].as_str().unwrap_or("")))
        } else if let Some(stem) = name.strip_suffix(".expected.html") {
            (stem, html_blocks(&raw))
        } else {
            continue;
        };
        out.push(Doc { name: stem.to_string(), blocks });
    }
    out
}

/// The documents of the quote-attribution dev set.
pub fn quotes_dev() -> Vec<Doc> {
    let Some(shared) = shared() else { return Vec::new() };
    let Ok(raw) = std::fs::read_to_string(shared.join("eval").join("quotes-dev.jsonl")) else {
        return Vec::new();
    };
    raw.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|d| Doc {
            name: d["doc"].as_str().unwrap_or("").to_string(),
            blocks: body_blocks(d["text"].as_str().unwrap_or("")),
        })
        .collect()
}

/// Every block of the news corpus, articles then quotes-dev, as one list.
pub fn all_blocks() -> Vec<String> {
    articles().into_iter().chain(quotes_dev()).flat_map(|d| d.blocks).collect()
}

/// The first blocks that hold a tenth of the bytes of `blocks`.
pub fn first_tenth(blocks: &[String]) -> &[String] {
    let total: usize = blocks.iter().map(String::len).sum();
    let mut bytes = 0;
    let n = blocks.iter().take_while(|b| {
        let take = bytes < total / 10;
        bytes += b.len();
        take
    });
    &blocks[..n.count()]
}

// ---- Generated pathological pages ----------------------------------------------------------

pub use factlens::bench::Rng;

/// A made-up word, number `i` (distinct for distinct `i`).
pub fn word(mut i: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "tas", "po", "vel", "dri", "an", "sor", "en", "qui", "ba", "tor", "lem",
        "ga",
    ];
    let mut w = String::new();
    loop {
        w.push_str(SYLLABLES[i % SYLLABLES.len()]);
        i /= SYLLABLES.len();
        if i == 0 {
            return w;
        }
    }
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

/// A pathological page and how big it is, in units of `n`.
pub struct Pathological {
    pub name: &'static str,
    /// What `n` counts.
    pub unit: &'static str,
    pub make: fn(usize) -> Page,
    /// `n` for the 1× page (the figure is 10 ×, the 10× page).
    pub base: usize,
}

/// The pathological inputs of issue 8, each made at `n` (1×) and `10 n` (10×).
pub fn pathological() -> Vec<Pathological> {
    vec![
        Pathological { name: "unbalanced-quote-marks", unit: "marks", make: unbalanced_quotes, base: 10_000 },
        Pathological {
            name: "open-quote-every-block",
            unit: "blocks",
            make: open_quote_blocks,
            base: 10_000,
        },
        Pathological { name: "one-word-blocks", unit: "blocks", make: one_word_blocks, base: 10_000 },
        Pathological { name: "one-big-block", unit: "KB", make: one_big_block, base: 500 },
        Pathological { name: "capitalised-run", unit: "words", make: capitalised_run, base: 5_000 },
        Pathological { name: "capitalised-said", unit: "words", make: capitalised_said, base: 5_000 },
        Pathological {
            name: "near-identical-short",
            unit: "blocks",
            make: near_identical_short,
            base: 1_000,
        },
        Pathological { name: "near-identical-long", unit: "blocks", make: near_identical_long, base: 1_000 },
    ]
}

/// `n` quote marks in one block that never close: `"kalo "mika …`, mixing straight, curly and
/// single marks (and apostrophes), every word a possible start of a quotation.
pub fn unbalanced_quotes(n: usize) -> Page {
    const MARKS: &[&str] = &["\"", "\u{201C}", "'", "\u{2018}", "\u{201E}", "\u{00AB}"];
    let mut rng = Rng(1);
    let mut text = String::with_capacity(n * 8);
    for i in 0..n {
        text.push_str(MARKS[rng.below(MARKS.len())]);
        text.push_str(&word(rng.below(500)));
        if i % 7 == 0 {
            text.push_str(" said");
        }
        text.push(' ');
    }
    Page::new(vec![text])
}

/// `n` blocks that each open a quotation and leave it open: one multi-paragraph chain.
pub fn open_quote_blocks(n: usize) -> Page {
    let mut rng = Rng(2);
    Page::new(
        (0..n)
            .map(|_| {
                let words: Vec<String> = (0..8).map(|_| word(rng.below(2_000))).collect();
                format!("\u{201C}{} {}", capitalised(&words[0]), words[1..].join(" "))
            })
            .collect(),
    )
}

/// `n` blocks of one word each: made-up words, one in three capitalised, one in five "said".
pub fn one_word_blocks(n: usize) -> Page {
    let mut rng = Rng(3);
    Page::new(
        (0..n)
            .map(|i| match i % 15 {
                0 => "said".to_string(),
                k if k % 3 == 0 => capitalised(&word(rng.below(5_000))),
                _ => word(rng.below(5_000)),
            })
            .collect(),
    )
}

/// One block of `n` KB of news text (the corpus joined, repeated as needed), else of
/// generated sentences.
pub fn one_big_block(kb: usize) -> Page {
    let news = all_blocks();
    let mut text = String::with_capacity(kb * 1000 + 1000);
    let mut rng = Rng(4);
    let mut i = 0;
    while text.len() < kb * 1000 {
        if news.is_empty() {
            let len = 8 + rng.below(18);
            let s: Vec<String> = (0..len).map(|_| word(rng.below(20_000))).collect();
            text.push_str(&capitalised(&s.join(" ")));
            text.push_str(". ");
        } else {
            text.push_str(&news[i % news.len()]);
            text.push(' ');
            i += 1;
        }
    }
    let cut = (0..=kb * 1000).rev().find(|&c| text.is_char_boundary(c)).unwrap_or(0);
    text.truncate(cut);
    Page::new(vec![text])
}

/// `n` capitalised words in a row, in one block with no punctuation.
pub fn capitalised_run(n: usize) -> Page {
    let mut rng = Rng(5);
    let words: Vec<String> = (0..n).map(|_| capitalised(&word(rng.below(50_000)))).collect();
    Page::new(vec![words.join(" ")])
}

/// `n` capitalised words in short name runs ("Kalo Mika said, Rendri Tas and …"), with titles,
/// speech verbs and commas: every run a mention, aliases to resolve.
pub fn capitalised_said(n: usize) -> Page {
    const GLUE: &[&str] = &[" said", ", and", " told", ", the mayor of", " met President", " and Sen."];
    let mut rng = Rng(6);
    let mut text = String::with_capacity(n * 10);
    let mut i = 0;
    while i < n {
        let len = 1 + rng.below(3);
        for _ in 0..len {
            text.push(' ');
            text.push_str(&capitalised(&word(rng.below(3_000))));
        }
        text.push_str(GLUE[rng.below(GLUE.len())]);
        i += len;
    }
    Page::new(vec![text.trim_start().to_string()])
}

/// `n` short blocks (under the 8 words edited copies need) that differ in a number or two:
/// table rows, bylines, timestamps.
pub fn near_identical_short(n: usize) -> Page {
    Page::new(
        (0..n)
            .map(|i| {
                format!("Posted by Reader{} on March {} at {}:{:02}", i % 300, 1 + i % 28, 1 + i % 12, i % 60)
            })
            .collect(),
    )
}

/// `n` blocks of 16 words, every one an edited copy of every other (one big edited group).
pub fn near_identical_long(n: usize) -> Page {
    Page::new(
        (0..n)
            .map(|i| {
                format!(
                    "Posted by reader{} on March {} at {}:{:02} pm, reply to this comment or report it to the moderators",
                    i % 300,
                    1 + i % 28,
                    1 + i % 12,
                    i % 60
                )
            })
            .collect(),
    )
}

// ---- HTML and article bodies: the rules of tests/people.rs and scripts/people-eval.mjs ------

#[path = "../../tests/common/articles.rs"]
#[allow(dead_code)]
mod articles;
pub use articles::{body_blocks, html_blocks};
