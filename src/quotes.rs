//! Quote spans: pairs opening and closing quotation marks inside each block, and links a
//! quotation left open at the end of a block to the next block when that block opens with a
//! quote mark (the news convention for quotations that run over several paragraphs).

use crate::lexicon::Lexicon;
use crate::text::{floor_boundary, is_space, words_in};

/// One block-level segment of a direct quotation, in UTF-8 byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Block index.
    pub block: usize,
    /// Offset of the opening mark.
    pub start: usize,
    /// Offset after the closing mark, or the block's end when the quotation runs on.
    pub end: usize,
    /// Whether a closing mark ends the segment inside the block.
    pub closed: bool,
    /// Index (in the returned list) of the previous segment of the same quotation, for a
    /// segment that continues a quotation from the block before.
    pub continues: Option<usize>,
}

impl QuoteSpan {
    /// Offsets of the quoted words, without the marks.
    pub fn inner(&self, text: &str) -> (usize, usize) {
        let open_len = text[self.start..].chars().next().map_or(0, char::len_utf8);
        let close_len =
            if self.closed { text[..self.end].chars().next_back().map_or(0, char::len_utf8) } else { 0 };
        (self.start + open_len, (self.end - close_len).max(self.start + open_len))
    }
}

/// What a quotation mark can close, given the mark that opened it.
fn closes(open: char, close: char) -> bool {
    match open {
        // Straight and curly double marks get mixed in edited copy: either closes the other.
        '"' => matches!(close, '"' | '\u{201D}'),
        '\u{201C}' => matches!(close, '\u{201D}' | '\u{201C}' | '"'),
        '\u{201D}' => close == '\u{201D}', // Swedish/Finnish ”…”
        '\u{201E}' => matches!(close, '\u{201C}' | '\u{201D}'), // German „…“, Polish „…”
        '\u{00AB}' => close == '\u{00BB}',
        '\u{00BB}' => close == '\u{00AB}',
        '\u{300C}' => close == '\u{300D}',
        '\u{300E}' => close == '\u{300F}',
        '\u{2018}' => close == '\u{2019}',
        '\'' => matches!(close, '\'' | '\u{2019}'),
        '\u{201A}' => matches!(close, '\u{2018}' | '\u{2019}'),
        _ => false,
    }
}

/// Marks that can open a quotation.
fn can_open_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{2018}'
            | '\''
            | '\u{201A}'
    )
}

fn is_single(c: char) -> bool {
    matches!(c, '\u{2018}' | '\'' | '\u{201A}' | '\u{2019}')
}

fn is_opening_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) => {
            is_space(p)
                || matches!(p, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':')
                || is_mark(p)
        }
    }
}

fn is_closing_context(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(n) => {
            is_space(n)
                || (n.is_ascii_punctuation() && n != '\'')
                || is_mark(n)
                || n == '\u{2014}'
                || n == '\u{2013}'
                || n == '\u{2026}'
        }
    }
}

/// Any quotation mark.
fn is_mark(c: char) -> bool {
    can_open_mark(c) || matches!(c, '\u{2019}' | '\u{00BB}' | '\u{300D}' | '\u{300F}')
}

#[derive(Clone, Copy)]
struct Open {
    mark: char,
    at: usize,
}

