//! Word lists the analysis reads: speech verbs, titles, modifiers, role nouns and the words that
//! are not names. The lists are data files in `src/lexicon/`, compiled in and parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::repeats::FxBuild;

/// The word lists' sets and maps: looked up once or more per word of a page, so hashed with the
/// fast Fx hash rather than SipHash (the keys are fixed; a page can only slow its own look-ups).
type Set = HashSet<&'static str, FxBuild>;
type Map<V> = HashMap<&'static str, V, FxBuild>;

/// What a modifier before a title says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModifierKind {
    /// A country or demonym ("Russian" → Russia).
    Country,
    /// An organisation ("White House").
    Org,
    /// A qualifier ("deputy", "former").
    Qualifier,
}

/// All word lists, lower case.
pub struct Lexicon {
    speech_verbs: Set,
    /// Nouns naming what somebody said ("claim", "warning").
    speech_nouns: Set,
    pronouns: Set,
    /// Title phrase → role family.
    titles: Map<&'static str>,
    /// Role noun (not a title) → role family.
    roles: Map<&'static str>,
    /// Modifier phrase → (kind, value).
    modifiers: Map<(ModifierKind, &'static str)>,
    /// First word of a title phrase → bit `n` set when a title of `n` words starts with it: a
    /// phrase of `n` words starting with another word is no title, whatever the rest.
    title_lengths: Map<u16>,
    /// The same for modifier phrases.
    modifier_lengths: Map<u16>,
    not_names: Set,
    places: Set,
    abbreviations: Set,
    org_suffixes: Set,
    /// Every lower-case word of a title or a qualifier ("press", "secretary", "former").
    title_words: Set,
    /// Single words that credit a source like "according to" ("per", "selon", "laut").
    according: Set,
    /// Determiners that open a noun phrase ("the", "a", "le", "der", "el").
    determiners: Set,
    /// First name → 'm' or 'f'.
    first_names: Map<char>,
    /// Every word of the lists above that [`Facts`] speaks of → what they say of it: the words
    /// of up to 15 ASCII bytes by their `packed` form, ...
    short_facts: HashMap<u128, Facts, FxBuild>,
    /// ... the others by their text.
    long_facts: Map<Facts>,
    /// Longest phrase, in words, among titles and modifiers.
    pub max_phrase_words: usize,
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn pairs(src: &'static str) -> Map<&'static str> {
    lines(src).filter_map(|l| l.split_once('\t')).map(|(a, b)| (a.trim(), b.trim())).collect()
}

/// Lines of `value<TAB>word word …`: each word mapped to the value's first character.
fn pairs_by_value(src: &'static str) -> Map<char> {
    lines(src)
        .filter_map(|l| l.split_once('\t'))
        .flat_map(|(value, words)| {
            let v = value.chars().next().unwrap_or('?');
            words.split(' ').filter(|w| !w.is_empty()).map(move |w| (w, v))
        })
        .collect()
}

impl Lexicon {
    /// The English lists, plus those of `lang` ("fr", "de", "es") when given.
    fn load(lang: Option<&str>) -> Lexicon {
        let mut titles = pairs(include_str!("lexicon/titles.txt"));
        // Words reach the lexicon without a final period ("Sen" of "Sen."): file both forms.
        let abbreviated: Vec<_> =
            titles.iter().filter_map(|(t, f)| Some((t.strip_suffix('.')?, *f))).collect();
        titles.extend(abbreviated);
        let modifiers: Map<_> = lines(include_str!("lexicon/modifiers.txt"))
            .filter_map(|l| {
                let mut parts = l.split('\t');
                let kind = match parts.next()? {
                    "country" => ModifierKind::Country,
                    "org" => ModifierKind::Org,
                    _ => ModifierKind::Qualifier,
                };
                Some((parts.next()?, (kind, parts.next()?)))
            })
            .collect();
        let max_phrase_words =
            titles.keys().chain(modifiers.keys()).map(|p| p.split(' ').count()).max().unwrap_or(1);
        let title_words = titles
            .keys()
            .flat_map(|t| t.split(' '))
            .chain(modifiers.iter().filter(|(_, (k, _))| *k == ModifierKind::Qualifier).map(|(p, _)| *p))
            .collect();
        let mut speech_verbs: Set = lines(include_str!("lexicon/speech_verbs.txt")).collect();
        let mut pronouns: Set = lines(include_str!("lexicon/pronouns.txt")).collect();
        let mut according: Set = ["per"].into_iter().collect();
        let mut determiners: Set =
            ["a", "an", "the", "one", "another", "some", "two", "three", "several", "many", "other"]
                .into_iter()
                .collect();
        for line in lines(include_str!("lexicon/languages.txt")) {
            let mut parts = line.split('\t');
            let (Some(l), Some(kind), Some(word)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            if Some(l) != lang {
                continue;
            }
            match kind {
                "verb" => speech_verbs.insert(word),
                "pronoun" => pronouns.insert(word),
                "according" => according.insert(word),
                _ => determiners.insert(word),
            };
        }
        let mut lexicon = Lexicon {
            title_lengths: lengths(titles.keys()),
            modifier_lengths: lengths(modifiers.keys()),
            title_words,
            speech_verbs,
            speech_nouns: lines(include_str!("lexicon/speech_nouns.txt")).collect(),
            pronouns,
            according,
            determiners,
            titles,
            roles: pairs(include_str!("lexicon/roles.txt")),
            modifiers,
            not_names: lines(include_str!("lexicon/not_names.txt")).collect(),
            places: lines(include_str!("lexicon/places.txt")).collect(),
            abbreviations: lines(include_str!("lexicon/abbreviations.txt")).collect(),
            org_suffixes: lines(include_str!("lexicon/org_suffixes.txt")).collect(),
            first_names: pairs_by_value(include_str!("lexicon/first_names.txt")),
            short_facts: HashMap::default(),
            long_facts: Map::default(),
            max_phrase_words,
        };
        for (word, facts) in lexicon.all_facts() {
            match packed(word) {
                Some((key, _)) => lexicon.short_facts.insert(key, facts),
                None => lexicon.long_facts.insert(word, facts),
            };
        }
        lexicon
    }

    /// [`Facts`] of every word some list holds, gathered from the lists.
    fn all_facts(&self) -> Map<Facts> {
        let mut out: Map<Facts> = Map::default();
        let mut add = |word: &'static str, bit: u16| out.entry(word).or_default().bits |= bit;
        let sets = [
            (&self.speech_verbs, Facts::SPEECH_VERB),
            (&self.not_names, Facts::NOT_NAME),
            (&self.abbreviations, Facts::ABBREVIATION),
            (&self.org_suffixes, Facts::ORG_SUFFIX),
        ];
        for (set, bit) in sets {
            set.iter().for_each(|w| add(w, bit));
        }
        self.titles.keys().for_each(|w| add(w, Facts::TITLE));
        self.modifiers.keys().for_each(|w| add(w, Facts::MODIFIER));
        // `is_title_word` asks for a lower-case first letter.
        self.title_words
            .iter()
            .filter(|w| w.starts_with(char::is_lowercase))
            .for_each(|w| add(w, Facts::TITLE_WORD));
        for (w, &n) in &self.title_lengths {
            out.entry(w).or_default().title_lengths = n;
        }
        for (w, &n) in &self.modifier_lengths {
            out.entry(w).or_default().modifier_lengths = n;
        }
        out
    }

    /// What the lists say of `word` (any case), with one look-up: a page's words are each
    /// looked up once, and their facts asked as often as needed.
    pub fn facts(&self, word: &str) -> Facts {
        // Most words of a page: short, ASCII, no final period.
        if let Some((key, as_written)) = packed(word).filter(|_| !word.ends_with('.')) {
            let facts = self.short_facts.get(&key).copied().unwrap_or_default();
            return if as_written { Facts { bits: facts.bits | Facts::AS_WRITTEN, ..facts } } else { facts };
        }
        with_lower(word, |w| {
            let listed = match packed(w) {
                Some((key, _)) => self.short_facts.get(&key),
                None => self.long_facts.get(w),
            };
            let mut facts = listed.copied().unwrap_or_default();
            // `is_not_name` reads a word without its final periods.
            if w.ends_with('.') {
                facts.bits &= !Facts::NOT_NAME;
                if self.not_names.contains(w.trim_end_matches('.')) {
                    facts.bits |= Facts::NOT_NAME;
                }
            }
            if w == word {
                facts.bits |= Facts::AS_WRITTEN;
            }
            facts
        })
    }

    /// The English word lists, parsed on first use.
    pub fn get() -> &'static Lexicon {
        Lexicon::for_lang(None)
    }

    /// The word lists for a page in language `lang` (a BCP 47 tag such as "fr" or "de-AT"):
    /// English plus French, German or Spanish speech verbs, pronouns and determiners; English
    /// alone for other or unknown languages. Parsed once per language.
    pub fn for_lang(lang: Option<&str>) -> &'static Lexicon {
        static EN: OnceLock<Lexicon> = OnceLock::new();
        static FR: OnceLock<Lexicon> = OnceLock::new();
        static DE: OnceLock<Lexicon> = OnceLock::new();
        static ES: OnceLock<Lexicon> = OnceLock::new();
        let primary = lang.and_then(|l| l.split(['-', '_']).next()).map(str::to_ascii_lowercase);
        match primary.as_deref() {
            Some("fr") => FR.get_or_init(|| Lexicon::load(Some("fr"))),
            Some("de") => DE.get_or_init(|| Lexicon::load(Some("de"))),
            Some("es") => ES.get_or_init(|| Lexicon::load(Some("es"))),
            _ => EN.get_or_init(|| Lexicon::load(None)),
        }
    }

    /// Is `word` (any case) a single word that credits a source, like "according to"?
    pub fn is_according(&self, word: &str) -> bool {
        with_lower(word, |w| self.according.contains(w))
    }

    /// Is `word` (any case) a determiner that opens a noun phrase?
    pub fn is_determiner(&self, word: &str) -> bool {
        with_lower(word, |w| self.determiners.contains(w))
    }

    /// Is `word` (any case) a speech verb?
    pub fn is_speech_verb(&self, word: &str) -> bool {
        with_lower(word, |w| self.speech_verbs.contains(w))
    }

    /// Is `word` (any case) a noun naming what somebody said ("claim", "statement")?
    pub fn is_speech_noun(&self, word: &str) -> bool {
        with_lower(word, |w| self.speech_nouns.contains(w))
    }

    /// Is `word` (any case) a subject pronoun?
    pub fn is_pronoun(&self, word: &str) -> bool {
        with_lower(word, |w| self.pronouns.contains(w))
    }

    /// The role family of a title phrase (lower case, words joined by one space).
    pub fn title_family(&self, phrase: &str) -> Option<&'static str> {
        self.titles.get(phrase).copied()
    }

    /// The role family of a title or role noun (lower case).
    pub fn role_family(&self, phrase: &str) -> Option<&'static str> {
        self.titles.get(phrase).or_else(|| self.roles.get(phrase)).copied()
    }

