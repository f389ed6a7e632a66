//! Compare words: the words of every block after NFKC and folding (case; quote, apostrophe and
//! dash variants; invisible characters dropped), each numbered by its folded text and carrying
//! the byte range in the original block it came from.
//!
//! A word is a run of letters and digits (and combining marks), joined across an apostrophe or
//! hyphen between letters (`o'brien`, `cross-border`) and across a period or comma between
//! digits (`4.5`, `310,000`). Han and kana characters are a word each, as those scripts do not
//! space their words. A `.`, `!`, `?` or `…` after a word ends a sentence.
//!
//! The same pass hashes each block's verbatim compare form (what `text::compare_chars`
//! yields): it sees the same folded characters, collapses whitespace the same way, and holds
//! back punctuation until a later character shows it is not trailing.

use std::collections::HashMap;
use std::hash::Hasher;

use super::hash::{Fx, FxBuild};
use crate::text::{self, CompatRun, Nfkc};

/// The compare words of every block of a page.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// Block `b`'s words are `starts[b]..starts[b + 1]` of the arrays below.
    starts: Vec<usize>,
    /// The word's number: equal numbers, equal folded text.
    ids: Vec<u32>,
    /// Byte range in the original block: the word itself, or, for a word from a run that NFKC
    /// changed, that whole run.
    spans: Vec<(u32, u32)>,
    /// Whether a sentence ends after the word.
    sentence_end: Vec<bool>,
    /// Per block, the runs whose NFKC form differs from the text.
    compat: Vec<Vec<CompatRun>>,
    /// Per block, the hash of its compare form, or `None` when that is empty.
    verbatim: Vec<Option<u64>>,
    /// How many distinct words there are (ids are `0..vocabulary`).
    vocabulary: usize,
}

impl Words {
    /// Reads every block once. `nfkc` brings runs to compatibility form (see [`text::Nfkc`]).
    pub fn read(blocks: &[String], nfkc: Option<Nfkc>) -> Words {
        let compat = text::compat_runs(blocks, nfkc);
        let total: usize = blocks.iter().map(String::len).sum();
        let mut reader = Reader {
            words: Words {
                starts: Vec::with_capacity(blocks.len() + 1),
                ids: Vec::with_capacity(total / 6),
                spans: Vec::with_capacity(total / 6),
                sentence_end: Vec::with_capacity(total / 6),
                ..Words::default()
            },
            // Room for a page's vocabulary, which news text keeps under a word in 24 bytes.
            names: HashMap::with_capacity_and_hasher(total / 96, FxBuild::default()),
            short_names: HashMap::with_capacity_and_hasher(total / 32, FxBuild::default()),
            word: String::new(),
            span: (0, 0),
            pending: None,
            form: CompareHash::default(),
        };
        for (block, runs) in blocks.iter().zip(&compat) {
            reader.words.starts.push(reader.words.ids.len());
            let mut at = 0;
            for run in runs {
                reader.plain(block, at, run.start);
                for c in run.form.chars() {
                    reader.fold(c, run.start as u32, run.end as u32);
                }
                at = run.end;
            }
            reader.plain(block, at, block.len());
            reader.pending = None;
            reader.flush();
            reader.end_sentence();
            let form = std::mem::take(&mut reader.form);
            reader.words.verbatim.push(form.committed.then(|| form.hash.finish()));
        }
        reader.words.starts.push(reader.words.ids.len());
        reader.words.vocabulary = reader.names.len() + reader.short_names.len();
        reader.words.compat = compat;
        reader.words
    }

