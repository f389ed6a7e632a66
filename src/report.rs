//! The Report: the one output contract of the analysis, identical from the CLI and the browser.
//!
//! Offsets inside Rust are UTF-8 byte offsets into a block's text. A Report that leaves Rust
//! is first converted with [`Report::convert_offsets`] and says its unit in `offset_unit`.

use serde::{Deserialize, Serialize};

use crate::text::OffsetUnit;
use crate::Page;

/// Version of the Report format. Raised whenever a field changes meaning or is removed.
pub const REPORT_VERSION: u32 = 1;

/// Everything found in one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Format version, [`REPORT_VERSION`].
    pub version: u32,
    /// Unit of every `start`/`end` offset in this Report: `utf8`, `utf16` or `codepoint`.
    pub offset_unit: OffsetUnit,
    /// Number of blocks (paragraph-level texts) the page had.
    pub blocks: usize,
    /// Groups of blocks that repeat one another.
    pub repeats: Vec<RepeatGroup>,
    /// Direct quotations, one per block-level segment, in page order.
    pub quotes: Vec<Quote>,
    /// Named people holding a public office, with their titles and mentions.
    pub officials: Vec<Official>,
    /// Other named people, with their mentions.
    pub people: Vec<Person>,
    /// Pairs of quotes of one speaker whose wording differs slightly: a possible misquote.
    #[serde(default)]
    pub quote_drift: Vec<QuoteDrift>,
}

/// How the blocks of a [`RepeatGroup`] relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RepeatKind {
    /// Equal after normalising case, whitespace, quote, apostrophe and dash variants.
    Verbatim,
    /// Near-copies that differ by edits: changed, inserted or removed words, a cut-off end, or
    /// sentences in another order. Blocks too short to judge (under 8 words) are only ever
    /// grouped verbatim.
    Edited,
}

/// Blocks that are copies of one another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepeatGroup {
    /// Verbatim or edited.
    pub kind: RepeatKind,
    /// Indices of the blocks, ascending; at least two.
    pub blocks: Vec<usize>,
    /// Similarity of the copies, 1.0 for verbatim repeats; for edited groups the lowest
    /// similarity of a copy to the first block (see [`CopyChanges::similarity`]).
    pub similarity: f64,
    /// The first block's text, shortened to at most 120 characters, for display.
    pub excerpt: String,
    /// True when every copy lies in page furniture (navigation, header, footer, aside,
    /// caption, a link-dense list), as the caller's hints say ([`crate::Page::with_furniture`]);
    /// false without hints. Furniture repeats are usually layout, not an editing glitch.
    #[serde(default)]
    pub furniture: bool,
    /// For edited groups, how each block after the first differs from the first, in the order
    /// of `blocks`; empty for verbatim groups.
    #[serde(default)]
    pub changes: Vec<CopyChanges>,
}

/// How one copy in an edited group differs from the group's first block, word by word
/// (words compared as for repeats: after NFKC, case and quote/dash folding; punctuation
/// ignored).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyChanges {
    /// The copy's block index.
    pub block: usize,
    /// Similarity to the first block: the word-level LCS ratio `2·LCS / (words + words)`, or for
    /// reordered copies the share of words in sentences both contain, whichever is higher;
    /// 1.0 when the words are the same (the copy differs in punctuation only, or is verbatim).
    pub similarity: f64,
    /// True when the copy has the first block's sentences in another order; `inserted` and
    /// `deleted` then list the words outside the sentences they share.
    pub reordered: bool,
    /// Runs of words the copy has and the first block lacks (spans in the copy's block).
    pub inserted: Vec<WordRun>,
    /// Runs of words of the first block the copy lacks (spans in the first block).
    pub deleted: Vec<WordRun>,
}

/// Consecutive words in one block, as a span and its exact text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordRun {
    /// Block index.
    pub block: usize,
    /// Start offset inside the block.
    pub start: usize,
    /// End offset (exclusive) inside the block.
    pub end: usize,
    /// The words as written in the block.
    pub text: String,
}