    /// A modifier phrase (lower case) and what it says.
    pub fn modifier(&self, phrase: &str) -> Option<(ModifierKind, &'static str)> {
        self.modifiers.get(phrase).copied()
    }

    /// Is `word` (any case) one that cannot be, or start, a person's name?
    pub fn is_not_name(&self, word: &str) -> bool {
        with_lower(word, |w| self.not_names.contains(w.trim_end_matches('.')))
    }

    /// Is `word` (any case, without its period) an abbreviation?
    pub fn is_abbreviation(&self, word: &str) -> bool {
        with_lower(word, |w| self.abbreviations.contains(w))
    }

    /// Is `phrase` (any case, words joined by single spaces) a place: a country, region,
    /// capital, large city or US state?
    pub fn is_place(&self, phrase: &str) -> bool {
        with_lower(phrase, |p| self.places.contains(p))
    }

    /// Is `word` (any case) one that turns a preceding name into an organisation?
    pub fn is_org_suffix(&self, word: &str) -> bool {
        with_lower(word, |w| self.org_suffixes.contains(w))
    }
}

impl Lexicon {
    /// Is `word` a word of a title or a qualifier, written in lower case?
    pub fn is_title_word(&self, word: &str) -> bool {
        word.chars().next().is_some_and(char::is_lowercase) && self.title_words.contains(word)
    }

