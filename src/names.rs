//! Person names and the titles written around them.
//!
//! A name is a run of capitalised words (with initials, particles such as "de" or "bin",
//! hyphens and apostrophes, and words in parentheses: "President (Vladimir) Putin"). Titles and
//! their modifiers are peeled off the front of a run ("Russian Foreign Minister Sergey Lavrov"),
//! read from a run that ends in a comma before the name ("White House Press Secretary, Josh
//! Earnest"), or from an apposition after it ("Ruth Castellano, the mayor of Port Alder,").

use std::collections::{HashMap, HashSet};

use crate::lexicon::{lower, Facts, Lexicon, ModifierKind};
use crate::quotes::QuoteSpan;
use crate::repeats::FxBuild;
use crate::text::{is_capitalised, sentence_end_marks, words_in, Word};

/// A title found with a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The title as written, with organisation and qualifier modifiers
    /// ("White House Press Secretary", "Prime Minister").
    pub text: String,
    /// Its role family from the lexicon ("spokesperson").
    pub family: &'static str,
    /// Country, from a demonym or country modifier, or from "its"/"their" and the nearest
    /// country named before it in the sentence.
    pub country: Option<&'static str>,
    /// Organisation or jurisdiction ("White House", "Port Alder").
    pub organisation: Option<String>,
}

/// One mention of a person by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// Block index.
    pub block: usize,
    /// Start of the whole mention, title included.
    pub start: usize,
    /// End of the whole mention.
    pub end: usize,
    /// Start of the name proper.
    pub name_start: usize,
    /// End of the name proper.
    pub name_end: usize,
    /// The name's words, without parentheses or a possessive "'s".
    pub tokens: Vec<String>,
    /// The title written with this mention, if any.
    pub title: Option<Title>,
    /// Whether the mention lies inside a quotation.
    pub in_quote: bool,
    /// The gender an honorific before the name marks ('m' for Mr., 'f' for Mrs., Ms.,
    /// Miss), or '?' for one that marks none (Dr.); None without an honorific.
    pub honorific: Option<char>,
    /// Whether the mention opens its sentence (after at most a few words such as "But" or
    /// "Conservative economist"), and so is likely its subject; a possessive is not.
    pub subject: bool,
    /// Whether a speech verb stands right beside the name ("said Quina Jones", "Jones said"),
    /// which marks it as a person's.
    pub speaks: bool,
}

impl NameMention {
    /// The last name word, which aliases share.
    pub fn surname(&self) -> &str {
        self.tokens.last().map_or("", String::as_str)
    }

    /// Whether a name word other than particles comes before the surname ("Ann de Vries",
    /// not "de Vries").
    fn has_given_name(&self) -> bool {
        has_given_name(&self.tokens)
    }
}

/// Whether `tokens` hold a name word other than particles before the surname.
fn has_given_name(tokens: &[String]) -> bool {
    tokens.len() >= 2 && !tokens[..tokens.len() - 1].iter().all(|t| PARTICLES.contains(&t.as_str()))
}

/// Every person-name mention of a page, in page order.
pub struct NameIndex {
    /// The mentions, in page order.
    pub mentions: Vec<NameMention>,
    /// What the mentions with each surname say.
    by_surname: HashMap<String, SurnameGroup, FxBuild>,
    /// The full name each mention refers to.
    full: Vec<String>,
    /// The gender ('m' or 'f') each full name is marked with, by an honorific, a first name
    /// in the lexicon or a gendered title.
    genders: HashMap<String, char, FxBuild>,
}

const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el", "la", "le", "du",
    "dos", "ter",
];
const PLACE_PREPOSITIONS: &[&str] =
    &["in", "at", "from", "of", "near", "across", "outside", "inside", "the", "a", "an", "into"];
const SUFFIXES: &[&str] = &["Jr.", "Sr.", "II", "III", "IV", "Jr", "Sr"];

/// A word's text for lexicon look-ups: without a possessive "'s".
fn bare(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s")).unwrap_or(word)
}

fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2 && !word.contains('.')
}

/// Can this word be part of a name run?
fn is_name_word(word: &str) -> bool {
    is_capitalised(word) && !is_acronym(bare(word)) || is_initials(word)
}