/// Two quotes of the same (resolved) speaker in nearly the same words: the same statement
/// quoted twice with different wording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteDrift {
    /// The speaker's resolved name.
    pub speaker: String,
    /// Indices in `quotes` of the earlier and the later quote.
    pub quotes: [usize; 2],
    /// Word-level LCS ratio of the two quotes' words, at least 0.7 and below 1.
    pub similarity: f64,
    /// Words the later quote has and the earlier lacks (spans in the later quote's block).
    pub inserted: Vec<WordRun>,
    /// Words of the earlier quote the later lacks (spans in the earlier quote's block).
    pub deleted: Vec<WordRun>,
}

/// A span of text inside one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Block index.
    pub block: usize,
    /// Start offset inside the block, in the Report's `offset_unit`.
    pub start: usize,
    /// End offset (exclusive) inside the block, in the Report's `offset_unit`.
    pub end: usize,
}

/// One direct quotation segment: the part of a quotation that lies in one block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Block index.
    pub block: usize,
    /// Offset of the opening quote mark (or of the block start for a continuation without one).
    pub start: usize,
    /// Offset just after the closing quote mark, or the block end when the quote runs on.
    pub end: usize,
    /// The segment's exact text, quote marks included.
    pub text: String,
    /// Up to 32 characters before the segment in its block (TextQuoteSelector prefix).
    pub prefix: String,
    /// Up to 32 characters after the segment in its block (TextQuoteSelector suffix).
    pub suffix: String,
    /// The speaker mention as written ("he", "the White House spokesman", "Earnest"), if any.
    pub speaker: Option<String>,
    /// Where that mention is.
    pub speaker_span: Option<Span>,
    /// The full name the mention refers to ("Josh Earnest"), if it could be resolved.
    pub speaker_resolved: Option<String>,
    /// Index in `officials` of the official the quote is attributed to.
    pub official: Option<usize>,
    /// Index in `people` of the person (without a title) the quote is attributed to.
    pub person: Option<usize>,
    /// Index in `quotes` of the first segment of a quotation that spans several blocks;
    /// `None` for a quotation that lies in one block.
    pub chain: Option<usize>,
}

/// One place where an official is named or referred to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Block index.
    pub block: usize,
    /// Start offset inside the block.
    pub start: usize,
    /// End offset inside the block.
    pub end: usize,
    /// The mention's exact text ("(Russian) President (Vladimir) Putin", "Medvedev").
    pub text: String,
    /// True for a bare surname that several people on the page share ("Clinton" beside
    /// Bill and Hillary Clinton): it was given to the one named in full nearest before it.
    pub ambiguous: bool,
}

/// A named person with a public-office title; every mention of them merged into one entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Official {
    /// The fullest form of the name found ("Vladimir Putin").
    pub name: String,
    /// Titles as written, without country or organisation ("President", "Press Secretary").
    pub titles: Vec<String>,
    /// Country, when a modifier states it ("Russia" from "Russian Foreign Minister").
    pub country: Option<String>,
    /// Organisation, when a modifier states it ("White House").
    pub organisation: Option<String>,
    /// Every mention, in page order.
    pub mentions: Vec<Mention>,
    /// How many quote segments are attributed to this official.
    pub quotes: usize,
}

/// A named person without a title of office; every mention merged into one entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest form of the name found.
    pub name: String,
    /// Every mention, in page order.
    pub mentions: Vec<Mention>,
    /// How many quote segments are attributed to this person.
    pub quotes: usize,
}