    /// The gender ('m' or 'f') a first name most often marks, if it is in the list.
    pub fn first_name_gender(&self, word: &str) -> Option<char> {
        with_lower(word, |w| self.first_names.get(w).copied()).filter(|&g| g != '?')
    }

    /// Is `word` a first name in the list, whatever gender it marks (or none)?
    pub fn is_first_name(&self, word: &str) -> bool {
        with_lower(word, |w| self.first_names.contains_key(w))
    }
}

/// What the word lists say of one word, from [`Lexicon::facts`]: the answers of the
/// look-ups the name search asks of every word, taken from one hash look-up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    bits: u16,
    /// Bit `n` set when some title phrase of `n` words starts with the word in lower case.
    title_lengths: u16,
    /// The same for modifier phrases.
    modifier_lengths: u16,
}

impl Facts {
    const SPEECH_VERB: u16 = 1;
    const NOT_NAME: u16 = 1 << 1;
    const ABBREVIATION: u16 = 1 << 2;
    const ORG_SUFFIX: u16 = 1 << 3;
    const TITLE: u16 = 1 << 4;
    const MODIFIER: u16 = 1 << 5;
    /// `is_title_word` of the word in lower case.
    const TITLE_WORD: u16 = 1 << 6;
    /// The word is written in lower case: the lists, all lower case, hold it as written.
    const AS_WRITTEN: u16 = 1 << 7;