fn is_initials(word: &str) -> bool {
    word.ends_with('.')
        && word
            .split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// `word` without the invisible characters inside it (copied whole when it has none, as
/// nearly every word has).
fn without_invisible(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    word.chars().filter(|&c| !crate::text::is_invisible(c)).collect()
}

/// Is the gap between two words of one run allowed: spaces, possibly a parenthesis on each side?
fn joins_run(gap: &str) -> bool {
    let g = gap.trim_start_matches(')');
    let g = g.trim_end_matches('(');
    !g.is_empty() && g.chars().all(char::is_whitespace)
}

/// The result of peeling titles and modifiers off the front of a run of words.
struct Peeled {
    /// Words consumed by modifiers and titles.
    used: usize,
    /// Words read as modifiers or titles, even when no title followed ("United States").
    read: usize,
    title: Option<Title>,
}

/// Reads `[modifier]* title [title]*` from the start of `words` (lower-cased texts), as long as
/// it can; returns how many words that took and the title, if one was read. `facts` are those
/// of the words' bare forms (see `BlockWords`).
fn peel_title(src: &str, words: &[Word], facts: &[Facts]) -> Peeled {
    let lx = Lexicon::get();
    // The lower-case phrase of `n` words from word `i`, made only for a length some title or
    // modifier starting with word `i` has.
    let phrase_at = |i: usize, n: usize| {
        let mut out = String::new();
        for (k, w) in words[i..i + n].iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(&lower(bare(w.text(src))));
        }
        out
    };
    let mut i = 0;
    let mut country = None;
    let mut organisation: Option<String> = None;
    let mut written_from: Option<usize> = None; // first word of the title as written
    let mut title_end = 0;
    let mut family = None;
    while i < words.len() {
        let mut matched = false;
        // Phrase lengths some title or modifier starting with this word has: no other can match.
        let lengths = facts[i].title_lengths() | facts[i].modifier_lengths();
        for n in (1..=lx.max_phrase_words.min(words.len() - i)).rev() {
            if lengths & (1 << n) == 0 {
                continue;
            }
            let phrase = phrase_at(i, n);
            if let Some(f) = lx.title_family(&phrase) {
                written_from.get_or_insert(i);
                family = Some(f);
                i += n;
                title_end = i;
                matched = true;
                // "envoy to Ukraine Kurt Volker": a place after to/of/for belongs to the title.
                if i + 2 < words.len() && matches!(&*lower(bare(words[i].text(src))), "to" | "of" | "for") {
                    if let Some((ModifierKind::Country, value)) = lx.modifier(&phrase_at(i + 1, 1)) {
                        country = Some(value);
                        i += 2;
                        title_end = i;
                    }
                }
                break;
            }
            if let Some((kind, value)) = lx.modifier(&phrase) {
                if family.is_some() {
                    break; // a modifier after the title ends it ("President Obama" vs "… US")
                }
                match kind {
                    ModifierKind::Country => country = Some(value),
                    ModifierKind::Org => {
                        organisation = Some(value.to_string());
                        written_from.get_or_insert(i);
                    }
                    ModifierKind::Qualifier => {
                        written_from.get_or_insert(i);
                    }
                }
                i += n;
                matched = true;
                break;
            }
        }
        // A portfolio or body in capitals before a title head: "Transport Minister",
        // "City Hall spokeswoman".
        if !matched && family.is_none() && is_capitalised(words[i].text(src)) && !facts[i].is_not_name() {
            let head_follows = (i + 1..words.len().min(i + 4)).any(|h| {
                (h - i == 1 || is_capitalised(words[h - 1].text(src)))
                    && (1..=lx.max_phrase_words.min(words.len() - h)).any(|n| {
                        facts[h].title_lengths() & (1 << n) != 0
                            && lx.title_family(&phrase_at(h, n)).is_some()
                    })
            });
            if head_follows {
                written_from.get_or_insert(i);
                i += 1;
                matched = true;
            }
        }
        if !matched {
            break;
        }
    }
    match family {
        Some(family) => {
            let from = written_from.unwrap_or(0);
            let mut text = join_words(src, &words[from..title_end]);
            if words[from..title_end].iter().any(|w| !is_capitalised(w.text(src))) {
                text = title_case(&text);
            }
            Peeled { used: title_end, read: i, title: Some(Title { text, family, country, organisation }) }
        }
        None => Peeled { used: 0, read: i, title: None },
    }
}

/// The words' texts joined by single spaces, parentheses dropped.
fn join_words(src: &str, words: &[Word]) -> String {
    let lx = Lexicon::get();
    let mut out =
        String::with_capacity(words.last().map_or(0, |w| w.end) - words.first().map_or(0, |w| w.start) + 1);
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let t = w.text(src);
        out.push_str(t);
        if src[w.end..].starts_with('.') && lx.is_abbreviation(t) {
            out.push('.');
        }
    }
    out
}

/// Title-cases a title written in lower case after a name ("the mayor" → "Mayor").
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if matches!(w, "of" | "the" | "and" | "for") {
                return w.to_string();
            }
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Country named by the nearest country modifier before `at` (a word's start, or a parenthesis
/// right before one) in the same sentence, for "its Prime Minister …" after "a Russian proposal".
fn country_before(src: &str, words: &[Word], sentences: &mut Sentences, at: usize) -> Option<&'static str> {
    let lx = Lexicon::get();
    sentences.words_before(words, at).iter().rev().find_map(|w| {
        match lx.modifier(&lower(bare(w.text(src)))) {
            Some((ModifierKind::Country, value)) if is_capitalised(w.text(src)) => Some(value),
            _ => None,
        }
    })
}

/// Where the sentences of one block end, found once for the block on first need, so that each
/// mention asks by binary search instead of scanning back to its sentence's start (which made a
/// block of one endless sentence quadratic).
struct Sentences<'a> {
    src: &'a str,
    /// Byte offsets of the block's sentence-ending marks, in order (see `sentence_end_marks`).
    ends: Option<Vec<usize>>,
}

impl Sentences<'_> {
    /// `text::sentence_start(src, 0, at)`: after the last sentence end before `at`, else 0.
    fn start(&mut self, at: usize) -> usize {
        let src = self.src;
        let ends = self.ends.get_or_insert_with(|| sentence_end_marks(src));
        match ends.partition_point(|&e| e < at) {
            0 => 0,
            k => ends[k - 1] + 1,
        }
    }

    /// The words of its sentence before `at`, a word's start or a parenthesis right before one:
    /// what `words_in(src, sentence_start(src, 0, at), at)` gives, taken from the block's own
    /// words. No word straddles either bound: a sentence starts after a mark followed by
    /// whitespace, and `at` starts a word.
    fn words_before<'w>(&mut self, words: &'w [Word], at: usize) -> &'w [Word] {
        let from = self.start(at);
        let lo = words.partition_point(|w| w.start < from);
        let hi = words.partition_point(|w| w.start < at);
        &words[lo..hi.max(lo)]
    }
}