/// Finds the quote marks of one block and pairs them. Returns (start, end, closed) for each
/// outermost quotation, in order. Single marks count only at the outermost level (a quotation
/// inside a quotation stays part of its outer one) and only where they cannot be apostrophes.
fn pair_marks(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut prev: Option<char> = None;
    let bytes = text.as_bytes();
    // Where doubled apostrophes stand for double marks, a straight single mark is a quotation
    // inside one of them (''She said 'no.' '') or an apostrophe: never a quotation of its own.
    let doubled_marks = text.contains("''") || text.contains("``");
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // Two apostrophes or two backticks (''…'' and ``…'' in typewriter and archive text)
        // are apostrophes, never quote marks: skipped whole, so that neither of them pairs
        // as a single mark.
        if (c == '\'' || c == '`') && bytes.get(i + 1) == Some(&(c as u8)) {
            chars.next();
            prev = Some(c);
            continue;
        }
        let len = c.len_utf8();
        let next = chars.peek().map(|&(_, n)| n);
        if is_mark(c) {
            // Guillemets and CJK brackets say their direction themselves (and French puts
            // spaces inside them); the other marks are read from the characters around them.
            let directional =
                matches!(c, '\u{00AB}' | '\u{00BB}' | '\u{300C}' | '\u{300D}' | '\u{300E}' | '\u{300F}');
            let open_ctx = directional || (is_opening_context(prev) && next.is_some_and(|n| !is_space(n)));
            let close_ctx = directional || (is_closing_context(next) && prev.is_some_and(|p| !is_space(p)));
            let single = is_single(c);
            // Try to close the innermost open quotation first.
            if let Some(top) = stack.last().copied() {
                if closes(top.mark, c) && (close_ctx || !open_ctx) && (close_ctx || !single) {
                    stack.pop();
                    if stack.is_empty() {
                        out.push((top.at, i + len, true));
                    }
                    prev = Some(c);
                    continue;
                }
            }
            let may_open = can_open_mark(c)
                && open_ctx
                && (stack.is_empty() || !single)
                && !(single && next.is_some_and(|n| n.is_ascii_digit()))
                && !(c == '\'' && doubled_marks);
            if may_open {
                stack.push(Open { mark: c, at: i });
            }
        }
        prev = Some(c);
    }
    // A quotation left open runs to the end of the block. Only a double mark may do that: an
    // unmatched single mark is far more often an apostrophe.
    if let Some(first) = stack.first() {
        if !is_single(first.mark) {
            out.push((first.at, text.len(), false));
        } else if let Some(double) = stack.iter().find(|o| !is_single(o.mark)) {
            out.push((double.at, text.len(), false));
        }
    }
    out
}

/// Finds the quotation segments of every block, in page order.
pub fn find(lx: &Lexicon, blocks: &[String]) -> Vec<QuoteSpan> {
    let mut out: Vec<QuoteSpan> = Vec::new();
    let mut open_from: Option<usize> = None; // last segment, if it ran to its block's end
    for (b, text) in blocks.iter().enumerate() {
        let first_char = text.trim_start().chars().next();
        let starts_with_mark = first_char.is_some_and(can_open_mark);
        let lead = text.len() - text.trim_start().len();
        let carried = open_from.take();
        for (k, (start, end, closed)) in pair_marks(text).into_iter().enumerate() {
            let continues = if k == 0 && start == lead && starts_with_mark { carried } else { None };
            let span = QuoteSpan { block: b, start, end, closed, continues };
            if continues.is_none() && !is_quotation(lx, text, &span) {
                continue;
            }
            out.push(span);
        }
        if let Some(last) = out.last() {
            if last.block == b && !last.closed {
                open_from = Some(out.len() - 1);
            }
        }
    }
    out
}

/// Whether a quoted stretch is a quotation rather than a scare quote or a title: three words
/// or more, or a speech verb next to it.
fn is_quotation(lx: &Lexicon, text: &str, span: &QuoteSpan) -> bool {
    let (s, e) = span.inner(text);
    let words = words_in(text, s, e);
    let cue_within = |n: usize| {
        let before = words_in(text, floor_boundary(text, span.start.saturating_sub(60)), span.start);
        let before = &before[before.len().saturating_sub(n)..];
        let after = words_in(text, span.end, floor_boundary(text, span.end + 60));
        let after = &after[..after.len().min(n)];
        before.iter().chain(after).any(|w| lx.is_speech_verb(w.text(text)))
            || text[..span.start].trim_end().ends_with(':')
    };
    // A title ("Face the Nation", "Make Your Kid a Millionaire") is in title case; it is a
    // quotation only with a speech verb right beside it.
    // Words as a reader counts them: "one-term president" is three.
    let count: usize = words.iter().map(|w| w.text(text).split('-').filter(|p| !p.is_empty()).count()).sum();
    // A title has no sentence break inside ("The Donald. Big Daddy." is speech).
    let inner = text[s..e].trim_end_matches(|c: char| !c.is_alphanumeric());
    let one_phrase = !inner.contains(['.', '!', '?']);
    if (3..=7).contains(&count) && one_phrase && words.iter().all(|w| is_title_case_word(w.text(text))) {
        return cue_within(1);
    }
    count >= 3 || cue_within(3)
}

