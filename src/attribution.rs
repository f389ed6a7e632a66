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
    let mut cues: Vec<Option<Cue>> =
        spans.iter().enumerate().map(|(i, _)| find_cue(blocks, spans, i)).collect();
    share_within_blocks(spans, &mut cues);
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
                let gender = match word.as_str() {
                    "he" => Some('m'),
                    "she" => Some('f'),
                    _ => None,
                };
                if let Some(gender) = gender {
                    let full = self.last_person_before(cue.block, cue.start, gender);
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

    /// The person a pronoun of `gender` at `(block, at)` refers to: the one named or quoted
    /// last before it, outside quotations, whose first name marks that gender; else the last
    /// one whose first name marks none. Looks back over a bounded number of people, so each
    /// pronoun costs the same however long the page.
    fn last_person_before(&self, block: usize, at: usize, gender: char) -> Option<String> {
        const LOOK_BACK: usize = 64;
        let lx = Lexicon::get();
        let gender_of = |name: &str| {
            let mut words = name.split(' ');
            let first = words.next()?;
            words.next()?; // a single word says nothing of a first name
            lx.first_name_gender(first)
        };
        let mentions = &self.names.mentions;
        let before = mentions.partition_point(|m| (m.block, m.name_start) < (block, at));
        let named = (0..before)
            .rev()
            .filter(|&i| !mentions[i].in_quote)
            .take(LOOK_BACK)
            .map(|i| ((mentions[i].block, mentions[i].name_start), self.names.full_of(i)));
        let spoke = self
            .speakers
            .iter()
            .rev()
            .filter(|(b, s, _)| (*b, *s) < (block, at))
            .take(LOOK_BACK)
            .map(|(b, s, n)| ((*b, *s), n.as_str()));
        let mut matching: Option<((usize, usize), &str)> = None;
        let mut unknown: Option<((usize, usize), &str)> = None;
        for (pos, name) in named.chain(spoke) {
            let slot = match gender_of(name) {
                Some(g) if g == gender => &mut matching,
                Some(_) => continue,
                None => &mut unknown,
            };
            if slot.is_none_or(|(p, _)| pos > p) {
                *slot = Some((pos, name));
            }
        }
        matching.or(unknown).map(|(_, n)| n.to_string())
    }
}

/// A quotation with no cue of its own in a block where another quotation has one shares it:
/// `"…," said Smith. "…"` — the previous one first, else the next one.
fn share_within_blocks(spans: &[QuoteSpan], cues: &mut [Option<Cue>]) {
    for i in 0..spans.len() {
        if cues[i].is_some() {
            continue;
        }
        let block = spans[i].block;
        let prev = (0..i).rev().take_while(|&j| spans[j].block == block).find_map(|j| cues[j].clone());
        let shared = prev.or_else(|| {
            (i + 1..spans.len()).take_while(|&j| spans[j].block == block).find_map(|j| cues[j].clone())
        });
        cues[i] = shared;
    }
}

/// Looks for the speaker of span `i` in its block: after it first, then before it; for a
/// quotation that opens its block, in an introduction ending with a colon just before
/// ("Smith continued:").
fn find_cue(blocks: &[String], spans: &[QuoteSpan], i: usize) -> Option<Cue> {
    let span = &spans[i];
    let text = &blocks[span.block];
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
    if let Some((start, end, who)) = found {
        return Some(Cue { block: span.block, start, end, who });
    }
    let opens_block = text[..span.start].trim().is_empty();
    let prev_block = span.block.checked_sub(1)?;
    let prev = &blocks[prev_block];
    let prev_has_quote_at_end =
        spans[..i].last().is_some_and(|p| p.block == prev_block && p.end >= prev.trim_end().len());
    if opens_block && span.continues.is_none() && prev.trim_end().ends_with(':') && !prev_has_quote_at_end {
        let end = prev.trim_end().len();
        let (start, end, who) = cue_before(prev, sentence_start(prev, 0, end), end)?;
        return Some(Cue { block: prev_block, start, end, who });
    }
    None
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
    let between = text[words[v].end..to].trim_end();
    let adjacent = words.len() - v <= 5 && (between.ends_with([':', ',']) || between.ends_with("that"));
    if adjacent {
        if let Some(found) = speaker_phrase(text, from, words[v].start, Side::Before) {
            return Some(found);
        }
    }
    // A quoted phrase inside reported speech: "Smith says fraud is “a big problem”" — the
    // subject of the first speech verb of the sentence that has one.
    words
        .iter()
        .filter(|w| lx.is_speech_verb(w.text(text)))
        .find_map(|w| speaker_phrase(text, from, w.start, Side::Before))
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
    let words = words_in(text, pick.0, pick.1);
    if words.len() <= 8 {
        if let Some(found) = classify(text, pick.0, pick.1) {
            return Some(found);
        }
    }
    if side == Side::After {
        return None;
    }
    // The subject right before the verb: a pronoun or a name ("footage of Jane Doe asking").
    let last = words.last()?;
    if Lexicon::get().is_pronoun(last.text(text)) {
        return Some((last.start, last.end, Who::Pronoun));
    }
    let run = words.iter().rev().take_while(|w| is_capitalised(w.text(text))).count();
    if run == 0 || run == words.len() {
        return None;
    }
    let first = &words[words.len() - run];
    classify(text, first.start, last.end).filter(|c| matches!(c.2, Who::Name(_)))
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
            .position(|w| matches!(w.as_str(), "for" | "of" | "at" | "with" | "in" | "from" | "on"))
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
        // "The New York Times reports": a body named in capitals speaks under its name.
        let rest = &words[1..];
        if lower[0] == "the" && !rest.is_empty() && rest.iter().all(|w| is_capitalised(w.text(text))) {
            let tokens = rest.iter().map(|w| w.text(text).to_string()).collect();
            return Some((from, rest[rest.len() - 1].end, Who::Name(tokens)));
        }
        // "The commission says", "a narrator asks": a speaker named by a common noun that
        // names no office; reported as written, resolved to nobody.
        if (2..=4).contains(&head_end) {
            return Some((from, words[head_end - 1].end, Who::Role { family: "", organisation: None }));
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
        let c = find_cue(&blocks, &spans, 0)?;
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

    fn speakers(blocks: &[&str]) -> Vec<(usize, Option<String>, Option<String>)> {
        let page = crate::Page::new(blocks.iter().map(|b| b.to_string()).collect());
        crate::analyze(&page).quotes.into_iter().map(|q| (q.block, q.speaker, q.speaker_resolved)).collect()
    }

    #[test]
    fn resolution_across_blocks() {
        let got = speakers(&[
            "Governor Elena Marsh met Paul Okafor on Monday.",
            "\u{201C}We will not wait any longer,\u{201D} she said. \u{201C}Not one more day.\u{201D}",
            "Okafor continued:",
            "\u{201C}The money is already there for the work.\u{201D}",
            "\u{201C}Nobody will be left behind in this plan,\u{201D} he said.",
            "The commission says that \u{201C}the audit found nothing wrong at all.\u{201D}",
        ]);
        let named = |s: &str| Some(s.to_string());
        assert_eq!(
            got,
            [
                (1, named("she"), named("Elena Marsh")),
                (1, named("she"), named("Elena Marsh")),
                (3, named("Okafor"), named("Paul Okafor")),
                (4, named("he"), named("Paul Okafor")),
                (5, named("The commission"), None),
            ]
        );
    }
}