impl Report {
    /// Rewrites every offset from UTF-8 into `unit`, using the page's block texts.
    /// A Report whose offsets are not UTF-8 any more is returned unchanged.
    pub fn convert_offsets(mut self, page: &Page, unit: OffsetUnit) -> Report {
        if unit == self.offset_unit || self.offset_unit != OffsetUnit::Utf8 {
            return self;
        }
        let mut offsets = Offsets { blocks: page.blocks(), unit, marks: Vec::new() };
        let mut conv = |block: usize, off: usize| offsets.convert(block, off);
        for q in &mut self.quotes {
            let (s, e) = (conv(q.block, q.start), conv(q.block, q.end));
            q.start = s;
            q.end = e;
            if let Some(sp) = &mut q.speaker_span {
                let (s, e) = (conv(sp.block, sp.start), conv(sp.block, sp.end));
                sp.start = s;
                sp.end = e;
            }
        }
        let all_mentions = self
            .officials
            .iter_mut()
            .flat_map(|o| o.mentions.iter_mut())
            .chain(self.people.iter_mut().flat_map(|p| p.mentions.iter_mut()));
        for m in all_mentions {
            let (s, e) = (conv(m.block, m.start), conv(m.block, m.end));
            m.start = s;
            m.end = e;
        }
        let runs = self
            .repeats
            .iter_mut()
            .flat_map(|g| &mut g.changes)
            .flat_map(|c| c.inserted.iter_mut().chain(c.deleted.iter_mut()));
        let drift =
            self.quote_drift.iter_mut().flat_map(|d| d.inserted.iter_mut().chain(d.deleted.iter_mut()));
        for r in runs.chain(drift) {
            let (s, e) = (conv(r.block, r.start), conv(r.block, r.end));
            r.start = s;
            r.end = e;
        }
        self.offset_unit = unit;
        self
    }
}

/// Converts UTF-8 offsets into the blocks of a page to another unit, each in time independent
/// of the offset: [`crate::text::convert_offset`] counts from the block's start, which for the
/// many findings of one long block was quadratic. A long block's marks are made on first need;
/// a block of at most 1 KB is counted from its start.
struct Offsets<'a> {
    blocks: &'a [String],
    unit: OffsetUnit,
    /// Per block: empty when it is ASCII (offsets are the same in every unit), else the byte
    /// offset and the offset in `unit` of a character boundary every [`MARK_EVERY`] bytes.
    marks: Vec<Option<Vec<(usize, usize)>>>,
}

/// Bytes between two marks of [`Offsets`].
const MARK_EVERY: usize = 256;

impl Offsets<'_> {
    /// `crate::text::convert_offset(&blocks[block], off, unit)`.
    fn convert(&mut self, block: usize, off: usize) -> usize {
        let text = &self.blocks[block];
        let end = crate::text::floor_boundary(text, off);
        if self.unit == OffsetUnit::Utf8 {
            return end;
        }
        // A short block costs as little counted from its start as from a mark.
        if text.len() <= 4 * MARK_EVERY {
            return crate::text::convert_offset(text, end, self.unit);
        }
        if self.marks.is_empty() {
            self.marks = vec![None; self.blocks.len()];
        }
        let unit = self.unit;
        let marks = self.marks[block].get_or_insert_with(|| {
            if text.is_ascii() {
                return Vec::new();
            }
            let mut marks = vec![(0, 0)];
            let mut counted = 0;
            for (i, c) in text.char_indices() {
                if i >= marks[marks.len() - 1].0 + MARK_EVERY {
                    marks.push((i, counted));
                }
                counted += match unit {
                    OffsetUnit::Utf16 => c.len_utf16(),
                    _ => 1,
                };
            }
            marks
        });
        if marks.is_empty() {
            return end;
        }
        let (from, counted) = marks[marks.partition_point(|&(b, _)| b <= end) - 1];
        counted + crate::text::convert_offset(&text[from..], end - from, unit)
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    /// Offsets converts as `text::convert_offset` does, at every byte of blocks long enough to
    /// have many marks, with characters of 1 to 4 bytes and 1 or 2 UTF-16 units.
    #[test]
    fn offsets_agree_with_convert_offset() {
        let pieces = ["a", "é", "中", "😀", " ", "e\u{0301}", "\u{201C}"];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let blocks: Vec<String> = (0..6)
            .map(|b| {
                (0..b * b * 100)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        pieces[(state % pieces.len() as u64) as usize]
                    })
                    .collect()
            })
            .chain(["plain ascii text".to_string()])
            .collect();
        for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::Codepoint] {
            let mut offsets = Offsets { blocks: &blocks, unit, marks: Vec::new() };
            // Backwards too, so that marks made once serve offsets before the last one asked.
            for (b, text) in blocks.iter().enumerate().rev() {
                for off in (0..=text.len() + 2).rev() {
                    assert_eq!(
                        offsets.convert(b, off),
                        crate::text::convert_offset(text, off, unit),
                        "{unit:?} {b} {off}"
                    );
                }
            }
        }
    }
}
