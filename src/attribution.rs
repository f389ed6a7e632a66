//! Attribution: who said each quotation.
//!
//! For every quotation the text around it is read for a speech verb from the lexicon, after
//! the quote (`"…," X said` / `said X` / `X told reporters`, `according to X`, `— X`) or before
//! it (`X said: "…"`). The subject next to the verb is the speaker mention: a name, a pronoun
//! ("he") or a role noun phrase ("the White House spokesman"). Mentions are then resolved to a
//! full name: names through their aliases, pronouns to the person named last before them
//! outside quotations, role nouns to the official whose title has that role. A quotation that
//! runs over several blocks shares the speaker found in any of its blocks.

use crate::lexicon::{Lexicon, ModifierKind};
use crate::names::NameIndex;
use crate::officials::Officials;
use crate::quotes::QuoteSpan;
use crate::report::{Quote, Span};
use crate::text::{chars_after, chars_before, is_capitalised, sentence_end, sentence_start, words_in, Word};

/// Most words allowed between a quotation and the speech verb that attributes it.
const MAX_GAP_WORDS: usize = 10;

/// What kind of speaker mention a cue found.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Who {
    /// A name: its words.
    Name(Vec<String>),
    /// A subject pronoun: he, she, they, I, we.
    Pronoun,
    /// A role noun phrase: its role family and organisation, if named.
    Role { family: &'static str, organisation: Option<&'static str> },
}

/// A speaker mention found next to a speech verb.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cue {
    block: usize,
    start: usize,
    end: usize,
    who: Who,
}

/// Attributes every quotation span and counts the quotes of each official.
pub fn attribute(
    blocks: &[String],
    spans: &[QuoteSpan],
    names: &NameIndex,
    officials: &mut Officials,
) -> Vec<Quote> {
    // The first segment of each segment's quotation.
    let mut chain_of: Vec<usize> = Vec::with_capacity(spans.len());
    for (i, s) in spans.iter().enumerate() {
        let head = s.continues.map_or(i, |p| chain_of[p]);
        chain_of.push(head);
    }
    let cues: Vec<Option<Cue>> =
        spans.iter().enumerate().map(|(i, s)| find_cue(&blocks[s.block], s, spans, i)).collect();
    // One cue per quotation: the first found among its segments.
    let mut chain_cue: Vec<Option<&Cue>> = vec![None; spans.len()];
    for (i, cue) in cues.iter().enumerate() {
        let head = chain_of[i];
        if chain_cue[head].is_none() {
            chain_cue[head] = cue.as_ref();
        }
    }
    let multi: Vec<bool> = {
        let mut m = vec![false; spans.len()];
        for (i, s) in spans.iter().enumerate() {
            if s.continues.is_some() {
                m[i] = true;
                m[chain_of[i]] = true;
            }
        }
        m
    };
    let mut resolver = Resolver::new(names);
    let mut resolved_chain: Vec<Option<(Option<String>, Option<usize>)>> = vec![None; spans.len()];
    let mut quotes = Vec::with_capacity(spans.len());
    for (i, s) in spans.iter().enumerate() {
        let head = chain_of[i];
        let cue = chain_cue[head];
        if resolved_chain[head].is_none() {
            let r = cue.map_or((None, None), |c| resolver.resolve(blocks, c, officials));
            resolved_chain[head] = Some(r);
        }
        let (resolved, official) = resolved_chain[head].clone().unwrap_or((None, None));
        if let Some(o) = official {
            officials.count_quote(o);
        }
        let text = &blocks[s.block];
        quotes.push(Quote {
            block: s.block,
            start: s.start,
            end: s.end,
            text: text[s.start..s.end].to_string(),
            prefix: chars_before(text, s.start, 32).to_string(),
            suffix: chars_after(text, s.end, 32).to_string(),
            speaker: cue.map(|c| blocks[c.block][c.start..c.end].to_string()),
            speaker_span: cue.map(|c| Span { block: c.block, start: c.start, end: c.end }),
            speaker_resolved: resolved,
            official,
            chain: multi[i].then_some(head),
        });
    }
    quotes
}

/// Resolves speaker mentions in page order, remembering who was named and who spoke last.
struct Resolver<'a> {
    names: &'a NameIndex,
    /// (block, offset, full name) of speakers resolved so far.
    speakers: Vec<(usize, usize, String)>,
}