    /// Number of blocks.
    pub fn blocks(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn range(&self, block: usize) -> std::ops::Range<usize> {
        self.starts[block]..self.starts[block + 1]
    }

    /// The word numbers of a block.
    pub fn ids(&self, block: usize) -> &[u32] {
        &self.ids[self.range(block)]
    }

    /// The original byte ranges of a block's words.
    pub fn spans(&self, block: usize) -> &[(u32, u32)] {
        &self.spans[self.range(block)]
    }

    /// For each word of a block, whether a sentence ends after it.
    pub fn sentence_ends(&self, block: usize) -> &[bool] {
        &self.sentence_end[self.range(block)]
    }

    /// The runs of a block that NFKC changed.
    pub fn compat(&self, block: usize) -> &[CompatRun] {
        &self.compat[block]
    }

    /// How many distinct words the page has.
    pub fn vocabulary(&self) -> usize {
        self.vocabulary
    }

    /// The hash of a block's verbatim compare form (`text::compare_chars`), or `None` when
    /// that form is empty. Equal forms, equal hashes.
    pub fn verbatim_hash(&self, block: usize) -> Option<u64> {
        self.verbatim[block]
    }
}

/// The running hash of a block's compare form.
#[derive(Default)]
struct CompareHash {
    hash: Fx,
    /// Punctuation (and a space) seen since the last character committed to the hash: kept
    /// out unless something follows, as the form drops trailing punctuation.
    held: Vec<char>,
    /// Whitespace since the last character, after the first one.
    space: bool,
    started: bool,
    /// Some character is in the hash.
    committed: bool,
}

impl CompareHash {
    /// Takes the next folded character of the block.
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = self.started;
            return;
        }
        self.started = true;
        if self.space {
            self.space = false;
            self.held.push(' ');
        }
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '-' | '\u{2026}') {
            self.held.push(c);
            return;
        }
        for h in self.held.drain(..) {
            self.hash.write_u32(h as u32);
        }
        self.hash.write_u32(c as u32);
        self.committed = true;
    }
}

struct Reader {
    words: Words,
    /// Numbers of words longer than 8 bytes.
    names: HashMap<Box<str>, u32, FxBuild>,
    /// Numbers of words of up to 8 bytes, by their bytes packed into a u64 (zero-padded: a
    /// word never holds a zero byte).
    short_names: HashMap<u64, u32, FxBuild>,
    /// The folded text of the word being read, empty between words.
    word: String,
    span: (u32, u32),
    /// A joiner (apostrophe, hyphen, period, comma) seen right after the word, kept if the
    /// word goes on after it.
    pending: Option<char>,
    /// The block's compare form, hashed as it goes.
    form: CompareHash,
}

impl Reader {
    /// Feeds `block[from..to]`, each character with its own range (ASCII byte by byte).
    fn plain(&mut self, block: &str, from: usize, to: usize) {
        let bytes = block.as_bytes();
        let mut i = from;
        while i < to {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() && self.inside_word() {
                // Letters and digits in the middle of a word, the usual bytes: what `push` does
                // with each, without the tests that cannot apply, for the whole run.
                let run = bytes[i..to].iter().position(|b| !b.is_ascii_alphanumeric()).map_or(to, |n| i + n);
                self.word.reserve(run - i);
                for &b in &bytes[i..run] {
                    let c = b.to_ascii_lowercase();
                    self.form.hash.write_u32(u32::from(c));
                    self.word.push(char::from(c));
                }
                self.span.1 = self.span.1.max(run as u32);
                i = run;
            } else if b == b' ' && self.pending.is_none() {
                // A space after a word or another space: what `push` does with it.
                self.form.space = self.form.started;
                self.flush();
                i += 1;
            } else if b.is_ascii() {
                let c = if b == b'`' { '\'' } else { char::from(b.to_ascii_lowercase()) };
                self.push(c, i as u32, i as u32 + 1);
                i += 1;
            } else {
                let c = block[i..].chars().next().unwrap_or(' ');
                let end = i + c.len_utf8();
                self.fold(c, i as u32, end as u32);
                i = end;
            }
        }
    }

    /// Whether the next letter or digit only extends the current word and the compare form:
    /// a word is being read, no joiner waits to be kept or dropped, and no space or punctuation
    /// waits to go into the form's hash.
    fn inside_word(&self) -> bool {
        !self.word.is_empty() && self.pending.is_none() && self.form.held.is_empty() && !self.form.space
    }