impl NameIndex {
    /// Finds every person-name mention in the blocks.
    pub fn build(blocks: &[String], spans: &[QuoteSpan]) -> NameIndex {
        let lx = Lexicon::get();
        let mut mentions = Vec::new();
        let mut next_span = 0; // spans are in page order: walk them with the blocks
        for (b, src) in blocks.iter().enumerate() {
            let first = next_span;
            while next_span < spans.len() && spans[next_span].block == b {
                next_span += 1;
            }
            let quoted: Vec<(usize, usize)> =
                spans[first..next_span].iter().map(|q| (q.start, q.end)).collect();
            let words = words_in(src, 0, src.len());
            if !is_headline(src, &words) {
                let facts: Vec<Facts> = words.iter().map(|w| lx.facts(bare(w.text(src)))).collect();
                find_in_block(b, src, &words, &facts, &quoted, &mut mentions);
            }
        }
        let mut index = NameIndex {
            mentions,
            by_surname: HashMap::default(),
            full: Vec::new(),
            genders: HashMap::default(),
        };
        index.keep_people();
        for m in &index.mentions {
            // A name is filed under its surname, and, when its first word is no known given
            // name, under that word too: family names come first in Chinese and Korean ("Xi
            // Jinping" … "Xi").
            let family_first =
                m.has_given_name() && !lx.is_first_name(&m.tokens[0]) && !m.tokens[0].ends_with('.');
            let keys = std::iter::once(m.surname()).chain(family_first.then(|| m.tokens[0].as_str()));
            for key in keys {
                if !index.by_surname.contains_key(key) {
                    index.by_surname.insert(key.to_string(), SurnameGroup::default());
                }
                let Some(group) = index.by_surname.get_mut(key) else { continue };
                let k = match group.names.iter().position(|n| *n == m.tokens) {
                    Some(k) => k,
                    None => {
                        group.names.push(m.tokens.clone());
                        group.names.len() - 1
                    }
                };
                if m.has_given_name() {
                    if let Some(&(_, first)) = group.full_mentions.first() {
                        let differ = group.names[first] != m.tokens
                            && !(group.names[first].last() == m.tokens.last()
                                && first_names_agree(&group.names[first][0], &m.tokens[0]));
                        group.first_names_differ |= differ;
                    }
                    group.full_mentions.push(((m.block, m.start), k));
                }
            }
        }
        index.full = index
            .mentions
            .iter()
            .map(|m| {
                // A bare surname with a title ("Vice President Biden") names the person first
                // introduced with that surname, who is the prominent one; an untitled one, the
                // one named nearest before it.
                if m.title.is_some() && !m.has_given_name() {
                    let group = index.by_surname.get(m.surname());
                    if let Some(&(_, first)) =
                        group.filter(|g| g.first_names_differ).and_then(|g| g.full_mentions.first())
                    {
                        let names = &index.by_surname[m.surname()].names;
                        return index.full_name(&names[first], m.block, m.start);
                    }
                }
                // "Mrs. Clinton" among Bill and Hillary Clinton: the nearest full name whose
                // first name marks the honorific's gender.
                if let (Some(g @ ('m' | 'f')), [surname]) = (m.honorific, m.tokens.as_slice()) {
                    if let Some(full) = index.nearest_of_gender(surname, g, (m.block, m.start)) {
                        return full;
                    }
                    // "Mr. Obama" on a page that names only Michelle Obama in full: not her.
                    let full = index.full_name(&m.tokens, m.block, m.start);
                    let first = full.split(' ').next().unwrap_or("");
                    return match lx.first_name_gender(first) {
                        Some(other) if other != g => surname.clone(),
                        _ => full,
                    };
                }
                index.full_name(&m.tokens, m.block, m.start)
            })
            .collect();
        for (m, full) in index.mentions.iter().zip(&index.full) {
            if let Some(g) = mention_gender(m, full) {
                if !index.genders.contains_key(full) {
                    index.genders.insert(full.clone(), g);
                }
            }
        }
        index
    }

    /// For a surname people with different first names share, the full name of the one whose
    /// first name marks gender `g`, mentioned in full nearest before `at` (else first after).
    fn nearest_of_gender(&self, surname: &str, g: char, at: (usize, usize)) -> Option<String> {
        let group = self.by_surname.get(surname).filter(|g| g.first_names_differ)?;
        let lx = Lexicon::get();
        let fits = |&&(_, k): &&((usize, usize), usize)| lx.first_name_gender(&group.names[k][0]) == Some(g);
        let i = group.full_mentions.partition_point(|&(pos, _)| pos <= at);
        let (before, after) = group.full_mentions.split_at(i);
        // A bounded look each way keeps a page of many namesakes linear.
        let &(_, k) = before.iter().rev().take(64).find(fits).or_else(|| after.iter().take(64).find(fits))?;
        Some(self.full_name(&group.names[k], at.0, at.1))
    }

    /// The gender ('m' or 'f') a full name is marked with anywhere on the page, if any.
    pub fn gender(&self, full_name: &str) -> Option<char> {
        self.genders.get(full_name).copied().or_else(|| {
            let mut words = full_name.split(' ');
            let first = words.next()?;
            // A lone word is a given name only when no full name has it as its surname
            // ("Melanie", in a feature that names her so); a lone surname says nothing.
            if words.next().is_none()
                && self.by_surname.get(first).is_some_and(|g| !g.full_mentions.is_empty())
            {
                return None;
            }
            Lexicon::get().first_name_gender(first)
        })
    }

    /// Whether a person named on the page has this surname (or, surname first, family name).
    pub fn knows_surname(&self, word: &str) -> bool {
        self.by_surname.contains_key(word)
    }

    /// The full name of the mention whose name starts at `(block, at)`, if there is one: it
    /// knows the title and honorific written with the name ("Mr. Obama" is not Michelle Obama).
    /// `tokens` are the name's words as the caller read them: the mention must end with the
    /// same surname.
    pub fn full_at(&self, block: usize, at: usize, tokens: &[String]) -> Option<&str> {
        let i = self.mentions.partition_point(|m| (m.block, m.name_start) < (block, at));
        self.mentions
            .get(i)
            .filter(|m| (m.block, m.name_start) == (block, at) && m.tokens.last() == tokens.last())
            .map(|_| self.full[i].as_str())
    }

    /// The full name mention `i` refers to.
    pub fn full_of(&self, i: usize) -> &str {
        &self.full[i]
    }

    /// Whether mention `i` is a bare surname that people with different first names share,
    /// so that it was given to the one named in full nearest before it.
    pub fn is_ambiguous(&self, i: usize) -> bool {
        let m = &self.mentions[i];
        !m.has_given_name() && self.by_surname.get(m.surname()).is_some_and(|g| g.first_names_differ)
    }