impl<'a> Resolver<'a> {
    fn new(names: &'a NameIndex) -> Resolver<'a> {
        Resolver { names, speakers: Vec::new() }
    }

    /// The full name a cue refers to, and the official it is, if any.
    fn resolve(
        &mut self,
        blocks: &[String],
        cue: &Cue,
        officials: &mut Officials,
    ) -> (Option<String>, Option<usize>) {
        let (name, official) = match &cue.who {
            Who::Name(tokens) => {
                let full = self.names.full_name(tokens, cue.block, cue.start);
                let o = officials.find_by_name(&full);
                (Some(full), o)
            }
            Who::Pronoun => {
                let word = blocks[cue.block][cue.start..cue.end].to_lowercase();
                if word == "he" || word == "she" {
                    let full = self.last_person_before(cue.block, cue.start);
                    let o = full.as_deref().and_then(|f| officials.find_by_name(f));
                    (full, o)
                } else {
                    (None, None)
                }
            }
            Who::Role { family, organisation } => {
                match officials.by_role(family, *organisation, cue.block, cue.start) {
                    Some(o) => {
                        officials.add_mention(o, cue.block, cue.start, cue.end);
                        (Some(officials.entries()[o].name.clone()), Some(o))
                    }
                    None => (None, None),
                }
            }
        };
        if let Some(n) = &name {
            self.speakers.push((cue.block, cue.start, n.clone()));
        }
        (name, official)
    }

    /// The person named or quoted last before `(block, at)`, outside quotations.
    fn last_person_before(&self, block: usize, at: usize) -> Option<String> {
        let named = self
            .names
            .mentions
            .iter()
            .filter(|m| !m.in_quote && (m.block, m.name_start) < (block, at))
            .map(|m| ((m.block, m.name_start), self.names.full_name(&m.tokens, m.block, m.start)))
            .next_back();
        let spoke = self
            .speakers
            .iter()
            .filter(|(b, s, _)| (*b, *s) < (block, at))
            .map(|(b, s, n)| ((*b, *s), n.clone()))
            .next_back();
        match (named, spoke) {
            (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
            (a, b) => a.or(b).map(|x| x.1),
        }
    }
}

/// Looks for the speaker of span `i` in its block: after it first, then before it.
fn find_cue(text: &str, span: &QuoteSpan, spans: &[QuoteSpan], i: usize) -> Option<Cue> {
    // The stretch after the quote, up to the next quote in the block or the sentence end.
    let next_quote = spans.get(i + 1).filter(|n| n.block == span.block).map_or(text.len(), |n| n.start);
    let prev_quote =
        i.checked_sub(1).and_then(|p| spans.get(p)).filter(|p| p.block == span.block).map_or(0, |p| p.end);
    let found = if span.closed {
        let tail_end = sentence_end(text, span.end, next_quote);
        cue_after(text, span.end, tail_end)
    } else {
        None
    };
    let found = found.or_else(|| {
        let head_start = sentence_start(text, prev_quote, span.start).max(prev_quote);
        cue_before(text, head_start, span.start)
    });
    found.map(|(start, end, who)| Cue { block: span.block, start, end, who })
}

/// `"…," X said` / `"…," said X` / `"…," according to X` / `"…" — X`, in `text[from..to]`.
fn cue_after(text: &str, from: usize, to: usize) -> Option<(usize, usize, Who)> {
    let lx = Lexicon::get();
    let words = words_in(text, from, to);
    let stretch = text[from..to].trim_start();
    let lead = to - from - stretch.len() + from;
    // Dash credit: "…" — Name
    if stretch.starts_with(['\u{2014}', '\u{2013}']) {
        let np_from = lead + stretch.chars().next().map_or(0, char::len_utf8);
        return speaker_phrase(text, np_from, clause_end(text, np_from, to), Side::After);
    }
    if let Some(k) = according_to(text, &words) {
        let from = words[k].start;
        return speaker_phrase(text, from, clause_end(text, from, to), Side::After);
    }
    let v = words.iter().take(MAX_GAP_WORDS + 1).position(|w| lx.is_speech_verb(w.text(text)))?;
    if v == 0 {
        // "…," said X — the subject follows the verb.
        let np_from = words.get(1)?.start;
        speaker_phrase(text, np_from, clause_end(text, np_from, to), Side::After)
    } else {
        speaker_phrase(text, lead, words[v].start, Side::Before)
    }
}

/// `X said: "…"` / `X said, "…"` / `X told reporters that "…"` / `According to X, "…"`,
/// in `text[from..to]` before the quote.
fn cue_before(text: &str, from: usize, to: usize) -> Option<(usize, usize, Who)> {
    let lx = Lexicon::get();
    let words = words_in(text, from, to);
    if let Some(k) = according_to(text, &words) {
        let np_from = words[k].start;
        return speaker_phrase(text, np_from, clause_end(text, np_from, to), Side::After);
    }
    // The speech verb must be close to the quote: at most a few words between.
    let v = words.iter().rposition(|w| lx.is_speech_verb(w.text(text)))?;
    if words.len() - v > 5 {
        return None;
    }
    let between = &text[words[v].end..to];
    if !between.trim_end().ends_with([':', ',']) && !between.trim_end().ends_with("that") {
        return None;
    }
    speaker_phrase(text, from, words[v].start, Side::Before)
}

/// The index of the first word after "according to", if the words contain it.
fn according_to(text: &str, words: &[Word]) -> Option<usize> {
    words
        .windows(2)
        .position(|p| p[0].text(text).eq_ignore_ascii_case("according") && p[1].text(text) == "to")
        .map(|k| k + 2)
        .filter(|&k| k < words.len())
}

/// Where a noun phrase that starts at `from` ends: at the first comma, period or semicolon.
fn clause_end(text: &str, from: usize, to: usize) -> usize {
    text[from..to].find([',', ';', '.', '(', '\u{201C}', '"']).map_or(to, |i| from + i)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    /// The phrase stands before its verb: the part next to the verb is the subject, unless it
    /// is an apposition ("Smith, a doctor at Y, said").
    Before,
    /// The phrase follows its verb or "according to".
    After,
}

/// Reads the speaker mention out of `text[from..to]`.
fn speaker_phrase(text: &str, from: usize, to: usize, side: Side) -> Option<(usize, usize, Who)> {
    if from >= to {
        return None;
    }
    // Comma-separated parts, as (start, end) trimmed of spaces.
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut at = from;
    for piece in text[from..to].split(',') {
        let s = at + (piece.len() - piece.trim_start().len());
        let e = at + piece.trim_end().len();
        if e > s {
            parts.push((s, e));
        }
        at += piece.len() + 1;
    }
    let pick = match side {
        Side::After => *parts.first()?,
        Side::Before => {
            let last = *parts.last()?;
            let appositive = starts_with_article(&text[last.0..last.1]) && parts.len() >= 2;
            if appositive
                && classify(text, parts[parts.len() - 2].0, parts[parts.len() - 2].1)
                    .is_some_and(|c| matches!(c.2, Who::Name(_)))
            {
                parts[parts.len() - 2]
            } else {
                last
            }
        }
    };
    // Too long to be a subject: a clause, not a mention.
    if words_in(text, pick.0, pick.1).len() > 8 {
        return None;
    }
    classify(text, pick.0, pick.1)
}

fn starts_with_article(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    matches!(first.to_lowercase().as_str(), "a" | "an" | "the")
}

/// What `text[from..to]` is as a speaker mention, and the span of the mention inside it.
fn classify(text: &str, from: usize, to: usize) -> Option<(usize, usize, Who)> {
    let lx = Lexicon::get();
    let words = words_in(text, from, to);
    let first = words.first()?;
    if words.len() == 1 && lx.is_pronoun(first.text(text)) {
        return Some((first.start, first.end, Who::Pronoun));
    }
    // A role noun phrase: "the White House spokesman", "a spokeswoman for the mayor".
    let lower: Vec<String> = words.iter().map(|w| w.text(text).to_lowercase()).collect();
    if matches!(lower[0].as_str(), "the" | "a" | "an")
        || lower[0].ends_with("'s")
        || lower[0].ends_with("\u{2019}s")
    {
        // The role noun is the last word before "for"/"of"/"at", or the last word.
        let head_end = lower
            .iter()
            .position(|w| matches!(w.as_str(), "for" | "of" | "at" | "with"))
            .unwrap_or(lower.len());
        for n in (1..=3.min(head_end)).rev() {
            let phrase = lower[head_end - n..head_end].join(" ");
            if let Some(family) = lx.role_family(&phrase) {
                let organisation = (0..head_end).find_map(|k| {
                    (1..=3.min(head_end - k)).rev().find_map(|m| {
                        match lx.modifier(&lower[k..k + m].join(" ")) {
                            Some((ModifierKind::Org, v)) => Some(v),
                            _ => None,
                        }
                    })
                });
                return Some((from, words[head_end - 1].end, Who::Role { family, organisation }));
            }
        }
        return None;
    }
    // A name: the capitalised words, without titles and modifiers in front.
    let caps: Vec<&Word> =
        words.iter().take_while(|w| is_capitalised(w.text(text)) || is_particle(w.text(text))).collect();
    if caps.is_empty() {
        return None;
    }
    let mut k = 0;
    while k + 1 < caps.len() {
        let w = caps[k].text(text).to_lowercase();
        let is_title_word = lx.title_family(&w).is_some() || lx.modifier(&w).is_some() || is_title_part(&w);
        if !is_title_word {
            break;
        }
        k += 1;
    }
    let name = &caps[k..];
    let first_name_word = name.first()?.text(text);
    if lx.is_not_name(first_name_word) || lx.is_pronoun(first_name_word) {
        return None;
    }
    let tokens: Vec<String> = name
        .iter()
        .map(|w| {
            let t = w.text(text);
            t.strip_suffix("'s").or_else(|| t.strip_suffix("\u{2019}s")).unwrap_or(t).to_string()
        })
        .collect();
    Some((name[0].start, name[name.len() - 1].end, Who::Name(tokens)))
}

fn is_particle(word: &str) -> bool {
    matches!(word, "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "der" | "la" | "le")
}

/// Words that only occur inside multi-word titles ("Press" in "Press Secretary").
fn is_title_part(word: &str) -> bool {
    matches!(word, "press" | "foreign" | "prime" | "vice" | "chief" | "deputy" | "house" | "white" | "state")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(block: &str) -> Option<(String, Who)> {
        let blocks = vec![block.to_string()];
        let spans = crate::quotes::find(&blocks);
        let c = find_cue(block, &spans[0], &spans, 0)?;
        Some((block[c.start..c.end].to_string(), c.who))
    }

    fn name(s: &[&str]) -> Who {
        Who::Name(s.iter().map(|t| t.to_string()).collect())
    }

    #[test]
    fn attribution_forms() {
        let table: &[(&str, Option<(&str, Who)>)] = &[
            (r#""We will win this," Smith said."#, Some(("Smith", name(&["Smith"])))),
            (
                r#""We will win this," said Ann Smith, the mayor."#,
                Some(("Ann Smith", name(&["Ann", "Smith"]))),
            ),
            (r#""We will win this," he said."#, Some(("he", Who::Pronoun))),
            (r#"Smith said: "We will win this.""#, Some(("Smith", name(&["Smith"])))),
            (r#"Smith told reporters that "we will win this.""#, Some(("Smith", name(&["Smith"])))),
            (
                r#""We will win this," Smith, a doctor at the clinic, said."#,
                Some(("Smith", name(&["Smith"]))),
            ),
            (
                r#""We will win this," Mayor Ann Smith told CNN."#,
                Some(("Ann Smith", name(&["Ann", "Smith"]))),
            ),
            (r#""We will win this," according to Ann Smith."#, Some(("Ann Smith", name(&["Ann", "Smith"])))),
            (
                "\u{201C}We will win this.\u{201D} \u{2014} Ann Smith",
                Some(("Ann Smith", name(&["Ann", "Smith"]))),
            ),
            (
                r#""We will win this," the White House spokesman said."#,
                Some((
                    "the White House spokesman",
                    Who::Role { family: "spokesperson", organisation: Some("White House") },
                )),
            ),
            (r#""We will win this," Smith wrote on Twitter."#, Some(("Smith", name(&["Smith"])))),
            (r#"The crowd chanted "we will win this" all night."#, None),
            (r#"It was "a very long night for all" of them."#, None),
        ];
        for (input, want) in table {
            let got = cue(input);
            let want = want.as_ref().map(|(s, w)| (s.to_string(), w.clone()));
            assert_eq!(got, want, "{input}");
        }
    }
}
