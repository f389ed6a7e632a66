//! Quote drift: the same speaker quoted twice in nearly, but not exactly, the same words — the
//! statement was edited between the two, which may be a misquote.
//!
//! Two quote segments with the same resolved speaker, each of at least [`MIN_WORDS`] compare
//! words, drift when their word-level LCS ratio is at least 0.7, and the shorter one has words
//! the longer lacks. A shorter quote whose words all appear, in order, in the longer one is a
//! partial or elided quote of the same wording, not drift. Pairs of one speaker are compared
//! all against all, up to [`MAX_CHECKS`] pairs per page, and none of more than [`MAX_CELLS`]
//! word pairs.

use std::collections::HashMap;

use super::hash::FxBuild;
use super::lcs::{align, Lcs};
use super::words::Words;
use super::{round3, word_runs};
use crate::report::{Quote, QuoteDrift};

/// Shorter quotes are not compared.
const MIN_WORDS: usize = 5;

/// Most pairs compared per page (a page of thousands of quotes from one speaker stops there).
const MAX_CHECKS: usize = 200_000;

/// Largest product of the two quotes' lengths (in words) compared: the bit-parallel LCS costs
/// about that over 64, so two quotation marks left open in a block of megabytes (each segment
/// running to the block's end) would cost time quadratic in the block. A quotation of 2 048
/// words in one paragraph is no quote a reader compares.
const MAX_CELLS: usize = 1 << 22;

/// Pairs of drifting quotes, in order of the later quote, then of the earlier.
pub(crate) fn quote_drift(blocks: &[String], words: &Words, quotes: &[Quote]) -> Vec<QuoteDrift> {
    // Per speaker (numbered in order of appearance), the quotes so far: (quote, word range).
    let mut speakers: HashMap<Box<str>, u32, FxBuild> = HashMap::default();
    let mut earlier: Vec<Vec<(usize, usize, usize)>> = Vec::new();
    let mut lcs = Lcs::new(words.vocabulary());
    let mut checks = 0;
    let mut out = Vec::new();
    for (j, qj) in quotes.iter().enumerate() {
        let Some(name) = qj.speaker_resolved.as_deref() else { continue };
        if qj.block >= words.blocks() {
            continue;
        }
        // The quote's words: a range of its block's words.
        let spans = words.spans(qj.block);
        let jlo = spans.partition_point(|&(s, _)| (s as usize) < qj.start);
        let jhi = jlo + spans[jlo..].partition_point(|&(_, e)| (e as usize) <= qj.end);
        if jhi - jlo < MIN_WORDS {
            continue;
        }
        let next = speakers.len() as u32;
        let speaker = *speakers.entry(name.into()).or_insert(next) as usize;
        if speaker == earlier.len() {
            earlier.push(Vec::new());
        }
        let b = &words.ids(qj.block)[jlo..jhi];
        for &(i, ilo, ihi) in &earlier[speaker] {
            if checks >= MAX_CHECKS {
                break;
            }
            checks += 1;
            let qi = &quotes[i];
            let a = &words.ids(qi.block)[ilo..ihi];
            let (n, m) = (a.len().min(b.len()), a.len().max(b.len()));
            // 2·LCS / (n + m) ≥ 0.7 needs 20·n ≥ 7·(n + m) at best.
            if 20 * n < 7 * (n + m) || n * m > MAX_CELLS {
                continue;
            }
            let l = lcs.len(a, b);
            if l == n || 20 * l < 7 * (n + m) {
                continue;
            }
            let (keep_a, keep_b) = align(a, b);
            out.push(QuoteDrift {
                speaker: name.to_string(),
                quotes: [i, j],
                similarity: round3(2.0 * l as f64 / (n + m) as f64),
                inserted: word_runs(blocks, words, qj.block, jlo, &keep_b),
                deleted: word_runs(blocks, words, qi.block, ilo, &keep_a),
            });
        }
        earlier[speaker].push((j, jlo, jhi));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Page};

    /// (speaker, earlier quote, later quote, inserted words, deleted words).
    type Drift = (String, String, String, Vec<String>, Vec<String>);

    /// Each drift found in a page of these lines.
    fn drifts(lines: &[&str]) -> Vec<Drift> {
        let page = Page::new(lines.iter().map(|s| s.to_string()).collect());
        let report = analyze(&page);
        report
            .quote_drift
            .iter()
            .map(|d| {
                let texts = |runs: &[crate::WordRun]| runs.iter().map(|r| r.text.clone()).collect();
                (
                    d.speaker.clone(),
                    report.quotes[d.quotes[0]].text.clone(),
                    report.quotes[d.quotes[1]].text.clone(),
                    texts(&d.inserted),
                    texts(&d.deleted),
                )
            })
            .collect()
    }

    const FIRST: &str = "\u{201C}We owe the people of this coast a crossing they can rely on, not another \
                         promise,\u{201D} Governor Elena Marsh said on Tuesday.";

    #[test]
    fn table() {
        type Case<'a> = (&'a str, &'a str, usize);
        let cases: &[Case] = &[
            (
                "reworded",
                "\u{201C}We owe the people of this coast a crossing they can trust, not another \
                 promise,\u{201D} Marsh said.",
                1,
            ),
            (
                "the same words again",
                "\u{201C}We owe the people of this coast a crossing they can rely on, not another \
                 promise,\u{201D} Marsh said.",
                0,
            ),
            ("a partial quote", "Marsh said the region needed \u{201C}a crossing they can rely on.\u{201D}", 0),
            (
                "elided",
                "\u{201C}We owe the people of this coast a crossing \u{2026} not another promise,\u{201D} Marsh \
                 said.",
                0,
            ),
            (
                "another statement",
                "\u{201C}The money is already set aside in this year\u{2019}s budget,\u{201D} Marsh said.",
                0,
            ),
            (
                "another speaker",
                "\u{201C}We owe the people of this coast a crossing they can trust, not another \
                 promise,\u{201D} Mayor Ruth Castellano said.",
                0,
            ),
        ];
        for (name, second, want) in cases {
            assert_eq!(drifts(&[FIRST, "Ferries will return by April.", second]).len(), *want, "{name}");
        }
    }

    #[test]
    fn drift_shows_the_changed_words() {
        let second = "\u{201C}We owe the people of this coast a crossing they can trust, not more \
                      promises,\u{201D} Marsh said.";
        let got = drifts(&[FIRST, second]);
        assert_eq!(got.len(), 1, "{got:?}");
        let (speaker, _, later, inserted, deleted) = &got[0];
        assert_eq!(speaker, "Elena Marsh");
        assert!(later.contains("trust"));
        assert_eq!(inserted, &["trust", "more promises"]);
        assert_eq!(deleted, &["rely on", "another promise"]);
    }
}