    /// Drops single-word mentions that nothing marks as a person: no title, no other mention
    /// with that surname and a first name, no speech verb right after.
    fn keep_people(&mut self) {
        let lx = Lexicon::get();
        // Words written alone somewhere, and how often each full name is written.
        let alone: HashSet<&str, FxBuild> =
            self.mentions.iter().filter(|m| m.tokens.len() == 1).map(|m| m.tokens[0].as_str()).collect();
        let mut counts: HashMap<&[String], usize, FxBuild> = HashMap::default();
        for m in &self.mentions {
            *counts.entry(m.tokens.as_slice()).or_default() += 1;
        }
        // An untitled name of several words is a person's only with some sign of one: a known
        // first name, an initial, a surname (or, surname first, a family name) used alone
        // elsewhere, or being written more than once. "Great Depression" and "Blue Origin"
        // have none.
        let person_like = |m: &NameMention| {
            let first = &m.tokens[0];
            lx.is_first_name(first)
                || m.speaks
                || m.tokens.iter().any(|t| t.ends_with('.'))
                || alone.contains(m.surname())
                || alone.contains(first.as_str())
                || counts.get(m.tokens.as_slice()).is_some_and(|&n| n > 1)
        };
        let mut keep: Vec<bool> = self
            .mentions
            .iter()
            .map(|m| m.title.is_some() || m.honorific.is_some() || m.tokens.len() >= 2 && person_like(m))
            .collect();
        // A word alone is a person's when it is the surname of a person kept above.
        let surnames: HashSet<&str, FxBuild> = self
            .mentions
            .iter()
            .zip(&keep)
            .filter(|(_, &k)| k)
            .flat_map(|(m, _)| {
                let family_first = m.has_given_name() && !lx.is_first_name(&m.tokens[0]);
                std::iter::once(m.surname()).chain(family_first.then(|| m.tokens[0].as_str()))
            })
            .collect();
        for (m, k) in self.mentions.iter().zip(keep.iter_mut()) {
            if !*k && !m.has_given_name() {
                *k = surnames.contains(m.surname());
            }
        }
        let mut keep = keep.into_iter();
        self.mentions.retain(|_| keep.next().unwrap_or(false));
    }

    /// The fullest name that `tokens`, written at `(block, at)`, refers to: the longest name
    /// with the same surname whose first name agrees, and for a bare surname shared by several
    /// people, the one mentioned in full nearest before (else first after).
    pub fn full_name(&self, tokens: &[String], block: usize, at: usize) -> String {
        let Some(surname) = tokens.last() else {
            return String::new();
        };
        let Some(group) = self.by_surname.get(surname.as_str()) else {
            return tokens.join(" ");
        };
        // "de Vries", "van der Berg": a surname with its particles is still a bare surname.
        let bare_surname = !has_given_name(tokens);
        if bare_surname && group.first_names_differ {
            let i = group.full_mentions.partition_point(|&(pos, _)| pos <= (block, at));
            let chosen = if i > 0 { group.full_mentions[i - 1].1 } else { group.full_mentions[0].1 };
            return self.full_name(&group.names[chosen], block, at);
        }
        group
            .names
            .iter()
            .filter(|n| {
                bare_surname
                    || n.len() < 2
                    || n.last() == tokens.last() && first_names_agree(&tokens[0], &n[0])
            })
            .map(Vec::as_slice)
            .chain(std::iter::once(tokens))
            .max_by_key(|n| (n.len(), n.iter().map(String::len).sum::<usize>()))
            .map(|n| n.join(" "))
            .unwrap_or_default()
    }
}

/// What the mentions sharing one surname say, for resolving aliases in time independent of how
/// often the name is repeated.
#[derive(Default)]
struct SurnameGroup {
    /// Distinct name forms (token lists) with this surname.
    names: Vec<Vec<String>>,
    /// Position and index in `names` of every mention of two words or more, in page order.
    full_mentions: Vec<((usize, usize), usize)>,
    /// Whether two of those have first names that do not agree (Bill and Hillary Clinton).
    first_names_differ: bool,
}

/// The gender one mention marks: its honorific, its title ("spokeswoman"), or the first name
/// of the full name it refers to.
fn mention_gender(m: &NameMention, full: &str) -> Option<char> {
    if let Some(g @ ('m' | 'f')) = m.honorific {
        return Some(g);
    }
    let title = m.title.as_ref().map(|t| t.text.to_lowercase()).unwrap_or_default();
    if ["woman", "queen", "princess", "madam"].iter().any(|w| title.contains(w)) {
        return Some('f');
    }
    if ["spokesman", "congressman", "king", "prince"].iter().any(|w| title.contains(w)) {
        return Some('m');
    }
    let mut words = full.split(' ');
    let first = words.next()?;
    words.next()?;
    Lexicon::get().first_name_gender(first)
}

/// Is `he` the family name He (何) rather than the pronoun: "He" followed, after one space, by
/// a capitalised word that could be a given name (`next`, as in "He Jianxiong said")?
pub fn is_family_name_he(lx: &Lexicon, src: &str, he: &Word, next: &Word) -> bool {
    let n = bare(next.text(src));
    he.text(src) == "He"
        && src[he.end..next.start] == *" "
        && is_capitalised(n)
        && !lx.is_not_name(n)
        && !lx.is_speech_verb(n)
        && lx.title_family(&lower(n)).is_none()
}

/// Is the block a headline in title case ("Retired General Reveals Demoralizing Experience")?
/// Its capitals say nothing about names.
fn is_headline(src: &str, words: &[Word]) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "nor", "but", "if", "so", "in", "on", "at", "to", "for", "by",
        "with", "as", "vs", "from", "into", "onto", "over", "upon", "up", "off", "out", "per", "via", "than",
    ];
    words.len() >= 4
        && !src.contains(',')
        && words.iter().all(|w| {
            let t = w.text(src);
            is_capitalised(t) || SMALL.contains(&t) || t.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
}

/// Does a mention starting at byte `at` open its sentence: at most three words before it
/// in the sentence, none of them a preposition?
fn opens_sentence(src: &str, words: &[Word], sentences: &mut Sentences, at: usize) -> bool {
    let before = sentences.words_before(words, at);
    before.len() <= 3
        && before.iter().all(|w| !PLACE_PREPOSITIONS.contains(&w.text(src)) && w.text(src) != "for")
}

/// Does a mention starting at byte `at` (its name's words ending before word `next`) follow an
/// introductory phrase and come before its verb: "In his speech on Monday, Ann Lee said …",
/// "For his part, Mr. Lee argued …"? The sentence opens with a preposition, conjunction or
/// adverb, a comma stands right before the mention, and a lower-case word follows it.
fn after_intro(src: &str, words: &[Word], sentences: &mut Sentences, at: usize, next: usize) -> bool {
    let before = sentences.words_before(words, at);
    let (Some(first), Some(last)) = (before.first(), before.last()) else {
        return false;
    };
    let verb_next = words.get(next).is_some_and(|w| {
        let t = w.text(src);
        t.starts_with(char::is_lowercase) && !matches!(t, "and" | "or" | "of" | "and," | "nor")
    }) && src[words[next - 1].end..words[next].start].trim().is_empty();
    before.len() <= 15
        && src[last.end..at].trim() == ","
        && crate::speaker::is_intro_word(&lower(first.text(src)))
        && verb_next
}

/// Do `before`, `connector` and `after` make a title ("Secretary of State")? Kept out of line:
/// it builds a string, and is called only at a connector inside a run of capitals.
#[inline(never)]
fn is_title_with_connector(lx: &Lexicon, src: &str, before: &Word, connector: &str, after: &Word) -> bool {
    let mut phrase = String::new();
    phrase.push_str(&lower(bare(before.text(src))));
    phrase.push(' ');
    phrase.push_str(connector);
    phrase.push(' ');
    phrase.push_str(&lower(bare(after.text(src))));
    lx.title_family(&phrase).is_some()
}

/// "R", "D", "I", "R-Ky.", "D-N.C.": a party tag.
fn is_party_tag(word: &str) -> bool {
    let mut parts = word.split('-');
    matches!(parts.next(), Some("R" | "D" | "I")) && parts.all(|p| p.len() <= 5)
}

/// The gender an honorific marks: Some('m'), Some('f'), Some('?') for Dr. and the like,
/// None for a word that is no honorific.
fn honorific_gender(word: &str) -> Option<char> {
    match word.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "mr" => Some('m'),
        "mrs" | "ms" | "miss" => Some('f'),
        "dr" | "prof" | "rev" => Some('?'),
        _ => None,
    }
}

