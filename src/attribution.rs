//! Attribution: who said each quotation.
//!
//! For every quotation the text around it is read for a speech verb from the lexicon, after
//! the quote (`"…," X said` / `said X` / `X told reporters`, `according to X`, `— X`) or before
//! it (`X said: "…"`). The subject next to the verb is the speaker mention: a name, a pronoun
//! ("he") or a role noun phrase ("the White House spokesman"). Mentions are then resolved to a
//! full name: names through their aliases, pronouns to the person named last before them
//! outside quotations, role nouns to the official whose title has that role. A quotation that
//! runs over several blocks shares the speaker found in any of its blocks.

use std::collections::{HashMap, HashSet};

use crate::lexicon::Lexicon;
use crate::names::NameIndex;
use crate::officials::{self, Roster};
use crate::quotes::QuoteSpan;
use crate::repeats::FxBuild;
use crate::report::{Quote, Span};
use crate::speaker::{Mention, Reader, Who};
use crate::text::{chars_after, chars_before, is_capitalised, sentence_end, sentence_start, words_in, Word};

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
    lx: &Lexicon,
    blocks: &[String],
    spans: &[QuoteSpan],
    names: &NameIndex,
    roster: &mut Roster,
) -> Vec<Quote> {
    // The first segment of each segment's quotation.
    let mut chain_of: Vec<usize> = Vec::with_capacity(spans.len());
    for (i, s) in spans.iter().enumerate() {
        let head = s.continues.map_or(i, |p| chain_of[p]);
        chain_of.push(head);
    }
    let mut cues: Vec<Option<Cue>> =
        spans.iter().enumerate().map(|(i, _)| find_cue(lx, blocks, spans, i)).collect();
    share_within_blocks(blocks, spans, &mut cues);
    // One cue per quotation: the first found among its segments.
    let mut chain_cue: Vec<Option<&Cue>> = vec![None; spans.len()];
    for (i, cue) in cues.iter().enumerate() {
        let head = chain_of[i];
        if chain_cue[head].is_none() {
            chain_cue[head] = cue.as_ref();
        }
    }
    // A segment's own cue wins: a paragraph that names another speaker was not a continuation
    // after all. Otherwise the quotation's cue, else a weaker one read from the sentence or
    // paragraph around it.
    let mut final_cues: Vec<Option<Cue>> = Vec::with_capacity(spans.len());
    // Read from the page when a weak cue first needs them.
    let mut proper_nouns = None;
    // The last cue a segment of each quotation had of its own: in a transcript quoted over
    // several paragraphs ("WALLACE: …", "PENCE: …", "…"), a paragraph with no label goes on
    // with the speaker before it.
    let mut last_own: Vec<Option<usize>> = vec![None; spans.len()];
    for i in 0..spans.len() {
        let head = chain_of[i];
        if cues[i].is_some() {
            last_own[head] = Some(i);
        }
        let own_before = last_own[head].and_then(|j| cues[j].as_ref());
        let cue = match cues[i].as_ref().or(own_before).or(chain_cue[head]) {
            Some(c) => Some(c.clone()),
            None if head != i => final_cues[head].clone(),
            None => framing_cue(lx, blocks, spans, i, &final_cues).filter(|c| match &c.who {
                // A bare word, not "The Tribune" (an article makes it a body's name).
                Who::Name(tokens) if tokens.len() == 1 && blocks[c.block][c.start..c.end] == tokens[0] => {
                    let proper = proper_nouns.get_or_insert_with(|| capitalised_inside_sentences(blocks));
                    known_alone(&tokens[0], names, proper)
                }
                _ => true,
            }),
        };
        final_cues.push(cue);
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
    // Each cue is resolved once, however many segments share it.
    let mut resolved: HashMap<(usize, usize), (Option<String>, Option<officials::Who>)> = HashMap::new();
    let mut quotes = Vec::with_capacity(spans.len());
    for (i, s) in spans.iter().enumerate() {
        let head = chain_of[i];
        let cue = final_cues[i].as_ref();
        let (resolved, who) = match cue {
            Some(c) => match resolved.get(&(c.block, c.start)) {
                Some(r) => r.clone(),
                None => {
                    let r = resolver.resolve(blocks, c, roster);
                    resolved.insert((c.block, c.start), r.clone());
                    r
                }
            },
            None => (None, None),
        };
        if let Some(who) = who {
            roster.count_quote(who);
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
            official: match who {
                Some(officials::Who::Official(i)) => Some(i),
                _ => None,
            },
            person: match who {
                Some(officials::Who::Person(i)) => Some(i),
                _ => None,
            },
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
        roster: &mut Roster,
    ) -> (Option<String>, Option<officials::Who>) {
        let (name, who) = match &cue.who {
            Who::Name(tokens) => {
                let full = match self.names.full_at(cue.block, cue.start, tokens) {
                    Some(full) => full.to_string(),
                    None => self.names.full_name(tokens, cue.block, cue.start),
                };
                let who = roster.find_by_name(&full);
                (Some(full), who)
            }
            Who::Pronoun => {
                let word = blocks[cue.block][cue.start..cue.end].to_lowercase();
                let gender = match word.as_str() {
                    "he" | "il" | "er" | "él" => Some('m'),
                    "she" | "elle" | "sie" | "ella" => Some('f'),
                    _ => None,
                };
                if let Some(gender) = gender {
                    let full = self.last_person_before(cue.block, cue.start, gender);
                    let who = full.as_deref().and_then(|f| roster.find_by_name(f));
                    (full, who)
                } else {
                    (None, None)
                }
            }
            Who::Role { family, organisation } => {
                match roster.by_role(family, *organisation, cue.block, cue.start) {
                    Some(o) => {
                        roster.add_mention(o, cue.block, cue.start, cue.end);
                        (Some(roster.official_name(o).to_string()), Some(officials::Who::Official(o)))
                    }
                    // "the commission" after "the Commission on Presidential Debates": a
                    // body's common noun refers to the body named with it before. A body is
                    // no referent for he or she, so it is not kept among the speakers.
                    None if family.is_empty() => {
                        return (organisation_named_before(blocks, cue), None);
                    }
                    None => (None, None),
                }
            }
        };
        if let Some(n) = &name {
            self.speakers.push((cue.block, cue.start, n.clone()));
        }
        (name, who)
    }

    /// The person a pronoun of `gender` at `(block, at)` refers to, among the people named
    /// (outside quotations) or quoted before it whose gender is not known to differ: the
    /// last one in subject position (a speaker, or a name opening its sentence) within the
    /// last few blocks, else the last one at all. Looks back over a bounded number of people,
    /// so each pronoun costs the same however long the page.
    fn last_person_before(&self, block: usize, at: usize, gender: char) -> Option<String> {
        const LOOK_BACK: usize = 64;
        const SUBJECT_BLOCKS: usize = 2;
        let mentions = &self.names.mentions;
        let before = mentions.partition_point(|m| (m.block, m.name_start) < (block, at));
        let named = (0..before).rev().filter(|&i| !mentions[i].in_quote).take(LOOK_BACK).map(|i| {
            let m = &mentions[i];
            ((m.block, m.name_start), self.names.full_of(i), m.subject)
        });
        let spoke = self
            .speakers
            .iter()
            .rev()
            .filter(|(b, s, name)| (*b, *s) < (block, at) && !is_body(name))
            .take(LOOK_BACK)
            .map(|(b, s, n)| ((*b, *s), n.as_str(), true));
        let mut people: Vec<((usize, usize), &str, bool)> = named
            .chain(spoke)
            .filter(|(_, name, _)| self.names.gender(name).is_none_or(|g| g == gender))
            .collect();
        people.sort_by_key(|p| std::cmp::Reverse(p.0)); // most recent first
        let subject = people.iter().find(|(pos, _, subject)| *subject && pos.0 + SUBJECT_BLOCKS >= block);
        subject.or(people.first()).map(|(_, name, _)| name.to_string())
    }
}

/// The name of the body that a mention such as "the commission" or "the agency" refers to:
/// the nearest capitalised name before it, in its block or the few before, whose head is
/// that noun ("Commission on Presidential Debates", "International Atomic Energy Agency").
/// Only nouns that end organisation names count (`Lexicon::is_org_suffix`).
fn organisation_named_before(blocks: &[String], cue: &Cue) -> Option<String> {
    const LOOK_BACK: usize = 8;
    let lx = Lexicon::get();
    let mention = &blocks[cue.block][cue.start..cue.end];
    let head = mention.rsplit(' ').next()?;
    if !lx.is_org_suffix(head) || head.starts_with(char::is_uppercase) {
        return None;
    }
    let mut chars = head.chars();
    let capital: String = chars.next()?.to_uppercase().chain(chars).collect();
    for b in (cue.block.saturating_sub(LOOK_BACK)..=cue.block).rev() {
        let text = &blocks[b];
        let end = if b == cue.block { cue.start } else { text.len() };
        let words = words_in(text, 0, end);
        let Some(k) = words.iter().rposition(|w| w.text(text) == capital) else {
            continue;
        };
        let joined = |a: &Word, b: &Word| text[a.end..b.start] == *" ";
        // Capitalised words before the head ("Federal Election"), but not a sentence's "The".
        let mut first = k;
        while first > 0
            && joined(&words[first - 1], &words[first])
            && is_capitalised(words[first - 1].text(text))
        {
            first -= 1;
        }
        if first < k && lx.is_determiner(words[first].text(text)) {
            first += 1;
        }
        // "of"/"on"/"for" and capitalised words after it ("on Presidential Debates").
        let mut last = k;
        while let (Some(link), Some(next)) = (words.get(last + 1), words.get(last + 2)) {
            let connector = matches!(link.text(text), "of" | "on" | "for");
            if !(connector
                && joined(&words[last], link)
                && joined(link, next)
                && is_capitalised(next.text(text)))
            {
                break;
            }
            last += 2;
            while words.get(last + 1).is_some_and(|w| joined(&words[last], w) && is_capitalised(w.text(text)))
            {
                last += 1;
            }
        }
        // The head alone ("Commission" opening a sentence) names no body.
        return (first < k || last > k).then(|| text[words[first].start..words[last].end].to_string());
    }
    None
}

/// Whether a single capitalised word that a weak cue names as the speaker (the subject of a
/// sentence with no speech verb: "Fill in the gaps", "Talk compared to …") is someone or
/// something the page names: the surname of a person named on it, a place or a body, or a
/// word it writes with a capital inside a sentence (a proper noun: "after the debate
/// Politifact did a fact-check").
fn known_alone(word: &str, names: &NameIndex, proper_nouns: &HashSet<&str, FxBuild>) -> bool {
    names.knows_surname(word) || is_body(word) || proper_nouns.contains(word)
}

/// The capitalised words that stand right after a lower-case word somewhere in the blocks.
#[inline(never)]
fn capitalised_inside_sentences(blocks: &[String]) -> HashSet<&str, FxBuild> {
    let mut out = HashSet::default();
    for b in blocks {
        let words = words_in(b, 0, b.len());
        for pair in words.windows(2) {
            let (prev, word) = (pair[0].text(b), pair[1].text(b));
            if b[pair[0].end..pair[1].start] == *" "
                && prev.starts_with(char::is_lowercase)
                && is_capitalised(word)
            {
                out.insert(word);
            }
        }
    }
    out
}

/// Is a speaker a place or a body ("Russia", "Yahoo News", "Brookings Institution")? Such a
/// speaker is no referent for "he" or "she".
fn is_body(name: &str) -> bool {
    let lx = Lexicon::get();
    lx.is_place(name) || name.rsplit(' ').next().is_some_and(|last| lx.is_org_suffix(last))
}

/// Whether a closed quotation ends its sentence: a full stop inside the closing mark and a
/// capital after it (`"… today." Smith then left`). A question or exclamation mark does not
/// end it, since the attribution often follows (`"Why?" Smith asked.`).
fn ends_sentence(text: &str, span: &QuoteSpan) -> bool {
    let (_, inner_end) = span.inner(text);
    let inside = text[..inner_end].trim_end();
    let after = text[span.end..].trim_start();
    inside.ends_with('.') && after.chars().next().is_some_and(char::is_uppercase)
}

/// A quotation with no cue of its own in a block where another quotation has one shares it:
/// `"…," said Smith. "…"` — the previous one first, else the next one.
fn share_within_blocks(blocks: &[String], spans: &[QuoteSpan], cues: &mut [Option<Cue>]) {
    let only_punctuation = |block: usize, from: usize, to: usize| {
        blocks[block][from..to].chars().all(|c| c.is_whitespace() || c.is_ascii_punctuation())
    };
    for i in 0..spans.len() {
        if cues[i].is_some() {
            continue;
        }
        let (block, start, end) = (spans[i].block, spans[i].start, spans[i].end);
        // The previous quotation's cue, when it stands between the two ("…," said X. "…").
        let same_sentence =
            |a: &QuoteSpan, b: &QuoteSpan| sentence_start(&blocks[block], a.end, b.start) == a.end;
        let prev = i.checked_sub(1).filter(|&j| spans[j].block == block).and_then(|j| {
            let cue = cues[j].clone()?;
            let between = cue.block == block && cue.start >= spans[j].end && cue.end <= start;
            let near = only_punctuation(block, spans[j].end, start) || same_sentence(&spans[j], &spans[i]);
            (between || near).then_some(cue)
        });
        // The next one's, when only punctuation or the same sentence separates them.
        let next = || {
            let j = i + 1;
            let next = spans.get(j).filter(|n| n.block == block)?;
            let cue = cues[j].clone()?;
            (only_punctuation(block, end, next.start) || same_sentence(&spans[i], next)).then_some(cue)
        };
        cues[i] = prev.or_else(next);
    }
}

/// The speaker of a quotation no speech verb credits, from the words that frame it: the
/// subject of its own sentence (`Smith dismissed it as "…"`, `Smith's claim that "…"`); for a
/// quotation that opens its sentence, the subject of the sentence before; for one that opens
/// its paragraph, the speaker of a quotation that ends the paragraph before (news quotes run
/// on in the next paragraph), else the subject of that paragraph's last sentence (`Lee made
/// this comment:`). `done` holds the cues of the quotations before `i`.
fn framing_cue(
    lx: &Lexicon,
    blocks: &[String],
    spans: &[QuoteSpan],
    i: usize,
    done: &[Option<Cue>],
) -> Option<Cue> {
    let span = &spans[i];
    let text = &blocks[span.block];
    let reader = Reader { lx, text };
    let cue = |block: usize, (start, end, who): Mention| Some(Cue { block, start, end, who });
    let person = |m: &Mention| matches!(m.2, Who::Name(_) | Who::Pronoun);
    let prev_quote =
        i.checked_sub(1).map(|p| &spans[p]).filter(|p| p.block == span.block).map_or(0, |p| p.end);
    let head_start = sentence_start(text, prev_quote, span.start).max(prev_quote);
    if !text[head_start..span.start].trim().is_empty() {
        let found = reader.framing_subject(head_start, span.start).and_then(|m| cue(span.block, m));
        // `Lee called it "…" in hopes that "…"`: the quotation before, in the same sentence,
        // has the same speaker.
        let same_sentence = prev_quote > 0 && head_start == prev_quote;
        return found.or_else(|| if same_sentence { done[i - 1].clone() } else { None });
    }
    if head_start > prev_quote {
        // A quotation that is a sentence of its own after narration naming a person, with
        // nothing after it in its sentence: `Lee named the cost as one reason. "…"` — the
        // subject of the sentence before (which holds no quotation) said it.
        let sentence_rest = &text[span.end..sentence_end(text, span.end, text.len())];
        if sentence_rest.chars().any(char::is_alphanumeric) || span.continues.is_some() {
            return None;
        }
        let prev_start = sentence_start(text, prev_quote, head_start.saturating_sub(1)).max(prev_quote);
        return reader
            .framing_subject(prev_start, head_start)
            .filter(person)
            .and_then(|m| cue(span.block, m));
    }
    // Only a paragraph that is a quotation and nothing more ("“…” was painted on a banner" is
    // narration about a quotation).
    let sentence_rest = &text[span.end..sentence_end(text, span.end, text.len())];
    if !text[..span.start].trim().is_empty()
        || span.continues.is_some()
        || sentence_rest.chars().any(char::is_alphanumeric)
    {
        return None;
    }
    let prev_block = span.block.checked_sub(1)?;
    let prev = &blocks[prev_block];
    let end = prev.trim_end().len();
    let last_start = sentence_start(prev, 0, end.saturating_sub(1));
    // The paragraph before ends with an attributed quotation: this one goes on with it.
    if let Some(j) = i.checked_sub(1).filter(|&j| spans[j].block == prev_block) {
        let last = &spans[j];
        // Its cue follows it to the paragraph's end (`"…," Lee said.`), or nothing does.
        let cue_after = done[j].as_ref().is_some_and(|c| c.block == prev_block && c.start >= last.end);
        // An open quotation runs to the block's end, past trailing spaces.
        let rest = &prev[last.end.min(end)..end];
        if sentence_end(prev, last.end, end) >= end
            && (cue_after || rest.chars().all(|c| !c.is_alphanumeric()))
        {
            return done[j].clone();
        }
        if last.end >= last_start {
            return None;
        }
    }
    let prev_reader = Reader { lx, text: prev };
    prev_reader.framing_subject(last_start, end).filter(person).and_then(|m| cue(prev_block, m))
}

/// Looks for the speaker of span `i` in its block: after it first, then before it; for a
/// quotation that opens its block, in an introduction ending with a colon just before
/// ("Smith continued:").
fn find_cue(lx: &Lexicon, blocks: &[String], spans: &[QuoteSpan], i: usize) -> Option<Cue> {
    let span = &spans[i];
    let text = &blocks[span.block];
    let reader = Reader { lx, text };
    // The stretch after the quote, up to the next quote in the block or the sentence end.
    let next_quote = spans.get(i + 1).filter(|n| n.block == span.block).map_or(text.len(), |n| n.start);
    let prev_quote =
        i.checked_sub(1).and_then(|p| spans.get(p)).filter(|p| p.block == span.block).map_or(0, |p| p.end);
    let found = if span.closed && !ends_sentence(text, span) {
        let tail_end = sentence_end(text, span.end, next_quote);
        reader.after_quote(span.end, tail_end)
    } else {
        None
    };
    let found = found.or_else(|| {
        let head_start = sentence_start(text, prev_quote, span.start).max(prev_quote);
        reader.before_quote(head_start, span.start)
    });
    let found = found.or_else(|| reader.transcript_label(span.inner(text).0));
    if let Some((start, end, who)) = found {
        return Some(Cue { block: span.block, start, end, who });
    }
    // A quotation that opens a sentence after one naming its speaker:
    // `Schiff said. "The other factor …"`.
    let head_start = sentence_start(text, prev_quote, span.start).max(prev_quote);
    if head_start > prev_quote && text[head_start..span.start].trim().is_empty() {
        let prev_start = sentence_start(text, prev_quote, head_start.saturating_sub(1)).max(prev_quote);
        if let Some((start, end, who)) = reader.before_quote(prev_start, head_start) {
            return Some(Cue { block: span.block, start, end, who });
        }
    }
    let opens_block = text[..span.start].trim().is_empty();
    let prev_block = span.block.checked_sub(1)?;
    let prev = &blocks[prev_block];
    let prev_has_quote_at_end =
        spans[..i].last().is_some_and(|p| p.block == prev_block && p.end >= prev.trim_end().len());
    if opens_block && span.continues.is_none() && prev.trim_end().ends_with(':') && !prev_has_quote_at_end {
        let end = prev.trim_end().len();
        let prev_reader = Reader { lx, text: prev };
        let (start, end, who) = prev_reader.before_quote(sentence_start(prev, 0, end), end)?;
        return Some(Cue { block: prev_block, start, end, who });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(block: &str) -> Option<(String, Who)> {
        let blocks = vec![block.to_string()];
        let spans = crate::quotes::find(Lexicon::get(), &blocks);
        let c = find_cue(Lexicon::get(), &blocks, &spans, 0)?;
        Some((block[c.start..c.end].to_string(), c.who))
    }

    fn name(s: &[&str]) -> Who {
        Who::Name(s.iter().map(|t| t.to_string()).collect())
    }

    #[test]
    fn attribution_forms() {
        let table: &[(&str, Option<(&str, Who)>)] = &[
            (r#""We will win this," Smith said."#, Some(("Smith", name(&["Smith"])))),
            // A party in capitals before a lower-case title; a name that owns the speaker.
            (
                r#"Democratic nominee Ann Smith, at a later press event, said, "We will win this.""#,
                Some(("Ann Smith", name(&["Ann", "Smith"]))),
            ),
            (
                r#"Libertarian candidate Ann Smith's doctor is calling her "extremely physically fit.""#,
                Some(("Ann Smith's doctor", Who::Role { family: "", organisation: None })),
            ),
            // A possessive's noun phrase ends before its verb; "It's" is no possessive.
            (
                r#"Lee's family has called on the city to act "for the greater good of all.""#,
                Some(("Lee's family", Who::Role { family: "", organisation: None })),
            ),
            (r#"It's denouncing what it calls "the biggest attack in history.""#, None),
            // A heading in capitals is no speaker.
            (r#"BOARD REVIEWS HARBOR PLAN says "it will not pass this year.""#, None),
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
            (r#""We will win this," Mr. Alexander said."#, Some(("Alexander", name(&["Alexander"])))),
            (r#""We will win this," Ann Lee, 25, said."#, Some(("Ann Lee", name(&["Ann", "Lee"])))),
            (r#""We will win this," Sen. Ann Lee, R-Ky., said."#, Some(("Ann Lee", name(&["Ann", "Lee"])))),
            (r#""We will win this," said 9/11 widow Ann Lee."#, Some(("Ann Lee", name(&["Ann", "Lee"])))),
            (
                r#"Ann Lee, who runs the campaign in the county, said, "We will win this.""#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            (
                r#"Ann Lee attacked Bo Park for his record in Iraq and Libya, saying, "We will win this.""#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            (
                r#"The ad shows footage of Ann Lee saying "we will win this" twice."#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            (
                r#"Ann Lee, the mayor, a member of the board, said: "We will win this.""#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            (r#""Why would we lose this?" Lee demanded."#, Some(("Lee", name(&["Lee"])))),
            (
                r#"It is banned, per the party's bylaws, "to fill a vacancy on the ticket.""#,
                Some(("the party's bylaws", Who::Role { family: "", organisation: None })),
            ),
            (r#"We said "we will win this." Lee then left the room."#, Some(("We", Who::Pronoun))),
            (
                r#""It is fine," said Charlie King, a lawyer."#,
                Some(("Charlie King", name(&["Charlie", "King"]))),
            ),
            (
                r#""It is fine," said Mr. McGinley, the law professor."#,
                Some(("McGinley", name(&["McGinley"]))),
            ),
            (
                r#""It is fine," said Rep. G.K. Butterfield (D-N.C.), head of the caucus."#,
                Some(("G.K. Butterfield", name(&["G.K.", "Butterfield"]))),
            ),
            (r#"Said Ellis: "I do not think it is fine.""#, Some(("Ellis", name(&["Ellis"])))),
            (r#""WALLACE: Let us start with the news.""#, Some(("WALLACE", name(&["WALLACE"])))),
            (
                r#""It is fine," Sen. Claire McCaskill (D-Mo.) said."#,
                Some(("Claire McCaskill", name(&["Claire", "McCaskill"]))),
            ),
            (
                r#""It is fine," Ann Lee, director of the center and a professor at Syracuse University, said."#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            (
                r#"Ann Lee said Bo Park was "absolutely right" when he said it on Monday."#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            (
                r#""Subpoenas are not optional," panel Chairman Rep. Ann Lee (R-Utah) said."#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            (
                r#"The board may act, Ann Lee said. "The other factor is time.""#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            (
                r#"Russia insisted that they "stop the dangerous escapades.""#,
                Some(("Russia", name(&["Russia"]))),
            ),
            (r#"He's claiming that fraud is "a big, big problem.""#, Some(("He", Who::Pronoun))),
            (
                r#""He looked like a grown-up," said Ann Lee of Port Alder."#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            // The family name He is no pronoun.
            (
                r#""We need more time," said He Jianxiong."#,
                Some(("He Jianxiong", name(&["He", "Jianxiong"]))),
            ),
            (
                r#"He Jianxiong said: "We need more time.""#,
                Some(("He Jianxiong", name(&["He", "Jianxiong"]))),
            ),
            (r#""We need more time," He said."#, Some(("He", Who::Pronoun))),
            // "…," but she said …: a new clause; the quotation's speaker is before it.
            (
                r#"Ann Lee said the tape did not give "any clear sign of a gun at all," but she said it helped."#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            // A body speaks as "it" after a quotation.
            (r#""We will not raise prices this year," it added."#, Some(("it", Who::Pronoun))),
            // Lower-case title words and an abbreviated title before the name in apposition.
            (
                r#""We will win this!" Bo Park's niece, state Del. Ann Lee (D-Port Alder), shouted."#,
                Some(("Ann Lee", name(&["Ann", "Lee"]))),
            ),
            (
                r#""We will win this," Bo Park, president of the Port Alder Union of Teachers, said."#,
                Some(("Bo Park", name(&["Bo", "Park"]))),
            ),
            (r#"He dismissed it as "the suburbs of the city" — a metaphor for defeat."#, None),
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

    /// A transcript quoted over several paragraphs: a paragraph with no label of its own goes
    /// on with the label before it.
    #[test]
    fn transcript_paragraphs_keep_the_last_label() {
        let got = speakers(&[
            "Part of the interview:",
            "\"HOST: Will the mayor be there tomorrow night?",
            "\"LEE: The mayor will not be attending the event tomorrow.",
            "\"She has other plans for the whole of that week.",
            "\"HOST: Thank you for your time today.\"",
        ]);
        let who: Vec<Option<&str>> = got.iter().map(|(_, s, _)| s.as_deref()).collect();
        assert_eq!(who, [Some("HOST"), Some("LEE"), Some("LEE"), Some("HOST")]);
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

    /// Quotations framed by other verbs than speech verbs, or credited in the paragraph
    /// around them: (blocks, the speaker and resolved name of each quotation in order).
    #[test]
    fn framing_and_paragraph_cues() {
        type Row<'a> = (&'a [&'a str], &'a [(Option<&'a str>, Option<&'a str>)]);
        let lee = (Some("Ann Lee"), Some("Ann Lee"));
        let table: &[Row] = &[
            // Another verb frames the quotation: the sentence's subject said it.
            (&[r#"Ann Lee dismissed the plan as "a waste of public money.""#], &[lee]),
            // After an introductory phrase.
            (&[r#"In July, Ann Lee dismissed the plan as "a waste of public money.""#], &[lee]),
            (&[r#"However, Ann Lee called the vote "a clear breach of the rules.""#], &[lee]),
            // A noun that names speech, owned by a possessive.
            (
                &[r#"The board rejected Bo Park's claim that "the audit found nothing at all.""#],
                &[(Some("Bo Park"), Some("Bo Park"))],
            ),
            // A body as subject, a participle framing the quotation.
            (
                &[r#"The city council issued a statement calling the vote "a clear breach of the charter.""#],
                &[(Some("The city council"), None)],
            ),
            // A date's year after a comma is part of the introductory phrase.
            (
                &[
                    "On July 6, 2015, Ann Lee made the following comment:",
                    r#""We will not stop until it is done.""#,
                ],
                &[lee],
            ),
            // A quotation that is a sentence of its own after narration: the narration's
            // subject, past an abbreviated title and a parenthesis after the name.
            (
                &[r#"Ann Lee named the cost as one reason to act. "Nobody here wants to wait for a plan.""#],
                &[lee],
            ),
            (
                &[
                    r#"On the show, Sen. Ann Lee (Vt.), who lost the race, named the cost. "Nobody here wants to wait.""#,
                ],
                &[lee],
            ),
            (&[r#"In January, Gov. Ann Lee praised the plan for its "new and bold ideas.""#], &[lee]),
            // … but not when the sentence goes on past the quotation.
            (&[r#"Ann Lee left early. "Bring back our bridge" was painted on the wall."#], &[(None, None)]),
            // "what it called" is no subject: the sentence's is.
            (
                &[r#"The Security Council pledged to act on what it called "a clear threat to peace.""#],
                &[(Some("The Security Council"), Some("Security Council"))],
            ),
            // A place in an introductory phrase is no speaker.
            (&[r#"Along Quay Street, signs reading "Bring back our boat" still hang."#], &[(None, None)]),
            // A description, then the name in apposition.
            (&[r#"Another critic, Ann Lee, likened the rules to "burning the town charter.""#], &[lee]),
            // A pronoun with a contracted verb.
            (
                &["Ann Lee spoke on Monday.", r#"She's claiming that fraud is "a big, big problem here.""#],
                &[(Some("She"), Some("Ann Lee"))],
            ),
            // A paragraph that is only a quotation goes on with the quotation that ended the one
            // before.
            (
                &[r#""We will win this race," Ann Lee said."#, r#""The other side has no plan at all.""#],
                &[lee, lee],
            ),
            // … or with the subject of that paragraph's last sentence.
            (
                &[
                    "On Monday, Ann Lee made the following comment:",
                    r#""We will not stop until it is done.""#,
                ],
                &[lee],
            ),
            // A paragraph that only opens with a quotation is narration about it.
            (
                &[
                    r#""We will win this race," Ann Lee said."#,
                    r#""Bring back our old bridge," was painted on a wall."#,
                ],
                &[lee, (None, None)],
            ),
            (
                &[
                    "Ann Lee gave a speech.",
                    r#"Ann Lee said the plan "will not pass this year," and Bo Park left."#,
                    r#""Nobody can say what comes next.""#,
                ],
                &[lee, (None, None)],
            ),
            // Nothing frames a quotation in a sentence with no subject to name.
            (&[r#"It was "a very long night for all of them" in the end."#], &[(None, None)]),
            // A second quotation in the sentence of a framed one shares its speaker.
            (
                &[r#"Ann Lee called it "a race to the bottom" in hopes that "they will listen at last.""#],
                &[lee, lee],
            ),
            // The family name He.
            (
                &[r#"He Jianxiong dismissed the plan as "a waste of public money.""#],
                &[(Some("He Jianxiong"), Some("He Jianxiong"))],
            ),
            // A capitalised word that opens a sentence is a speaker only if the page names it:
            // an imperative in a list is not; a body written with a capital mid-sentence is.
            (
                &[
                    "The plan must do three things:",
                    "Fill in the gaps in the budget.",
                    r#""We need a plan we can all read.""#,
                ],
                &[(None, None)],
            ),
            (
                &[
                    "After the vote Harborwatch checked the figures.",
                    r#"Harborwatch dismissed the count as "far below what was promised.""#,
                ],
                &[(Some("Harborwatch"), Some("Harborwatch"))],
            ),
            // The subject ends before its verb: "The Tribune sent its …".
            (
                &[r#"The Tribune sent its "senior roving correspondent" to the town."#],
                &[(Some("The Tribune"), Some("Tribune"))],
            ),
        ];
        for (blocks, want) in table {
            let got: Vec<(Option<String>, Option<String>)> =
                speakers(blocks).into_iter().map(|(_, s, r)| (s, r)).collect();
            let want: Vec<(Option<String>, Option<String>)> =
                want.iter().map(|(s, r)| (s.map(str::to_string), r.map(str::to_string))).collect();
            assert_eq!(got, want, "{blocks:?}");
        }
    }

    /// Found by the property test: a quotation left open before trailing no-break spaces,
    /// then a paragraph opening with a quotation that does not continue it.
    #[test]
    fn an_open_quotation_before_trailing_spaces() {
        let got = speakers(&["\u{AB} rock 'n' roll\u{AB}\u{A0}", "\"\u{200B} rock 'n' roll"]);
        assert_eq!(got.len(), 2);
    }

    /// He/she: (blocks, the name the last quotation's pronoun resolves to).
    #[test]
    fn pronoun_resolution() {
        let table: &[(&[&str], Option<&str>)] = &[
            // A name after a preposition beside a speech verb ("agreed with Lee") is no subject.
            (
                &[
                    "Paul Okafor spoke first at the hall.",
                    "Peter Wilson agreed with Okafor about the winner.",
                    "\u{201C}We will build the bridge this year,\u{201D} he said.",
                ],
                Some("Peter Wilson"),
            ),
            // After an introductory phrase ("In …,") the name is the sentence's subject.
            (
                &[
                    "Bo Park spoke first at the hall.",
                    "In a statement on Monday, Paul Okafor thanked the staff.",
                    "\u{201C}We will build the bridge this year,\u{201D} he said.",
                ],
                Some("Paul Okafor"),
            ),
            // A lone given name marks its gender: "he" is not Melanie.
            (
                &[
                    "Paul Okafor spoke at the rally on Monday.",
                    "Melanie watched it at home and said \u{201C}he is the one for all of us.\u{201D}",
                    "\u{201C}We will build the bridge this year,\u{201D} he said.",
                ],
                Some("Paul Okafor"),
            ),
            // A name after a participle after "tweets" is the participle's object, no subject.
            (
                &[
                    "Ann Lee spoke at the hall on Monday.",
                    "She says the tweets accusing Mary Park of lying are \u{201C}lies and nothing else.\u{201D}",
                    "The candidate answered in her own series of posts.",
                    "She tweeted: \u{201C}This is dangerous for all of us.\u{201D}",
                ],
                Some("Ann Lee"),
            ),
        ];
        for (blocks, want) in table {
            let got = speakers(blocks);
            assert_eq!(got.last().and_then(|q| q.2.as_deref()), *want, "{blocks:?}");
        }
    }

    /// "the commission", "the agency": (blocks, the name the last quotation's speaker
    /// resolves to).
    #[test]
    fn common_nouns_of_bodies() {
        let table: &[(&[&str], Option<&str>)] = &[
            (
                &[
                    "The Harbour Commission on Fishing Rights met on Monday.",
                    "The commission says that \u{201C}the audit found nothing wrong at all.\u{201D}",
                ],
                Some("Harbour Commission on Fishing Rights"),
            ),
            (
                &[
                    "Officials at the Federal Water Agency met on Monday.",
                    "\u{201C}The audit found nothing wrong at all,\u{201D} the agency said.",
                ],
                Some("Federal Water Agency"),
            ),
            // The noun alone opening a sentence names no body.
            (
                &[
                    "Commission members met.",
                    "\u{201C}The audit found nothing wrong at all,\u{201D} the commission said.",
                ],
                None,
            ),
        ];
        for (blocks, want) in table {
            let got = speakers(blocks);
            assert_eq!(got.last().and_then(|q| q.2.as_deref()), *want, "{blocks:?}");
        }
    }

    fn cue_in(lang: &str, block: &str) -> Option<(String, Who)> {
        let lx = Lexicon::for_lang(Some(lang));
        let blocks = vec![block.to_string()];
        let spans = crate::quotes::find(lx, &blocks);
        let c = find_cue(lx, &blocks, &spans, 0)?;
        Some((block[c.start..c.end].to_string(), c.who))
    }

    #[test]
    fn french_german_spanish() {
        let unknown = |s: &str| Some((s.to_string(), Who::Role { family: "", organisation: None }));
        let pronoun = |s: &str| Some((s.to_string(), Who::Pronoun));
        let named = |s: &str, t: &[&str]| Some((s.to_string(), name(t)));
        type Row<'a> = (&'a str, &'a str, Option<(String, Who)>);
        let table: &[Row] = &[
            (
                "fr",
                "\u{AB}\u{A0}Nous irons jusqu'au bout\u{A0}\u{BB}, a d\u{E9}clar\u{E9} le ministre.",
                unknown("le ministre"),
            ),
            ("fr", "\u{AB}\u{A0}Nous irons jusqu'au bout\u{A0}\u{BB}, dit-il.", pronoun("il")),
            (
                "fr-CA",
                "Selon Marie Dubois, \u{AB}\u{A0}le projet avance bien\u{A0}\u{BB}.",
                named("Marie Dubois", &["Marie", "Dubois"]),
            ),
            (
                "de",
                "\u{201E}Wir schaffen das schon\u{201C}, sagte Anna Weber.",
                named("Anna Weber", &["Anna", "Weber"]),
            ),
            ("de", "\u{201E}Wir schaffen das schon\u{201C}, so Weber.", named("Weber", &["Weber"])),
            ("de-AT", "Er sagte: \u{BB}Wir schaffen das schon.\u{AB}", pronoun("Er")),
            (
                "es",
                "\u{AB}Vamos a ganar la elecci\u{F3}n\u{BB}, dijo Ana L\u{F3}pez.",
                named("Ana L\u{F3}pez", &["Ana", "L\u{F3}pez"]),
            ),
            (
                "es",
                "Seg\u{FA}n Ana L\u{F3}pez, \u{AB}el plan funciona muy bien\u{BB}.",
                named("Ana L\u{F3}pez", &["Ana", "L\u{F3}pez"]),
            ),
            // Without the page's language the foreign verb is not a cue.
            ("en", "\u{AB}Vamos a ganar la elecci\u{F3}n\u{BB}, dijo Ana L\u{F3}pez.", None),
        ];
        for (lang, input, want) in table {
            assert_eq!(&cue_in(lang, input), want, "{lang}: {input}");
        }
    }

    #[test]
    fn people_and_officials_are_linked_to_their_quotes() {
        let page = crate::Page::new(
            [
                "Bill Clinton and Hillary Clinton spoke in Harlem, where Mayor Ann Lee met them.",
                "\u{201C}We came to listen to every voice here,\u{201D} Clinton said.",
                "\u{201C}The city is ready for the work ahead,\u{201D} Lee said.",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        );
        let r = crate::analyze(&page);
        let people: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, ["Bill Clinton", "Hillary Clinton"]);
        assert_eq!(r.officials.len(), 1);
        assert_eq!((r.officials[0].name.as_str(), r.officials[0].quotes), ("Ann Lee", 1));
        // "Clinton" is shared: given to the nearest full mention before it, and flagged.
        assert_eq!(r.quotes[0].speaker_resolved.as_deref(), Some("Hillary Clinton"));
        assert_eq!(r.quotes[0].person, Some(1));
        assert_eq!(r.people[1].quotes, 1);
        let clinton = r.people[1].mentions.iter().find(|m| m.text == "Clinton").expect("the bare surname");
        assert!(clinton.ambiguous);
        assert!(r.people[1].mentions.iter().filter(|m| m.text != "Clinton").all(|m| !m.ambiguous));
        assert_eq!(r.quotes[1].official, Some(0));
        assert_eq!(r.quotes[1].person, None);
    }
}