/// A word as it stands in a title: capitalised, a number, or a short function word.
fn is_title_case_word(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || matches!(
            word,
            "a" | "an" | "the" | "of" | "and" | "or" | "in" | "on" | "at" | "to" | "for" | "by" | "with"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[&str]) -> Vec<(usize, String, bool, Option<usize>)> {
        let owned: Vec<String> = blocks.iter().map(|s| s.to_string()).collect();
        find(Lexicon::get(), &owned)
            .into_iter()
            .map(|q| (q.block, owned[q.block][q.start..q.end].to_string(), q.closed, q.continues))
            .collect()
    }

    fn one(block: &str) -> Vec<String> {
        texts(&[block]).into_iter().map(|t| t.1).collect()
    }

    #[test]
    fn mark_conventions() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("straight", r#"He said "we will go there soon" and left."#, &[r#""we will go there soon""#]),
            ("curly", "\u{201C}We will go there,\u{201D} she said.", &["\u{201C}We will go there,\u{201D}"]),
            (
                "nested single stays inside",
                "\u{201C}He told me \u{2018}no way at all\u{2019} today,\u{201D} she said.",
                &["\u{201C}He told me \u{2018}no way at all\u{2019} today,\u{201D}"],
            ),
            (
                "french",
                "Il a dit\u{00A0}: \u{00AB}\u{00A0}nous irons demain\u{00A0}\u{00BB}.",
                &["\u{00AB}\u{00A0}nous irons demain\u{00A0}\u{00BB}"],
            ),
            (
                "german",
                "Er sagte: \u{201E}Wir kommen morgen wieder.\u{201C}",
                &["\u{201E}Wir kommen morgen wieder.\u{201C}"],
            ),
            (
                "polish",
                "Powiedzia\u{0142}: \u{201E}Jutro b\u{0119}dziemy tam.\u{201D}",
                &["\u{201E}Jutro b\u{0119}dziemy tam.\u{201D}"],
            ),
            (
                "cjk",
                "\u{4ED6}\u{8BF4}\u{300C}\u{6211}\u{4EEC} \u{660E}\u{5929} \u{53BB}\u{300D}",
                &["\u{300C}\u{6211}\u{4EEC} \u{660E}\u{5929} \u{53BB}\u{300D}"],
            ),
            ("apostrophes are not marks", "It's the Joneses' house from the '90s, rock 'n' roll.", &[]),
            (
                "single quotes at top level",
                "She said 'we are not going anywhere' today.",
                &["'we are not going anywhere'"],
            ),
            ("scare quote dropped", r#"The so-called "reform" passed."#, &[]),
            ("title dropped", r#"In an interview on "Face the Nation," he was calm."#, &[]),
            (
                "hyphenated words count",
                r#"He called it a "one-term president" again."#,
                &[r#""one-term president""#],
            ),
            (
                "speech in capitals kept",
                "\u{201C}The Donald. Big Daddy.\u{201D}",
                &["\u{201C}The Donald. Big Daddy.\u{201D}"],
            ),
            (
                "title case with a verb beside it kept",
                r#"They said "Lock Her Up" all night."#,
                &[r#""Lock Her Up""#],
            ),
            ("short quote with a cue kept", r#""Absolutely," he said."#, &[r#""Absolutely,""#]),
            (
                "unclosed runs to end",
                r#"He said: "We will fight on and on"#,
                &[r#""We will fight on and on"#],
            ),
            (
                "two quotes",
                r#""One two three," he said, "four five six.""#,
                &[r#""One two three,""#, r#""four five six.""#],
            ),
            (
                "doubled apostrophes are not quote marks",
                "''It can't be done,'' he said, ``not this year.''",
                &[],
            ),
            (
                "single marks inside doubled apostrophes stay unpaired",
                "She said ''I thought, 'This is their lives.' '' and left.",
                &[],
            ),
            (
                "mixed straight and curly",
                "\"We will go there soon\u{201D} she said.",
                &["\"We will go there soon\u{201D}"],
            ),
        ];
        for (name, input, want) in cases {
            assert_eq!(one(input), want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{name}");
        }
    }

    #[test]
    fn multi_paragraph_chain() {
        let got = texts(&[
            "\u{201C}First paragraph of the quote runs on.",
            "\u{201C}Second paragraph ends here,\u{201D} she said.",
            "Narration follows without marks.",
        ]);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].0, got[0].2, got[0].3), (0, false, None));
        assert_eq!((got[1].0, got[1].2, got[1].3), (1, true, Some(0)));
    }

    #[test]
    fn unclosed_does_not_pair_across_blocks_without_a_mark() {
        let got = texts(&[
            "He began: \"we have a long road ahead",
            "Narration, then \"a new quote here now\" ends.",
        ]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].3, None);
        assert_eq!(got[1].1, "\"a new quote here now\"");
    }
}