/// "Bill" and "B." agree; "Bill" and "Hillary" do not.
fn first_names_agree(a: &str, b: &str) -> bool {
    let a1 = a.trim_end_matches('.');
    let b1 = b.trim_end_matches('.');
    let short_form = |x: &str, y: &str| x.chars().count() >= 3 && y.starts_with(x); // Josh, Joshua
    a1 == b1
        || (a.ends_with('.') && b1.starts_with(a1))
        || (b.ends_with('.') && a1.starts_with(b1))
        || short_form(a1, b1)
        || short_form(b1, a1)
}

/// Finds the name runs of one block and turns them into mentions. `facts[k]` is what the word
/// lists say of word `k` without a possessive "'s" (looked up once per word of the block).
fn find_in_block(
    b: usize,
    src: &str,
    words: &[Word],
    facts: &[Facts],
    quoted: &[(usize, usize)],
    out: &mut Vec<NameMention>,
) {
    let lx = Lexicon::get();
    // What the lists say of word `k` as written: the same as of its bare form but for a
    // possessive.
    let written = |k: usize| {
        let t = words[k].text(src);
        if bare(t).len() == t.len() {
            facts[k]
        } else {
            lx.facts(t)
        }
    };
    // The block's quotations are in order and do not overlap: only the last one starting at or
    // before `at` can hold it.
    let in_quote = |at: usize| {
        let k = quoted.partition_point(|&(s, _)| s <= at);
        k > 0 && at < quoted[k - 1].1
    };
    let mut sentences = Sentences { src, ends: None };
    // A title run that ended in a comma, waiting for the name after it.
    let mut pending: Option<(usize, Title)> = None;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].text(src);
        if !is_name_word(w) && !written(i).is_title_word_as_written() {
            pending = None;
            i += 1;
            continue;
        }
        // Collect the run.
        let mut j = i + 1;
        while j < words.len() {
            let mut gap = &src[words[j - 1].end..words[j].start];
            // "Mr. Obama", "Sen. Ann Lee": an abbreviation's period stays inside the run.
            if written(j - 1).is_abbreviation() {
                gap = gap.strip_prefix('.').unwrap_or(gap);
            }
            let wj = words[j].text(src);
            // "Roy Cooper (D)", "Ann Lee (R-Ky.)": a party tag is not part of the name.
            if gap.contains('(') && is_party_tag(wj) {
                break;
            }
            // "de Vries", "van der Berg": particles before a name word.
            let particle = PARTICLES.contains(&wj) && {
                let rest = &words[j + 1..];
                let k = rest.iter().take_while(|w| PARTICLES.contains(&w.text(src))).count();
                rest.get(k).is_some_and(|w| is_name_word(w.text(src)))
            };
            // "envoy to Ukraine Kurt Volker": a connector between a title and a place.
            // "Secretary of State Ann Lee": a title written with a connector.
            let connector = matches!(wj, "to" | "of" | "for")
                && words.get(j + 1).is_some_and(|n| {
                    (facts[j - 1].is_title() || facts[j - 1].is_title_word()) && facts[j + 1].is_modifier()
                        || is_title_with_connector(lx, src, &words[j - 1], wj, n)
                });
            let particle = particle || connector;
            if !joins_run(gap)
                || !(is_name_word(wj)
                    || particle
                    || SUFFIXES.contains(&wj)
                    || written(j).is_title_word_as_written())
            {
                break;
            }
            j += 1;
        }
        // Lower-case title words only lead into a name: the run ends before a lower-case word
        // that follows a name word ("Senator Mitch McConnell of Kentucky"), and on a capital.
        let mut seen_name = false;
        for (k, w) in words.iter().enumerate().take(j).skip(i) {
            let t = w.text(src);
            // A particle inside a name ("Ann de Vries", "Jan van der Berg") is no title word,
            // nor is the connector of a title ("Secretary of State").
            let inside_name = PARTICLES.contains(&t) && k + 1 < j
                || k > i
                    && k + 1 < j
                    && matches!(t, "of" | "to" | "for")
                    && is_title_with_connector(lx, src, &words[k - 1], t, &words[k + 1]);
            // A title head may follow a body's name ("City Hall spokeswoman"); a connector
            // such as "of" may not.
            if !is_name_word(t) && seen_name && !written(k).is_title_as_written() && !inside_name {
                j = k;
                break;
            }
            if is_name_word(t) && !facts[k].is_title() && !facts[k].is_modifier() && !facts[k].is_title_word()
            {
                seen_name = true;
            }
        }
        while j > i + 1 && !is_name_word(words[j - 1].text(src)) {
            j -= 1;
        }
        // "the Washington Post Trump said": a body's name ends with its noun, and a person's
        // name with no title may follow it in the same run of capitals ("White House Press
        // Secretary Ann Lee" is one title).
        if let Some(p) = (i..j - 1).rev().find(|&p| facts[p].is_org_suffix()) {
            let untitled =
                facts[p + 1..j].iter().all(|f| f.title_lengths() == 0 && f.modifier_lengths() == 0);
            if untitled {
                i = p + 1;
            }
        }
        let run = &words[i..j];
        let after_run = &src[run[run.len() - 1].end..];
        // Organisations: "Obama Administration", "Assad government".
        let next_word = words.get(j).map(|w| w.text(src));
        let org_after = next_word.is_some()
            && written(j).is_org_suffix()
            && joins_run(&src[run[run.len() - 1].end..words[j].start]);
        // Peel leading words that are not names ("The", "Also"), noting an honorific.
        let mut k = 0;
        let mut honorific = None;
        // "He Jianxiong": the family name He before a given name is no pronoun.
        let surname_he = run.len() > 1 && is_family_name_he(lx, src, &run[0], &run[1]);
        while k < run.len()
            && facts[i + k].is_not_name()
            && !written(i + k).is_modifier()
            && !(k == 0 && surname_he)
        {
            honorific = honorific_gender(run[k].text(src));
            k += 1;
        }
        if k == run.len() {
            pending = None;
            i = j;
            continue;
        }
        let peeled = peel_title(src, &run[k..], &facts[i + k..j]);
        let mut name_words = &run[k + peeled.used..];
        let mut title = peeled.title;
        // "Rival Hillary Clinton": a capitalised word that is no given name, before a given
        // name and a surname, describes the person.
        if title.is_none()
            && name_words.len() >= 3
            && !name_words[0].text(src).ends_with('.')
            && !lx.is_first_name(bare(name_words[0].text(src)))
            && lx.is_first_name(bare(name_words[1].text(src)))
        {
            name_words = &name_words[1..];
        }
        // Mention start includes an opening parenthesis right before the first word.
        let title_start = run[k].start;
        let mention_start =
            if title.is_some() && src[..title_start].ends_with('(') { title_start - 1 } else { title_start };
        if let Some(t) = &mut title {
            if t.country.is_none() {
                let before = src[..mention_start].trim_end();
                let last_word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                let possessive =
                    ["its", "their", "his", "her"].iter().any(|p| last_word.eq_ignore_ascii_case(p));
                if possessive {
                    t.country = country_before(src, words, &mut sentences, mention_start);
                }
            }
        }
        if name_words.is_empty() {
            // A title alone: wait for "…, Name" after a comma.
            pending = match title {
                Some(t) if after_run.starts_with(", ") => Some((mention_start, t)),
                _ => None,
            };
            i = j;
            continue;
        }
        // After "in", "at", "from", "of", "the" a capitalised run without a title is a place
        // or a body ("in Port Alder", "the Port Alder crossing").
        let place = title.is_none()
            && pending.is_none()
            && i > 0
            && PLACE_PREPOSITIONS.contains(&words[i - 1].text(src))
            && src[words[i - 1].end..words[i].start].chars().all(char::is_whitespace);
        let only_modifiers = title.is_none() && k + peeled.read == run.len();
        let is_place = name_words.len() > 1 && lx.is_place(&join_words(src, name_words));
        let org_inside = !name_words.is_empty() && facts[j - 1].is_org_suffix();
        // "The Dragon Waiting", "The New York Times": a capitalised run that opens with an
        // article is a work or a body; and one that fills a pair of quote marks is a title.
        let the = k > 0 && run[..k].iter().any(|w| matches!(w.text(src), "The" | "A" | "An"));
        let quoted_title = {
            let before = src[..run[0].start].trim_end().chars().next_back();
            let after = src[name_words.last().map_or(0, |w| w.end)..].trim_start_matches([',', '.', ' ']);
            before.is_some_and(|c| matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\''))
                && after.starts_with(['"', '\u{201D}', '\u{2019}', '\''])
        };
        let valid = !org_after
            && !((the || quoted_title) && title.is_none())
            && !place
            && !is_place
            && !only_modifiers
            && !org_inside
            && name_words.iter().enumerate().all(|(n, w)| {
                let t = bare(w.text(src));
                // The name's words end the run: word `n` of them is word `j - len + n` of the block.
                let f = facts[j - name_words.len() + n];
                (!f.is_not_name() || n == 0 && k + peeled.used == 0 && surname_he)
                    && !f.is_modifier()
                    && !f.is_title()
                    || SUFFIXES.contains(&t)
                    || PARTICLES.contains(&t)
            });
        if !valid {
            pending = None;
            i = j;
            continue;
        }
        let mut start = mention_start;
        if title.is_none() {
            if let Some((s, t)) = pending.take() {
                title = Some(t);
                start = s;
            }
        }
        let name_start = name_words[0].start;
        let last = name_words[name_words.len() - 1];
        let name_end = last.start + bare(last.text(src)).len();
        let tokens: Vec<String> = name_words
            .iter()
            .map(|w| without_invisible(bare(w.text(src))))
            .filter(|t| !SUFFIXES.contains(&t.as_str()))
            .collect();
        // A name of suffixes alone ("Minister Sr") names nobody.
        if tokens.is_empty() {
            pending = None;
            i = j;
            continue;
        }
        let mention_from = if title.is_some() { start } else { name_start };
        let possessive = bare(last.text(src)).len() != last.text(src).len();
        // "said Ann Lee", "said former mayor Ann Lee"; not "agreed with Ann Lee", nor "tweets
        // accusing Ann Lee" (a word between that is itself a verb makes the name its object).
        let after_verb = (i.saturating_sub(2)..i).any(|k| written(k).is_speech_verb())
            && words[..i].last().is_some_and(|w| {
                const OBJECT_OF: &str = "with to for about against by on of at in";
                let t = w.text(src);
                !OBJECT_OF.split(' ').any(|p| p == t)
                    && (written(i - 1).is_speech_verb() || !(t.ends_with("ing") || t.ends_with("ed")))
            });
        let subject = (opens_sentence(src, words, &mut sentences, mention_from)
            || after_verb
            || after_intro(src, words, &mut sentences, mention_from, j))
            && !possessive;
        let next_verb = j < words.len() && written(j).is_speech_verb()
            || src[name_end..].trim_start().starts_with(',')
                && (j..words.len().min(j + 12)).any(|k| written(k).is_speech_verb());
        // "Angelique Brunner, a developer …", "Quina Jones, 25,", "X, who …": an apposition
        // that describes a person.
        let after = src[name_end..].trim_start();
        let apposed = after.strip_prefix(',').is_some_and(|rest| {
            let next = rest.trim_start().split([' ', ',']).next().unwrap_or("");
            matches!(next, "a" | "an" | "the" | "who" | "whose")
                || next.chars().all(|c| c.is_ascii_digit()) && !next.is_empty()
        });
        let speaks = after_verb || next_verb || apposed;
        let mut mention = NameMention {
            block: b,
            start: if title.is_some() { start } else { name_start },
            end: name_end,
            name_start,
            name_end,
            tokens,
            title,
            in_quote: in_quote(name_start),
            honorific,
            subject,
            speaks,
        };
        if mention.title.is_none() {
            if let Some((title, end, next)) = apposition_title(src, words, facts, j) {
                mention.title = Some(title);
                mention.end = end;
                j = next;
            }
        }
        out.push(mention);
        pending = None;
        i = j;
    }
}