    /// Folds one character (as `normalize_for_compare` does) and feeds the result.
    fn fold(&mut self, c: char, start: u32, end: u32) {
        if text::is_invisible(c) {
            return;
        }
        if c == '`' {
            self.push('\'', start, end);
        } else if c.is_ascii() {
            self.push(c.to_ascii_lowercase(), start, end);
        } else if text::is_double_quote_variant(c) {
            self.push('"', start, end);
        } else if text::is_single_quote_variant(c) {
            self.push('\'', start, end);
        } else if text::is_dash_variant(c) {
            self.push('-', start, end);
        } else {
            for l in c.to_lowercase() {
                self.push(l, start, end);
            }
        }
    }

    fn push(&mut self, c: char, start: u32, end: u32) {
        self.form.push(c);
        let in_word = !self.word.is_empty();
        if is_spaceless_script(c) {
            self.pending = None;
            self.flush();
            self.extend(c, start, end);
            self.flush();
            return;
        }
        if c.is_alphanumeric() || (in_word && text::is_combining(c)) {
            if let Some(j) = self.pending.take() {
                let last = self.word.chars().next_back().unwrap_or(' ');
                let joins = match j {
                    '.' | ',' => last.is_ascii_digit() && c.is_ascii_digit(),
                    _ => true,
                };
                if joins {
                    self.word.push(j);
                } else {
                    self.flush();
                }
            }
            self.extend(c, start, end);
            return;
        }
        if in_word && self.pending.is_none() && matches!(c, '\'' | '-' | '.' | ',') {
            self.pending = Some(c);
            return;
        }
        let pending = self.pending.take();
        self.flush();
        if matches!(c, '.' | '!' | '?' | '\u{2026}') || pending == Some('.') {
            self.end_sentence();
        }
    }

    fn extend(&mut self, c: char, start: u32, end: u32) {
        if self.word.is_empty() {
            self.span = (start, end);
        } else {
            self.span.1 = self.span.1.max(end);
        }
        self.word.push(c);
    }

    fn flush(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let next = (self.names.len() + self.short_names.len()) as u32;
        let bytes = self.word.as_bytes();
        let id = if bytes.len() <= 8 {
            let mut packed = [0u8; 8];
            packed[..bytes.len()].copy_from_slice(bytes);
            *self.short_names.entry(u64::from_le_bytes(packed)).or_insert(next)
        } else {
            match self.names.get(self.word.as_str()) {
                Some(&id) => id,
                None => {
                    self.names.insert(self.word.as_str().into(), next);
                    next
                }
            }
        };
        self.words.ids.push(id);
        self.words.spans.push(self.span);
        self.words.sentence_end.push(false);
        self.word.clear();
    }

    /// Marks the block's last word, if it has one, as the end of a sentence.
    fn end_sentence(&mut self) {
        let block_start = self.words.starts.last().copied().unwrap_or(0);
        if self.words.ids.len() > block_start {
            if let Some(last) = self.words.sentence_end.last_mut() {
                *last = true;
            }
        }
    }
}