    fn has(self, bit: u16) -> bool {
        self.bits & bit != 0
    }

    /// [`Lexicon::is_speech_verb`].
    pub fn is_speech_verb(self) -> bool {
        self.has(Facts::SPEECH_VERB)
    }

    /// [`Lexicon::is_not_name`].
    pub fn is_not_name(self) -> bool {
        self.has(Facts::NOT_NAME)
    }

    /// [`Lexicon::is_abbreviation`].
    pub fn is_abbreviation(self) -> bool {
        self.has(Facts::ABBREVIATION)
    }

    /// [`Lexicon::is_org_suffix`].
    pub fn is_org_suffix(self) -> bool {
        self.has(Facts::ORG_SUFFIX)
    }

    /// Whether [`Lexicon::title_family`] knows the word in lower case.
    pub fn is_title(self) -> bool {
        self.has(Facts::TITLE)
    }

    /// Whether [`Lexicon::title_family`] knows the word as written.
    pub fn is_title_as_written(self) -> bool {
        self.has(Facts::TITLE) && self.has(Facts::AS_WRITTEN)
    }

    /// Whether [`Lexicon::modifier`] knows the word in lower case.
    pub fn is_modifier(self) -> bool {
        self.has(Facts::MODIFIER)
    }

    /// [`Lexicon::is_title_word`] of the word in lower case.
    pub fn is_title_word(self) -> bool {
        self.has(Facts::TITLE_WORD)
    }

    /// [`Lexicon::is_title_word`] of the word as written.
    pub fn is_title_word_as_written(self) -> bool {
        self.has(Facts::TITLE_WORD) && self.has(Facts::AS_WRITTEN)
    }

    /// Bit `n` is set when some title phrase of `n` words starts with the word in lower case:
    /// a phrase of `n` words starting with another word is no title, whatever the rest.
    pub fn title_lengths(self) -> u64 {
        u64::from(self.title_lengths)
    }

    /// The same for modifier phrases.
    pub fn modifier_lengths(self) -> u64 {
        u64::from(self.modifier_lengths)
    }
}

/// Per first word of `phrases` (split at single spaces), the bit mask of their word counts.
/// (16 bits: no title or modifier comes near 16 words; a longer one would never be tried.)
fn lengths<'a>(phrases: impl Iterator<Item = &'a &'static str>) -> Map<u16> {
    let mut out = Map::default();
    for p in phrases {
        let n = p.split(' ').count();
        let first = p.split(' ').next().unwrap_or("");
        if n < 16 {
            *out.entry(first).or_insert(0) |= 1 << n;
        }
    }
    out
}

/// A word in lower case, as `str::to_lowercase` makes it, kept on the stack for short ASCII
/// words (most words of a page), so that a look-up costs no allocation.
pub enum Lower {
    /// Up to 32 bytes of ASCII, lowered.
    Short([u8; 32], u8),
    /// Anything else.
    Long(String),
}

impl std::ops::Deref for Lower {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            // Only ASCII is stored, so the bytes are UTF-8.
            Lower::Short(buf, len) => std::str::from_utf8(&buf[..*len as usize]).unwrap_or(""),
            Lower::Long(s) => s,
        }
    }
}

impl std::borrow::Borrow<str> for Lower {
    fn borrow(&self) -> &str {
        self
    }
}