/// A title in apposition after a name: `Name, the [modifiers] title[ of Place],`.
/// `j` is the index of the first word after the name. Returns the title, the byte offset where
/// it ends and the index of the first word after it.
fn apposition_title(src: &str, words: &[Word], facts: &[Facts], j: usize) -> Option<(Title, usize, usize)> {
    let prev_end = words.get(j.checked_sub(1)?)?.end;
    let gap_end = words.get(j)?.start;
    let gap = &src[prev_end..gap_end];
    if gap.trim() != "," {
        return None;
    }
    let mut k = j;
    let first = lower(words[k].text(src));
    if matches!(&*first, "the" | "a" | "an" | "who" | "its" | "their") {
        k += 1;
        if &*first == "who" && words.get(k).is_some_and(|w| w.text(src) == "is" || w.text(src) == "was") {
            k += 1;
            if words.get(k).is_some_and(|w| matches!(w.text(src), "the" | "a" | "an")) {
                k += 1;
            }
        }
    }
    // The title ends at the next comma, period or "of".
    let mut end = k;
    while end < words.len() && end < k + 6 {
        if end > k && !src[words[end - 1].end..words[end].start].chars().all(char::is_whitespace) {
            break;
        }
        if matches!(words[end].text(src), "of" | "for" | "at" | "in" | "with" | "on" | "and" | "to") {
            break;
        }
        end += 1;
    }
    if end == k {
        return None;
    }
    let peeled = peel_title(src, &words[k..end], &facts[k..end]);
    let mut title = peeled.title?;
    if k + peeled.used != end {
        return None;
    }
    title.text = title_case(&title.text);
    let mut title_end = words[end - 1].end;
    let mut next = end;
    // "of Port Alder": the jurisdiction, a capitalised run.
    if words.get(end).is_some_and(|w| w.text(src) == "of") {
        let mut m = end + 1;
        while m < words.len()
            && is_capitalised(words[m].text(src))
            && joins_run(&src[words[m - 1].end..words[m].start])
        {
            m += 1;
        }
        // "the leader of Yoon's own party": a possessive names a person, not the body.
        let possessive = words[end + 1..m].last().is_some_and(|w| bare(w.text(src)) != w.text(src));
        if m > end + 1 && !possessive {
            let body = join_words(src, &words[end + 1..m]);
            // "vice president of Advanced Development Programs": a president or chair of a
            // company or a programme holds no public office; of a country, they do.
            let lx = Lexicon::get();
            let public = lx.is_place(&body) || lx.modifier(&body.to_lowercase()).is_some();
            if matches!(title.family, "president" | "chair") && !public {
                return None;
            }
            title.organisation.get_or_insert(body);
            title_end = words[m - 1].end;
            next = m;
        }
    }
    Some((title, title_end, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (mention text, title, country, organisation)
    type Found = (String, Option<String>, Option<&'static str>, Option<String>);

    #[test]
    fn titles_with_a_connector_or_a_party_and_names_after_a_body() {
        let m = mentions(
            "It was a blow to Republican Secretary of State Jon Husted. The board of the Harbor Post Ann Lee chairs met.",
        );
        let got: Vec<(&str, Option<&str>)> = m.iter().map(|f| (f.0.as_str(), f.1.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("Republican Secretary of State Jon Husted", Some("Republican Secretary of State")),
                ("Ann Lee", None),
            ]
        );
    }

    /// The name index of a one-block page.
    fn index(text: &str) -> NameIndex {
        NameIndex::build(&[text.to_string()], &[])
    }

    /// The full name each mention of the index refers to, in order.
    fn full_names(idx: &NameIndex) -> Vec<&str> {
        (0..idx.mentions.len()).map(|i| idx.full_of(i)).collect()
    }

    pub(super) fn mentions(text: &str) -> Vec<Found> {
        let blocks = vec![text.to_string()];
        NameIndex::build(&blocks, &[])
            .mentions
            .into_iter()
            .map(|m| {
                let t = m.title.clone();
                (
                    text[m.start..m.end].to_string(),
                    t.as_ref().map(|t| t.text.clone()),
                    t.as_ref().and_then(|t| t.country),
                    t.and_then(|t| t.organisation),
                )
            })
            .collect()
    }

    #[test]
    fn titles_before_after_and_with_commas() {
        let m = mentions("Russian Foreign Minister Sergey Lavrov met White House Press Secretary, Josh Earnest, and (Russian) President (Vladimir) Putin.");
        assert_eq!(
            m[0],
            (
                "Russian Foreign Minister Sergey Lavrov".into(),
                Some("Foreign Minister".into()),
                Some("Russia"),
                None
            )
        );
        assert_eq!(
            m[1],
            (
                "White House Press Secretary, Josh Earnest".into(),
                Some("White House Press Secretary".into()),
                None,
                Some("White House".into())
            )
        );
        assert_eq!(
            m[2],
            ("(Russian) President (Vladimir) Putin".into(), Some("President".into()), Some("Russia"), None)
        );
        let m = mentions("Ruth Castellano, the mayor of Port Alder, spoke to Ruth Castellano's staff.");
        assert_eq!(
            m[0],
            (
                "Ruth Castellano, the mayor of Port Alder".into(),
                Some("Mayor".into()),
                None,
                Some("Port Alder".into())
            )
        );
        assert_eq!(m[1].0, "Ruth Castellano");
    }

    #[test]
    fn portfolio_and_lower_case_titles() {
        let m = mentions("Transport Minister Paul Okafor met City Hall spokeswoman Dana Whitfield and former president Barack Obama near the Port Alder crossing.");
        let got: Vec<(&str, Option<&str>)> = m.iter().map(|f| (f.0.as_str(), f.1.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("Transport Minister Paul Okafor", Some("Transport Minister")),
                ("City Hall spokeswoman Dana Whitfield", Some("City Hall Spokeswoman")),
                ("former president Barack Obama", Some("Former President")),
            ]
        );
    }

    #[test]
    fn headlines_and_long_titles() {
        // A title-case headline says nothing about names.
        assert!(mentions("Retired General Reveals Demoralizing Experience Of Serving Under Obama").is_empty());
        let m = mentions("Retired U.S. Air Force Gen. Norman Ham spoke, and Ohio Democratic Party Chairman David Pepper agreed.");
        let got: Vec<(&str, Option<&str>)> = m.iter().map(|f| (f.0.as_str(), f.1.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("Retired U.S. Air Force Gen. Norman Ham", Some("Retired U.S. Air Force Gen.")),
                ("Ohio Democratic Party Chairman David Pepper", Some("Ohio Democratic Party Chairman")),
            ]
        );
    }

    #[test]
    fn nicknames_and_family_names_first() {
        let idx = index(
            "Joshua Apte studies air. Josh Apte said so. Xi Jinping met Kim Yong-hyun and Margie Kim. Xi left; Kim stayed.",
        );
        assert_eq!(
            full_names(&idx),
            [
                "Joshua Apte",
                "Joshua Apte",
                "Xi Jinping",
                "Kim Yong-hyun",
                "Margie Kim",
                "Xi Jinping",
                "Margie Kim"
            ]
        );
        // The last "Kim" could be either Kim: it goes to the one named nearest before, flagged.
        assert!(idx.is_ambiguous(idx.mentions.len() - 1));
        assert!(!idx.is_ambiguous(5));
    }

    #[test]
    fn a_title_before_a_suffix_alone_names_nobody() {
        // Found by the fuzzer: the name's words were all suffixes, leaving it empty.
        assert!(mentions("\u{201A}We will rebuild the pier. Minister Sr b and Minister Jr.").is_empty());
    }

    #[test]
    fn works_and_bodies_are_not_people() {
        let m = mentions("He wrote The Dragon Waiting and \u{201C}Growing Weightless\u{201D} for the Philip Dick Award, at Pizza Line.");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn possessive_takes_the_country_before() {
        let m =
            mentions("The US rejected a Russian proposal to meet its Prime Minister Dmitry Medvedev here.");
        assert_eq!(m.len(), 1);
        assert_eq!(
            m[0],
            ("Prime Minister Dmitry Medvedev".into(), Some("Prime Minister".into()), Some("Russia"), None)
        );
    }

    #[test]
    fn the_family_name_he_is_no_pronoun() {
        let m = mentions("He Jianxiong, a professor, met Ann Lee. He left.");
        let got: Vec<&str> = m.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(got, ["He Jianxiong", "Ann Lee"]);
    }

    #[test]
    fn an_honorific_picks_the_namesake_of_its_gender() {
        let idx = index(
            "Hillary Clinton spoke. Bill Clinton spoke later. Mrs. Clinton left, and Mr. Clinton stayed.",
        );
        assert_eq!(full_names(&idx), ["Hillary Clinton", "Bill Clinton", "Hillary Clinton", "Bill Clinton"]);
        // With no namesake of its gender named in full, the honorific keeps the surname alone.
        let idx = index("Michelle Obama spoke first. Mr. Obama spoke later.");
        assert_eq!(full_names(&idx), ["Michelle Obama", "Obama"]);
    }

    #[test]
    fn descriptions_and_honorifics_before_names() {
        let idx = index(
            "Rival Hillary Clinton mocked it. On Sunday, the Rev. Al Sharpton spoke, and Mr. Sharpton left.",
        );
        assert_eq!(full_names(&idx), ["Hillary Clinton", "Al Sharpton", "Al Sharpton"]);
        // A headline in title case with a lower-case "if" names nobody.
        assert!(mentions("Mayor Sees 'Personal Insult' if Voters Don't Rally for Ann Lee").is_empty());
    }

    #[test]
    fn not_people() {
        assert!(mentions(
            "The Obama Administration and the Assad government met in the United States. Also Read"
        )
        .is_empty());
        assert!(mentions("ISIL and NATO met in Moscow on Monday.").is_empty());
    }

    #[test]
    fn aliases_resolve_to_the_fullest_name() {
        let blocks = vec!["Bill Clinton and Hillary Clinton spoke. Clinton said no. President Barack Obama agreed, and Obama left.".to_string()];
        let idx = NameIndex::build(&blocks, &[]);
        let at = blocks[0].find("Clinton said").unwrap();
        assert_eq!(idx.full_name(&["Clinton".into()], 0, at), "Hillary Clinton");
        assert_eq!(idx.full_name(&["Obama".into()], 0, blocks[0].len()), "Barack Obama");
        assert_eq!(idx.full_name(&["Bill".into(), "Clinton".into()], 0, 0), "Bill Clinton");
    }

    #[test]
    fn particles_stay_inside_names() {
        // A lower-case particle between name words is part of the name, even after a title,
        // and the surname with its particles refers to the full name.
        for (text, name) in [
            ("Port Alder Mayor Ann de Vries opened the bridge.", "Ann de Vries"),
            ("The talk was given by Peter van der Berg on Monday.", "Peter van der Berg"),
            ("Minister Omar bin Rashid left early.", "Omar bin Rashid"),
        ] {
            let found = mentions(text);
            assert!(found.iter().any(|f| f.0.ends_with(name)), "{text}: {found:?}");
        }
        let blocks = vec!["Mayor Ann de Vries spoke first. Later de Vries said no.".to_string()];
        let idx = NameIndex::build(&blocks, &[]);
        let at = blocks[0].find("de Vries said").unwrap();
        assert_eq!(idx.full_name(&["de".into(), "Vries".into()], 0, at), "Ann de Vries");
    }
}
