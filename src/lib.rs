//! factlens: finds, in the text of a news page, repeated paragraphs, direct quotations with
//! who said them, and named officials with their titles.
//!
//! The core is pure: it takes a [`Page`] (the page's text as an ordered list of blocks, one per
//! paragraph) and returns a [`Report`]. It never sees a DOM, so it builds, runs and is tested
//! natively; the browser glue lives in the `web` module, compiled only for wasm32.
//!
//! ```
//! let page = factlens::Page::from_text("\"We will win,\" Mayor Ann Rivera said.\n");
//! let report = factlens::analyze(&page);
//! assert_eq!(report.quotes[0].speaker_resolved.as_deref(), Some("Ann Rivera"));
//! assert_eq!(report.officials[0].titles, ["Mayor"]);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod attribution;
mod lexicon;
mod names;
mod officials;
mod quotes;
mod repeats;
mod report;
mod speaker;
mod text;

#[doc(hidden)]
pub mod invariants;
pub mod jsonl;
#[cfg(target_arch = "wasm32")]
pub mod web;

#[doc(hidden)]
pub mod bench;

pub use report::{
    CopyChanges, Mention, Official, Quote, QuoteDrift, RepeatGroup, RepeatKind, Report, Span, WordRun,
    REPORT_VERSION,
};
pub use text::{convert_offset, native_nfkc, to_utf8_offset, Nfkc, OffsetUnit};

/// The text of a page: an ordered list of blocks (paragraph-level texts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    blocks: Vec<String>,
    /// For pages read from plain text: the byte offset of each block in that text.
    sources: Vec<usize>,
    /// The page's language (BCP 47), when known.
    lang: Option<String>,
    /// Which blocks are page furniture rather than article text (empty: none).
    furniture: Vec<bool>,
}

impl Page {
    /// A page from blocks as they are. Empty blocks are kept so that indices match the caller's.
    pub fn new(blocks: Vec<String>) -> Page {
        Page { blocks, sources: Vec::new(), lang: None, furniture: Vec::new() }
    }

    /// Marks blocks as page furniture — navigation, header, footer, aside, caption, a
    /// link-dense list — as the caller sees them in the page (`furniture[i]` for block `i`;
    /// blocks past the end are article text). Repeats of furniture are kept but marked.
    pub fn with_furniture(mut self, furniture: Vec<bool>) -> Page {
        self.furniture = furniture;
        self
    }

    /// Whether block `i` was marked as page furniture.
    pub fn is_furniture(&self, i: usize) -> bool {
        self.furniture.get(i).copied().unwrap_or(false)
    }

    /// A page from plain text: every line break ends a block, surrounding whitespace is trimmed
    /// and lines that are empty or blank are dropped.
    pub fn from_text(text: &str) -> Page {
        let mut page = Page::default();
        let mut at = 0;
        for line in text.split_inclusive(['\n', '\r']) {
            let start = at;
            at += line.len();
            let trimmed = line.trim_start();
            let lead = line.len() - trimmed.len();
            let trimmed = trimmed.trim_end();
            if !trimmed.is_empty() {
                page.blocks.push(trimmed.to_string());
                page.sources.push(start + lead);
            }
        }
        page
    }

    /// The same page, said to be in language `lang` (a BCP 47 tag such as "en", "fr-CA").
    /// French, German and Spanish add their speech verbs and pronouns to the English ones.
    pub fn with_lang(mut self, lang: &str) -> Page {
        let lang = lang.trim();
        self.lang = (!lang.is_empty()).then(|| lang.to_string());
        self
    }

    /// The page's language, when known.
    pub fn lang(&self) -> Option<&str> {
        self.lang.as_deref()
    }

    /// The blocks' texts.
    pub fn blocks(&self) -> &[String] {
        &self.blocks
    }

    /// For a page made by [`Page::from_text`], the byte offset of block `i` in the original text.
    pub fn source_offset(&self, i: usize) -> Option<usize> {
        self.sources.get(i).copied()
    }
}

/// Analyses a page. Offsets in the returned Report are UTF-8 byte offsets into each block;
/// use [`Report::convert_offsets`] for UTF-16 or code points. Text is compared in NFKC form
/// through [`native_nfkc`] (on wasm32 there is none: the browser glue calls [`analyze_with`]).
pub fn analyze(page: &Page) -> Report {
    analyze_with(page, native_nfkc())
}

/// Only the repeated paragraphs of a page: the groups [`analyze`] puts in `Report::repeats`.
pub fn find_repeats(page: &Page) -> Vec<RepeatGroup> {
    let words = repeats::Words::read(page.blocks(), native_nfkc());
    repeats::find(page.blocks(), &words, |b| page.is_furniture(b))
}

/// Analyses a page, bringing text to NFKC with `nfkc` before comparing (`None`: compare the
/// text as it is). The Report is the same for any correct NFKC.
pub fn analyze_with(page: &Page, nfkc: Option<Nfkc>) -> Report {
    let blocks = page.blocks();
    let lx = lexicon::Lexicon::for_lang(page.lang());
    let words = repeats::Words::read(blocks, nfkc);
    let repeats = repeats::find(blocks, &words, |b| page.is_furniture(b));
    let spans = quotes::find(lx, blocks);
    let names = names::NameIndex::build(blocks, &spans);
    let mut roster = officials::find(&names);
    let quotes = attribution::attribute(lx, blocks, &spans, &names, &mut roster);
    let (officials, people) = roster.into_report(blocks);
    let quote_drift = repeats::quote_drift(blocks, &words, &quotes);
    Report {
        version: REPORT_VERSION,
        offset_unit: OffsetUnit::Utf8,
        blocks: blocks.len(),
        repeats,
        quotes,
        officials,
        people,
        quote_drift,
    }
}
