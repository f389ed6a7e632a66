//! Reading a speaker mention from the text next to a quotation: the speech verb, then the
//! subject beside it (a name, a pronoun, or a noun phrase such as "the White House
//! spokesman").

use crate::lexicon::{Lexicon, ModifierKind};
use crate::names::is_family_name_he;
use crate::text::{is_capitalised, words_in, Word};

/// Most words allowed between a quotation and the speech verb after it.
const MAX_GAP_WORDS: usize = 20;

/// What kind of speaker mention was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A name: its words, without titles and honorifics.
    Name(Vec<String>),
    /// A subject pronoun: he, she, they, I, we.
    Pronoun,
    /// A noun phrase naming a role: its role family ("" when the noun names no office,
    /// e.g. "the commission") and organisation, if named.
    Role { family: &'static str, organisation: Option<&'static str> },
}

/// A speaker mention: byte span in the block and what it is.
pub type Mention = (usize, usize, Who);

/// Reads speaker mentions out of one block's text with one language's word lists.
pub struct Reader<'a> {
    /// The word lists.
    pub lx: &'a Lexicon,
    /// The block's text.
    pub text: &'a str,
}

impl Reader<'_> {
    /// `"…," X said` / `"…," said X` / `"…," according to X` / `"…" — X`, in `text[from..to]`,
    /// the stretch after a quotation.
    pub fn after_quote(&self, from: usize, to: usize) -> Option<Mention> {
        let text = self.text;
        let lx = self.lx;
        let words = words_in(text, from, to);
        let stretch = text[from..to].trim_start();
        let lead = to - stretch.len();
        // Dash credit: "…" — Name
        if stretch.starts_with(['\u{2014}', '\u{2013}', '\u{2015}']) {
            let np_from = lead + stretch.chars().next().map_or(0, char::len_utf8);
            // Only a name credits: "— a metaphor for …" is the sentence going on.
            return self
                .following(np_from, self.clause_end(np_from, to))
                .filter(|m| matches!(m.2, Who::Name(_)));
        }
        if let Some(k) = self.according_to(&words) {
            let np_from = words[k].start;
            return self.following(np_from, self.clause_end(np_from, to));
        }
        // "…" when he said …, "…," but he said …: a new clause, not this quotation's
        // attribution.
        if words.first().is_some_and(|w| is_subordinator(w.text(text)) || w.text(text) == "but") {
            return None;
        }
        // French inversion: « … », dit-il / a-t-elle ajouté.
        if let Some(found) = words.iter().take(3).find_map(|w| self.inverted_pronoun(*w)) {
            return Some(found);
        }
        let v = words.iter().take(MAX_GAP_WORDS + 1).position(|w| lx.is_speech_verb(w.text(text)))?;
        // Only auxiliaries before the verb ("a déclaré", "hat gesagt"): the subject follows.
        let auxiliaries_only = words[..v].iter().all(|w| is_auxiliary(w.text(text)));
        if v == 0 || auxiliaries_only {
            // "…," said X — the subject follows the verb.
            let np_from = words.get(v + 1)?.start;
            self.following(np_from, self.clause_end(np_from, to))
        } else {
            self.subject(lead, &words[..v], words[v], false)
        }
    }

    /// `X said: "…"` / `X said, "…"` / `X told reporters that "…"` / `According to X, "…"`, and
    /// a quoted phrase inside reported speech (`X says fraud is "a big problem"`), in
    /// `text[from..to]`, the stretch of the sentence before a quotation.
    pub fn before_quote(&self, from: usize, to: usize) -> Option<Mention> {
        let text = self.text;
        let lx = self.lx;
        let words = words_in(text, from, to);
        if let Some(k) = self.according_to(&words) {
            let np_from = words[k].start;
            return self.following(np_from, self.clause_end(np_from, to));
        }
        let verbs: Vec<usize> =
            (0..words.len()).filter(|&k| lx.is_speech_verb(words[k].text(text))).collect();
        // The verb right before the quotation: "X said: …", "X said that …".
        if let Some(&v) = verbs.last() {
            let between = text[words[v].end..to].trim_end();
            if words.len() - v <= 5 && (between.ends_with([':', ',']) || between.ends_with("that")) {
                if let Some(found) = self.subject(from, &words[..v], words[v], true) {
                    return Some(found);
                }
                // "Said Ellis: …", "…, said Ann Lee, a lawyer: …"
                if let Some(next) = words.get(v + 1) {
                    if let Some(found @ (_, _, Who::Name(_))) =
                        self.following(next.start, self.clause_end(next.start, to))
                    {
                        return Some(found);
                    }
                }
            }
        }
        // Otherwise the subject of the first speech verb of the sentence that has one.
        verbs.into_iter().find_map(|v| self.subject(from, &words[..v], words[v], true))
    }

    /// The speaker of a quotation that no speech verb introduces, read from `text[from..to]`,
    /// the stretch of its sentence before it: a possessive before a noun naming speech
    /// (`Smith's claim that "…"`), else the sentence's subject when the quotation is framed by
    /// another verb (`Smith dismissed it as "…"`, `In July, Smith called it "…"`, `The council
    /// issued a statement calling it "…"`).
    pub fn framing_subject(&self, from: usize, to: usize) -> Option<Mention> {
        self.speech_noun_owner(from, to).or_else(|| self.sentence_subject(from, to))
    }

    /// `Smith's claim that "…"`: the name with a possessive before a speech noun among the
    /// last words before the quotation.
    fn speech_noun_owner(&self, from: usize, to: usize) -> Option<Mention> {
        let text = self.text;
        let words = words_in(text, from, to);
        let tail = words.len().saturating_sub(10);
        let p = (tail..words.len().saturating_sub(1)).rev().find(|&p| {
            let owner = words[p].text(text);
            let possessive = owner.ends_with("'s") || owner.ends_with("\u{2019}s");
            let next = words.get(p + 2).map(|w| w.text(text));
            possessive
                && self.lx.is_speech_noun(words[p + 1].text(text))
                && (next.is_none() || next == Some("that"))
                && text[words[p].end..words[p + 1].start].trim().is_empty()
        })?;
        let owner = &words[..=p];
        let run = self.name_run_back(owner);
        let first = owner.get(owner.len().checked_sub(run).filter(|_| run > 0)?)?;
        self.possessor(first.start, words[p])
    }

    /// The name that owns a possessive (`Ann Lee's` of `Ann Lee's claim`), from `from` to the
    /// possessive word, without its "'s".
    fn possessor(&self, from: usize, possessive: Word) -> Option<Mention> {
        let word = possessive.text(self.text);
        let bare = word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s"))?;
        let end = possessive.start + bare.len();
        self.classify(from, end).filter(|m| matches!(m.2, Who::Name(_)))
    }

    /// The subject that opens the sentence stretch `text[from..to]`, after any introductory
    /// phrases set off by commas ("In July,", "Following the vote,", "However,"): a pronoun, a
    /// name, or a noun phrase ("The council", "Another critic, Ann Lee,").
    fn sentence_subject(&self, from: usize, to: usize) -> Option<Mention> {
        let parts = self.comma_parts(from, to);
        for (k, &(s, e)) in parts.iter().enumerate().take(5) {
            match self.opening_subject(s, e) {
                Opening::Intro => continue,
                Opening::Nothing => return None,
                Opening::Found(found) => {
                    // "Another critic, Ann Lee, likened …": a name in apposition names the
                    // described person.
                    if let (Who::Role { .. }, Some(&(ns, ne))) = (&found.2, parts.get(k + 1)) {
                        if let Some(name @ (_, _, Who::Name(_))) = self.classify(ns, ne) {
                            if name.1 == ne {
                                return Some(name);
                            }
                        }
                    }
                    return Some(found);
                }
            }
        }
        None
    }

    /// What opens one comma part of a sentence: an introductory phrase, a subject, or neither.
    fn opening_subject(&self, from: usize, to: usize) -> Opening {
        let text = self.text;
        let lx = self.lx;
        let words = words_in(text, from, to);
        let skip = words.iter().take_while(|w| is_connective(w.text(text))).count();
        let words = &words[skip..];
        let Some(first) = words.first() else {
            return Opening::Intro;
        };
        let t = first.text(text);
        let lower = t.to_lowercase();
        // "He's claiming …": a pronoun with a contracted verb.
        let base = contraction_base(t);
        if lx.is_pronoun(base) && !self.surname_he(words, 0) {
            return Opening::Found((first.start, first.start + base.len(), Who::Pronoun));
        }
        // "On July 6, 2015, Lee …": a number opens the rest of a date, not a subject.
        let number = t.starts_with(|c: char| c.is_ascii_digit());
        if is_intro_word(&lower)
            || (lower.ends_with("ing") && words.len() > 1)
            || lower.ends_with("ly")
            || number
        {
            return Opening::Intro;
        }
        // Whatever the subject is, a verb (a lower-case word) must follow it in this part, or
        // an apposition in the next ("Ann Lee, the mayor, said").
        // A parenthesis after the name is an aside: "Sen. Ann Lee (Vt.), who …, named …".
        let verb_after = |end: usize| {
            let rest = text[end..to].trim();
            words.iter().any(|w| w.start >= end && w.text(text).starts_with(char::is_lowercase))
                || end >= to
                || rest.starts_with('(') && rest.ends_with(')')
        };
        let possessive = |t: &str| t.ends_with("'s") || t.ends_with("\u{2019}s");
        // A name, up to a possessive ("Smith's campaign" is a noun phrase).
        let run = if is_capitalised(t) {
            words
                .iter()
                .enumerate()
                .take_while(|(k, w)| {
                    // "Gov. Ann Marie Okafor": an abbreviation's period joins it to the name.
                    let joined = *k == 0 || {
                        let gap = text[words[k - 1].end..w.start].trim();
                        gap.is_empty() || gap == "." && lx.is_abbreviation(words[k - 1].text(text))
                    };
                    let prev_possessive = *k > 0 && possessive(words[k - 1].text(text));
                    joined && !prev_possessive && (is_capitalised(w.text(text)) || is_particle(w.text(text)))
                })
                .count()
        } else {
            0
        };
        if lx.is_determiner(&lower) || possessive(&lower) || run > 0 && possessive(words[run - 1].text(text))
        {
            let n = noun_phrase_len(text, words);
            let end = words[n - 1].end;
            return match self.classify(first.start, end) {
                Some(found) if verb_after(found.1) => Opening::Found(found),
                _ => Opening::Nothing,
            };
        }
        if run == 0 {
            return Opening::Nothing;
        }
        let last = words[run - 1];
        match self.classify(first.start, last.end) {
            Some(found @ (_, _, Who::Name(_))) if verb_after(last.end) => Opening::Found(found),
            _ => Opening::Nothing,
        }
    }

    /// The index of the first word after "according to" or "per", if the words contain it.
    fn according_to(&self, words: &[Word]) -> Option<usize> {
        let text = self.text;
        let two = words
            .windows(2)
            .position(|p| p[0].text(text).eq_ignore_ascii_case("according") && p[1].text(text) == "to")
            .map(|k| k + 2);
        let per = || words.iter().position(|w| self.lx.is_according(w.text(text))).map(|k| k + 1);
        two.or_else(per).filter(|&k| k < words.len())
    }

    /// Where a noun phrase that starts at `from` ends: at the first comma, period, semicolon,
    /// parenthesis or quotation mark.
    fn clause_end(&self, from: usize, to: usize) -> usize {
        let text = self.text;
        let mut at = from;
        while let Some(i) = text[at..to].find([',', ';', '.', ':', '(', '\u{201C}', '"']) {
            let end = at + i;
            // The period of "Mr.", "Rep." or an initial ("G.K.") does not end the phrase.
            let word = text[..end].rsplit(|c: char| !(c.is_alphanumeric() || c == '.')).next().unwrap_or("");
            let abbreviation = self.lx.is_abbreviation(word.trim_end_matches('.'))
                || word.split('.').all(|p| p.chars().count() <= 1);
            if text[end..].starts_with('.') && !word.is_empty() && abbreviation {
                at = end + 1;
                continue;
            }
            return end;
        }
        to
    }

    /// Comma-separated parts of `text[from..to]`, trimmed of spaces, as byte spans.
    fn comma_parts(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let text = self.text;
        let mut parts = Vec::new();
        let mut at = from;
        for piece in text[from..to].split(',') {
            let s = at + (piece.len() - piece.trim_start().len());
            let e = at + piece.trim_end().len();
            if e > s {
                parts.push((s, e));
            }
            at += piece.len() + 1;
        }
        parts
    }

    /// The speaker named after a verb or "according to": the first comma part of `text[from..to]`.
    fn following(&self, from: usize, to: usize) -> Option<Mention> {
        let (s, e) = *self.comma_parts(from, to).first()?;
        self.classify(s, e).or_else(|| self.trailing_name(s, e))
    }

    /// How many of the last `words` form a run of capitalised words with only spaces between
    /// (a comma or parenthesis ends it).
    fn name_run_back(&self, words: &[Word]) -> usize {
        let text = self.text;
        let mut run = 0;
        for (k, w) in words.iter().enumerate().rev() {
            let name_like = is_capitalised(w.text(text)) || is_particle(w.text(text));
            let joined = k + 1 == words.len() || !text[w.end..words[k + 1].start].contains([',', '(', ')']);
            if !name_like || !joined {
                break;
            }
            run += 1;
        }
        run
    }

    /// The name that closes `text[from..to]` ("9/11 widow Terry Strada").
    fn trailing_name(&self, from: usize, to: usize) -> Option<Mention> {
        let text = self.text;
        let words = words_in(text, from, to);
        let run = self.name_run_back(&words);
        let first = words.get(words.len().checked_sub(run)?)?;
        self.classify(first.start, to).filter(|m| matches!(m.2, Who::Name(_)))
    }

    /// A speaker label opening a quoted transcript line: `"WALLACE: …"`, `"MR. SMITH: …"`.
    /// `inner` is the quoted text's start.
    pub fn transcript_label(&self, inner: usize) -> Option<Mention> {
        let text = self.text;
        let rest = &text[inner..];
        let colon = rest.find(':').filter(|&c| c > 0 && c <= 40)?;
        let label = &rest[..colon];
        let letters = label.chars().filter(|c| c.is_alphabetic());
        let upper = label.chars().any(char::is_alphabetic) && letters.clone().all(char::is_uppercase);
        let words = label.split_whitespace().count();
        if !upper || words > 3 || label.contains(['"', '\u{201C}', ',']) {
            return None;
        }
        let tokens: Vec<String> = label
            .split_whitespace()
            .filter(|w| !is_honorific(w))
            .map(|w| w.trim_end_matches('.').to_string())
            .collect();
        if tokens.is_empty() {
            return None;
        }
        let start = inner + (label.len() - label.trim_start().len());
        Some((start, inner + label.trim_end().len(), Who::Name(tokens)))
    }

    /// The subject of `verb`, read from the words before it (`before`, starting at byte `from`).
    /// `sentence` is true when `from` is a sentence start, false for the stretch after a quote.
    fn subject(&self, from: usize, before: &[Word], verb: Word, sentence: bool) -> Option<Mention> {
        let text = self.text;
        let lx = self.lx;
        // A parenthesis between the name and its verb is an aside: "Jason Chaffetz (R-Utah) said".
        let mut before = before;
        let mut verb_at = verb.start;
        if text[from..verb.start].trim_end().ends_with(')') {
            if let Some(open) = text[from..verb.start].rfind('(') {
                let keep = before.iter().take_while(|w| w.end <= from + open).count();
                before = &before[..keep];
                verb_at = from + open;
            }
        }
        let last = before.last()?;
        let touching = text[last.end..verb_at].trim().is_empty();
        if touching {
            // "he said", "… Jane Doe asking"
            // "He's claiming": the pronoun without its contracted verb.
            let base = contraction_base(last.text(text));
            // "…," it added: a body speaks as "it", though only as the first word before a
            // speech verb ("what it called" is a relative clause, its subject elsewhere).
            let it = before.len() == 1 && base.eq_ignore_ascii_case("it");
            if lx.is_pronoun(base) || it {
                return Some((last.start, last.start + base.len(), Who::Pronoun));
            }
            let run = self.name_run_back(before);
            let first = before.len() - run;
            // Not the object of a preposition ("a spokesman for Mayor Lee said"), except before a
            // participle ("footage of Lee saying").
            let object = first > 0
                && is_preposition(before[first - 1].text(text))
                && !verb.text(text).ends_with("ing");
            if run > 0 && !object {
                if let Some(found @ (_, _, Who::Name(_))) = self.classify(before[first].start, last.end) {
                    return Some(found);
                }
            }
        }
        let parts = self.comma_parts(from, verb.start);
        // "…, saying": a participle after a comma takes the subject of its clause.
        let participle = verb.text(text).ends_with("ing") && text[from..verb.start].trim_end().ends_with(',');
        if participle && sentence {
            return parts.iter().find_map(|&(s, e)| self.leading_subject(s, e));
        }
        // The parts next to the verb, nearest first: a name or pronoun wins over a role noun
        // phrase in apposition ("Smith, a doctor at the clinic, said").
        let mut role = None;
        for (k, &(s, e)) in parts.iter().rev().take(4).enumerate() {
            if is_party_tag(&text[s..e]) {
                continue;
            }
            match self.classify(s, e) {
                Some(found @ (_, _, Who::Name(_) | Who::Pronoun)) => return Some(found),
                Some(found) if k == 0 => role = Some(found),
                _ => {}
            }
            // A part that is not an apposition ends the search.
            if !self.is_apposition(s, e) && k > 0 {
                break;
            }
        }
        role
    }

    /// Does `text[from..to]` read as an apposition or aside (an article or lower-case word first,
    /// an age, a party tag), which may stand between a name and its verb?
    fn is_apposition(&self, from: usize, to: usize) -> bool {
        let text = self.text;
        let first = text[from..to].split_whitespace().next().unwrap_or("");
        self.lx.is_determiner(first)
            || first.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            || is_party_tag(&text[from..to])
    }

    /// The name or pronoun that opens `text[from..to]` ("Trump attacked Clinton …" → Trump).
    fn leading_subject(&self, from: usize, to: usize) -> Option<Mention> {
        let text = self.text;
        let lx = self.lx;
        let words = words_in(text, from, to);
        let first = words.first()?;
        if lx.is_pronoun(first.text(text)) && !self.surname_he(&words, 0) {
            return Some((first.start, first.end, Who::Pronoun));
        }
        let run =
            words.iter().take_while(|w| is_capitalised(w.text(text)) || is_particle(w.text(text))).count();
        if run == 0 {
            return None;
        }
        self.classify(first.start, words[run - 1].end).filter(|m| matches!(m.2, Who::Name(_)))
    }

    /// Is `words[k]` the family name He rather than the pronoun (`names::is_family_name_he`)?
    fn surname_he(&self, words: &[Word], k: usize) -> bool {
        matches!((words.get(k), words.get(k + 1)), (Some(w), Some(next)) if is_family_name_he(self.lx, self.text, w, next))
    }

    /// "dit-il", "affirme-t-elle": a speech verb joined to its subject pronoun.
    fn inverted_pronoun(&self, w: Word) -> Option<Mention> {
        let word = w.text(self.text);
        let (verb, rest) = word.split_once('-')?;
        let pronoun = rest.strip_prefix("t-").unwrap_or(rest);
        if !self.lx.is_speech_verb(verb) || !self.lx.is_pronoun(pronoun) {
            return None;
        }
        let start = w.end - pronoun.len();
        Some((start, w.end, Who::Pronoun))
    }

    /// What `text[from..to]` is as a speaker mention, and the span of the mention inside it.
    pub fn classify(&self, from: usize, to: usize) -> Option<Mention> {
        let text = self.text;
        let lx = self.lx;
        let words = words_in(text, from, to);
        let first = words.first()?;
        if words.len() == 1 && lx.is_pronoun(first.text(text)) {
            return Some((first.start, first.end, Who::Pronoun));
        }
        let lower: Vec<String> = words.iter().map(|w| w.text(text).to_lowercase()).collect();
        if lx.is_determiner(&lower[0]) || is_possessive(lx, &lower[0]) {
            // The phrase ends before its verb: "Lee's family has called …".
            let n = noun_phrase_len(text, &words);
            return self.noun_phrase(&words[..n], &lower[..n]);
        }
        // A name: the capitalised words that open the phrase, up to a parenthesis or comma
        // ("Sen. Claire McCaskill (D-Mo.)"), without honorifics, titles and modifiers in front.
        // Lower-case title words before it are dropped too ("state Del. Ann Lee", "former
        // Sen. Bo Park").
        // Not "president of the United Federation …": a title with its "of" is no name's.
        let lead = words
            .iter()
            .take_while(|w| {
                let t = w.text(text);
                lx.is_title_word(t) && !matches!(t, "of" | "the" | "for" | "to" | "and" | "on" | "at")
            })
            .count();
        // "Democratic nominee Ann Lee", "Libertarian candidate Bo Park's doctor": a qualifier
        // in capitals, then the lower-case words of a title.
        let qualified = {
            let lower_words =
                words.iter().skip(1).take_while(|w| w.text(text).starts_with(char::is_lowercase)).count();
            let name_next = words.get(1 + lower_words).is_some_and(|w| is_capitalised(w.text(text)));
            let capital = is_capitalised(words[0].text(text));
            if capital && lx.modifier(&lower[0]).is_some() && (1..=3).contains(&lower_words) && name_next {
                1 + lower_words
            } else {
                0
            }
        };
        let lead = lead.max(qualified);
        let mut caps: Vec<&Word> = Vec::new();
        for w in &words[lead..] {
            let joined = caps.last().is_none_or(|p: &&Word| !text[p.end..w.start].contains(['(', ',']));
            if !joined || !(is_capitalised(w.text(text)) || is_particle(w.text(text))) {
                break;
            }
            caps.push(w);
        }
        // The last word is the name even when it could be a title ("Charlie King").
        let title_end = caps[..caps.len().saturating_sub(1)]
            .iter()
            .rposition(|w| {
                let l = w.text(text).to_lowercase();
                is_honorific(&l)
                    || lx.title_family(&l).is_some()
                    || lx.modifier(&l).is_some()
                    || lx.is_title_word(&l)
            })
            .map_or(0, |k| k + 1);
        let name = caps.get(title_end..).filter(|n| !n.is_empty() && n.len() <= 5)?;
        // "Bo Park's doctor": the name owns the noun after it, which is the speaker.
        let last = name[name.len() - 1];
        if is_possessive(lx, last.text(text)) && words.last().is_some_and(|w| w.start > last.start) {
            let k = words.iter().position(|w| w.start == name[0].start).unwrap_or(0);
            let n = k + noun_phrase_len(text, &words[k..]);
            return self.noun_phrase(&words[k..n], &lower[k..n]);
        }
        // "CONGRESS HAS INVESTIGATED HIM": a line in capitals is a heading, not a name.
        if name.len() >= 3 && name.iter().all(|w| w.text(text).chars().all(|c| !c.is_lowercase())) {
            return None;
        }
        let first_name_word = name[0].text(text);
        let phrase = name.iter().map(|w| w.text(text)).collect::<Vec<_>>().join(" ");
        // A country speaks as a body ("Russia insisted …"); other places and words are no name.
        let country = name.len() == 1 && lx.is_place(&phrase);
        // "He Jianxiong": the family name He, not the pronoun.
        let surname_he = first_name_word == "He" && name.len() > 1;
        // "Libertarian", "Republican" alone qualify a title; they name nobody.
        let qualifier = name.len() == 1 && !country && lx.modifier(&phrase.to_lowercase()).is_some();
        if lx.is_not_name(first_name_word) && !country && !surname_he
            || qualifier
            || lx.is_pronoun(first_name_word) && !surname_he
            || (name.len() > 1 && lx.is_place(&phrase))
        {
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

    /// "the White House spokesman", "a spokeswoman for the mayor", "The New York Times",
    /// "one questioner".
    fn noun_phrase(&self, words: &[Word], lower: &[String]) -> Option<Mention> {
        let text = self.text;
        let lx = self.lx;
        let from = words[0].start;
        // The head noun is the last word before "for"/"of"/"at"/…, or the last word.
        let head_end = lower
            .iter()
            .position(|w| {
                matches!(w.as_str(), "for" | "of" | "at" | "with" | "in" | "from" | "on" | "and" | "who")
            })
            .unwrap_or(lower.len());
        if head_end == 0 || head_end > 8 {
            return None;
        }
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
        // "The commission says", "a narrator asks": a common noun that names no office;
        // reported as written, resolved to nobody.
        if (2..=4).contains(&head_end) {
            return Some((from, words[head_end - 1].end, Who::Role { family: "", organisation: None }));
        }
        None
    }
}

/// What opens a comma part of a sentence.
enum Opening {
    /// An introductory phrase ("In July", "However"): the subject comes later.
    Intro,
    /// The sentence's subject.
    Found(Mention),
    /// Something else: the sentence has no subject this reading can name.
    Nothing,
}

/// Words that start an introductory phrase, not a subject: prepositions, conjunctions of
/// time and condition, and adverbs that open a sentence.
pub fn is_intro_word(word: &str) -> bool {
    // One string scanned, rather than a `match` on each word: the list costs its bytes only.
    const INTRO: &str = "in on at for after before during with without since while when as if although though because however amid among from by under over through to despite unlike like upon once until last this earlier later asked meanwhile instead still yet now then today there here along across around outside inside near between towards against about into within";
    INTRO.split(' ').any(|w| w == word)
}

/// Conjunctions that may stand before a sentence's subject ("But Smith said …").
fn is_connective(word: &str) -> bool {
    "But And So Or Yet Still Then Now Also".split(' ').any(|w| w == word)
}

/// "Lee's", not "It's" nor "That's" (a pronoun with a contracted verb).
fn is_possessive(lx: &Lexicon, word: &str) -> bool {
    let base = contraction_base(word);
    (word.ends_with("'s") || word.ends_with("\u{2019}s"))
        && !lx.is_pronoun(base)
        && !["it", "that", "what", "there", "here", "who", "this"]
            .iter()
            .any(|w| base.eq_ignore_ascii_case(w))
}

/// A pronoun with a contracted verb ("He's", "She'd", "They're") without the contraction.
fn contraction_base(word: &str) -> &str {
    match word.find(['\'', '\u{2019}']) {
        Some(i) if i > 0 => &word[..i],
        _ => word,
    }
}

/// How many of `words` (a determiner or possessive first) form a noun phrase: up to six words,
/// ending before a preposition, an auxiliary, an adverb, a relative pronoun or a lower-case
/// past form ("The council on Friday …", "The nominee also …", "A report released …").
fn noun_phrase_len(text: &str, words: &[Word]) -> usize {
    let mut n = 1;
    while n < words.len().min(6) {
        let t = words[n].text(text);
        // "The Post sent its reporter": a lower-case word after a capitalised name with an
        // object after it is the verb ("The Republican nominee" goes on).
        let verb_after_name = n > 1
            && is_capitalised(words[n - 1].text(text))
            && t.starts_with(char::is_lowercase)
            && words.get(n + 1).is_some_and(|w| {
                matches!(w.text(text), "its" | "his" | "her" | "their" | "the" | "a" | "an" | "our")
            });
        if verb_after_name {
            break;
        }
        const STOPS: &str = "on in at for of with from to by is was are were has had have will would also then who which that did does can could said";
        let stop = STOPS.split(' ').any(|w| w == t)
            // An adverb ("The company recently said"), not an adjective right after the
            // article ("the only", "Lee's elderly mother") nor a noun ("family", "ally").
            || n >= 2 && t.ends_with("ly") && !matches!(t, "family" | "ally" | "assembly" | "rally" | "supply")
            || t.starts_with(char::is_lowercase) && t.ends_with("ed");
        if stop {
            break;
        }
        n += 1;
    }
    n
}

/// "R-Ky.", "D", "(R)": a party tag after a legislator's name.
fn is_party_tag(s: &str) -> bool {
    let s = s.trim_matches(|c: char| c == '(' || c == ')' || c == '.' || c.is_whitespace());
    let mut parts = s.split('-');
    matches!(parts.next(), Some("R" | "D" | "I")) && parts.all(|p| p.len() <= 5)
}

/// Auxiliary verbs that stand before a past participle in French, German and Spanish.
fn is_auxiliary(word: &str) -> bool {
    matches!(word, "a" | "avait" | "ont" | "hat" | "hatte" | "ha" | "había" | "han")
}

fn is_subordinator(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "when"
            | "as"
            | "after"
            | "because"
            | "that"
            | "if"
            | "while"
            | "before"
            | "since"
            | "until"
            | "although"
            | "though"
            | "which"
            | "where"
            | "whereas"
            | "unless"
    )
}

fn is_preposition(word: &str) -> bool {
    matches!(word, "for" | "of" | "to" | "at" | "from" | "with" | "by" | "about" | "on" | "in")
}

fn is_particle(word: &str) -> bool {
    matches!(word, "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "der" | "la" | "le")
}

/// Honorifics dropped from the front of a name; they are not part of it.
fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "prof" | "rev" | "sir" | "dame" | "lord" | "lady"
    )
}