/// `word.to_lowercase()`, without allocating for ASCII words of up to 32 bytes.
pub fn lower(word: &str) -> Lower {
    if word.is_ascii() && word.len() <= 32 {
        let mut buf = [0u8; 32];
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        Lower::Short(buf, word.len() as u8)
    } else {
        Lower::Long(word.to_lowercase())
    }
}

/// A word of up to 15 ASCII bytes, lower-cased and packed into an integer with its length, and
/// whether it was in lower case already; `None` for a longer word or one outside ASCII.
fn packed(word: &str) -> Option<(u128, bool)> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    // Two halves of 64 bits: WebAssembly has no 128-bit shifts (each would be a call).
    let mut halves = [0u64, (bytes.len() as u64) << 56];
    let mut upper = false;
    for (i, &b) in bytes.iter().enumerate() {
        if !b.is_ascii() {
            return None;
        }
        upper |= b.is_ascii_uppercase();
        halves[i / 8] |= u64::from(b.to_ascii_lowercase()) << (8 * (i % 8));
    }
    Some((u128::from(halves[0]) | u128::from(halves[1]) << 64, !upper))
}

/// Runs `f` on the lower-case form of `word`, without allocating for short ASCII words.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        // ASCII stays valid UTF-8 after lowering.
        f(std::str::from_utf8(b).unwrap_or(""))
    } else {
        f(&word.to_lowercase())
    }
}

/// Is `word` (without its period) an abbreviation whose period does not end a sentence?
pub fn is_abbreviation(word: &str) -> bool {
    Lexicon::get().is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let lx = Lexicon::get();
        assert!(lx.is_speech_verb("Said"));
        assert!(lx.is_speech_verb("tweeted"));
        assert!(!lx.is_speech_verb("responding"));
        assert_eq!(lx.title_family("press secretary"), Some("spokesperson"));
        assert_eq!(lx.role_family("spokesman"), Some("spokesperson"));
        assert_eq!(lx.role_family("aide"), Some("official"));
        assert_eq!(lx.modifier("russian"), Some((ModifierKind::Country, "Russia")));
        assert!(lx.is_not_name("The"));
        assert!(lx.is_org_suffix("Administration"));
        assert!(lx.max_phrase_words >= 3);
        assert!(lx.max_phrase_words < 16, "phrase lengths are kept in 16 bits");
    }

    /// `Facts` answer as the look-ups they stand for, for every word of the lists written in
    /// several ways, and for words of no list.
    #[test]
    fn facts_agree_with_the_lists() {
        let lx = Lexicon::get();
        let all = lx.all_facts();
        let listed = all.keys().copied();
        let other = ["Obama", "said.", "Sen.", "U.S.", "É", "ÉTAT", "mr..", "x", "", "3rd", "Ökonom"];
        for word in listed.chain(other) {
            let title_case = word
                .chars()
                .next()
                .map_or(String::new(), |c| c.to_uppercase().chain(word.chars().skip(1)).collect::<String>());
            let forms =
                [word.to_string(), word.to_uppercase(), title_case, format!("{word}."), format!("{word}'s")];
            for w in &forms {
                let f = lx.facts(w);
                let l = w.to_lowercase();
                assert_eq!(f.is_speech_verb(), lx.is_speech_verb(w), "{w}");
                assert_eq!(f.is_not_name(), lx.is_not_name(w), "{w}");
                assert_eq!(f.is_abbreviation(), lx.is_abbreviation(w), "{w}");
                assert_eq!(f.is_org_suffix(), lx.is_org_suffix(w), "{w}");
                assert_eq!(f.is_title(), lx.title_family(&l).is_some(), "{w}");
                assert_eq!(f.is_title_as_written(), lx.title_family(w).is_some(), "{w}");
                assert_eq!(f.is_modifier(), lx.modifier(&l).is_some(), "{w}");
                assert_eq!(f.is_title_word(), lx.is_title_word(&l), "{w}");
                assert_eq!(f.is_title_word_as_written(), lx.is_title_word(w), "{w}");
                assert_eq!(f.title_lengths(), lx.title_lengths.get(&*l).map_or(0, |&n| u64::from(n)), "{w}");
                assert_eq!(
                    f.modifier_lengths(),
                    lx.modifier_lengths.get(&*l).map_or(0, |&n| u64::from(n)),
                    "{w}"
                );
            }
        }
    }
}