/// Han ideographs and kana: scripts written without spaces, one word per character here.
fn is_spaceless_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of one block, each as the original text it came from.
    fn words_of(block: &str) -> Vec<String> {
        let w = Words::read(&[block.to_string()], text::native_nfkc());
        w.spans(0).iter().map(|&(s, e)| block[s as usize..e as usize].to_string()).collect()
    }

    #[test]
    fn table() {
        type Case<'a> = (&'a str, &'a str, &'a [&'a str]);
        let cases: &[Case] = &[
            ("plain", "The cat sat.", &["The", "cat", "sat"]),
            (
                "apostrophe and hyphen join",
                "O\u{2019}Brien\u{2019}s cross-border deal",
                &["O\u{2019}Brien\u{2019}s", "cross-border", "deal"],
            ),
            (
                "numbers keep their separators",
                "$4.5 million, 310,000 people",
                &["4.5", "million", "310,000", "people"],
            ),
            ("a period between letters splits", "the U.S. team", &["the", "U", "S", "team"]),
            (
                "leading and trailing joiners drop",
                "'quoted' -dash- students'",
                &["quoted", "dash", "students"],
            ),
            ("zero-width characters vanish", "zero\u{200B}width", &["zero\u{200B}width"]),
            (
                "han is one word per character",
                "\u{5317}\u{4EAC}\u{5E02}",
                &["\u{5317}", "\u{4EAC}", "\u{5E02}"],
            ),
            ("an NFKC run keeps its whole range", "a \u{FB01}ne day", &["a", "\u{FB01}ne", "day"]),
        ];
        for (name, input, want) in cases {
            assert_eq!(words_of(input), *want, "{name}");
        }
    }

    #[test]
    fn folding_makes_variants_one_word() {
        let blocks: Vec<String> = [
            "Don\u{2019}t STOP \u{FF21}\u{FF22}\u{FF23} \u{FB01}nal caf\u{0065}\u{0301}",
            "don't stop ABC final caf\u{00E9}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let w = Words::read(&blocks, text::native_nfkc());
        assert_eq!(w.ids(0), w.ids(1));
        assert_eq!(w.vocabulary(), 5);
        // Without NFKC the full-width letters, the ligature and the decomposed é differ.
        let raw = Words::read(&blocks, None);
        assert_ne!(raw.ids(0), raw.ids(1));
    }

    /// The hash made while reading agrees with the compare form: equal forms, equal hashes;
    /// different forms, different hashes (on random text over a small alphabet, where equal
    /// forms are common); empty form, no hash.
    #[test]
    fn verbatim_hash_follows_the_compare_form() {
        let alphabet: Vec<char> =
            "ab .,;!?\"'`-\u{2026}\u{201C}\u{2019}\u{2014}\u{00A0}\u{200B}\u{00C9}\u{0130}\u{FB01}\u{FF21}\n"
                .chars()
                .collect();
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..200 {
            let blocks: Vec<String> =
                (0..40).map(|_| (0..next(7)).map(|_| alphabet[next(alphabet.len())]).collect()).collect();
            let w = Words::read(&blocks, text::native_nfkc());
            let forms: Vec<String> = (0..blocks.len())
                .map(|b| text::normalize_for_compare(&text::apply_compat(&blocks[b], w.compat(b))))
                .collect();
            for a in 0..blocks.len() {
                assert_eq!(w.verbatim_hash(a).is_none(), forms[a].is_empty(), "{:?}", blocks[a]);
                for b in 0..a {
                    let same_hash = w.verbatim_hash(a) == w.verbatim_hash(b);
                    assert_eq!(same_hash, forms[a] == forms[b], "{:?} / {:?}", blocks[a], blocks[b]);
                }
            }
        }
    }

    #[test]
    fn words_of_up_to_eight_bytes_and_longer_ones_are_numbered_apart_and_alike() {
        let blocks: Vec<String> =
            ["eightchr ninechars caf\u{00E9} eightchr", "NINECHARS Eightchr CAF\u{00C9}"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        let w = Words::read(&blocks, None);
        assert_eq!(w.ids(0), [0, 1, 2, 0]);
        assert_eq!(w.ids(1), [1, 0, 2]);
        assert_eq!(w.vocabulary(), 3);
    }

    #[test]
    fn sentences_end_at_stops_and_at_the_block_end() {
        let blocks = vec!["One two three. Four five! Six 4.5 seven".to_string()];
        let w = Words::read(&blocks, None);
        let ends: Vec<usize> =
            w.sentence_ends(0).iter().enumerate().filter(|(_, &e)| e).map(|(i, _)| i).collect();
        assert_eq!(ends, [2, 4, 7]);
    }

    #[test]
    fn spans_point_into_the_original() {
        let block =
            "\u{201C}We\u{2019}ll see,\u{201D} she said \u{2014} \u{FF26}\u{FF35}\u{FF2C}\u{FF2C} stop.";
        assert_eq!(
            words_of(block),
            ["We\u{2019}ll", "see", "she", "said", "\u{FF26}\u{FF35}\u{FF2C}\u{FF2C}", "stop"]
        );
    }
}
