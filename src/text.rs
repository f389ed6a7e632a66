//! Text primitives: offset units and their conversion, normalisation for comparison,
//! word tokens and sentence bounds. Everything works on UTF-8 byte offsets.

use serde::{Deserialize, Serialize};

/// The unit in which offsets are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes (inside Rust).
    Utf8,
    /// UTF-16 code units (what DOM Ranges and JavaScript strings use).
    Utf16,
    /// Unicode code points (what Python strings and the evaluation files use).
    Codepoint,
}

impl OffsetUnit {
    /// Parses `utf8`, `utf16` or `codepoint`.
    pub fn parse(name: &str) -> Option<OffsetUnit> {
        match name {
            "utf8" => Some(OffsetUnit::Utf8),
            "utf16" => Some(OffsetUnit::Utf16),
            "codepoint" => Some(OffsetUnit::Codepoint),
            _ => None,
        }
    }
}

fn units(c: char, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Utf8 => c.len_utf8(),
        OffsetUnit::Utf16 => c.len_utf16(),
        OffsetUnit::Codepoint => 1,
    }
}

/// Converts a UTF-8 byte offset into `text` (on a character boundary) to `unit`.
/// An offset past the end is clamped to the end.
pub fn convert_offset(text: &str, byte_offset: usize, unit: OffsetUnit) -> usize {
    let end = floor_boundary(text, byte_offset);
    if unit == OffsetUnit::Utf8 {
        return end;
    }
    let head = &text[..end];
    if head.is_ascii() {
        return end;
    }
    head.chars().map(|c| units(c, unit)).sum()
}

/// Converts an offset counted in `unit` into a UTF-8 byte offset into `text`.
/// An offset inside a character (half of a surrogate pair) maps to that character's start;
/// an offset past the end is clamped to the end.
pub fn to_utf8_offset(text: &str, offset: usize, unit: OffsetUnit) -> usize {
    if unit == OffsetUnit::Utf8 {
        return floor_boundary(text, offset);
    }
    let mut counted = 0;
    for (i, c) in text.char_indices() {
        let next = counted + units(c, unit);
        if next > offset {
            return i;
        }
        counted = next;
    }
    text.len()
}

/// The largest character boundary of `text` that is `<= i`.
pub fn floor_boundary(text: &str, i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let mut i = i;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Up to `n` characters of `text` that end at byte `end`.
pub fn chars_before(text: &str, end: usize, n: usize) -> &str {
    let start = text[..end].char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &text[start..end]
}

/// Up to `n` characters of `text` that start at byte `start`.
pub fn chars_after(text: &str, start: usize, n: usize) -> &str {
    let end = text[start..].char_indices().nth(n).map_or(text.len(), |(i, _)| start + i);
    &text[start..end]
}

/// Whitespace of every kind, including no-break and thin spaces.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Characters that carry no text and are dropped when comparing (zero-width, BOM, soft hyphen).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Double quotation marks of every convention, mapped to `"` when comparing.
pub fn is_double_quote_variant(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2033}'
            | '\u{300C}'
            | '\u{300D}'
            | '\u{300E}'
            | '\u{300F}'
            | '\u{FF02}'
    )
}

/// Single quotation marks and apostrophes, mapped to `'` when comparing.
pub fn is_single_quote_variant(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{2032}'
            | '\u{0060}'
            | '\u{00B4}'
            | '\u{FF07}'
    )
}

/// Hyphens and dashes, mapped to `-` when comparing.
pub fn is_dash_variant(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}')
}

/// The form in which two blocks are compared for repeats: lower case, one space for any run
/// of whitespace, one form of each quote, apostrophe and dash, invisible characters and
/// trailing punctuation removed. (Repeats stream it with [`compare_chars`].)
#[allow(dead_code)]
pub fn normalize_for_compare(text: &str) -> String {
    compare_chars(text).collect()
}

/// The characters of [`normalize_for_compare`]`(text)`, one by one, without building the
/// string (to hash a block, and to confirm a hash match, with no allocation).
pub fn compare_chars(text: &str) -> CompareChars<'_> {
    // Trailing punctuation, whitespace and invisible characters are dropped: find where they
    // begin (folding never turns another character into one of them).
    let end = text
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_invisible(c) || is_space(c) || is_trailing_punctuation(c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    CompareChars { text: &text[..end], at: 0, space: false, started: false, held: None, lower: None }
}

/// Punctuation dropped from the end of a block when comparing.
fn is_trailing_punctuation(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\u{2026}')
        || is_double_quote_variant(c)
        || is_single_quote_variant(c)
        || is_dash_variant(c)
}

/// Iterator of [`compare_chars`].
#[derive(Debug, Clone)]
pub struct CompareChars<'a> {
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
    /// Whitespace was passed since the last character given out.
    space: bool,
    /// A character has been given out.
    started: bool,
    /// A character held back while the space before it is given out.
    held: Option<char>,
    /// The rest of a character's lower case, when it has more than one character.
    lower: Option<std::char::ToLowercase>,
}

impl CompareChars<'_> {
    fn fold(&mut self, c: char) -> char {
        if c.is_ascii() {
            // The ASCII variants: '"' and '\'' stay, '`' is an apostrophe, '-' stays.
            if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        } else if is_double_quote_variant(c) {
            '"'
        } else if is_single_quote_variant(c) {
            '\''
        } else if is_dash_variant(c) {
            '-'
        } else {
            let mut lower = c.to_lowercase();
            let first = lower.next().unwrap_or(c);
            self.lower = Some(lower);
            first
        }
    }
}

impl Iterator for CompareChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(lower) = &mut self.lower {
            if let Some(c) = lower.next() {
                return Some(c);
            }
            self.lower = None;
        }
        if let Some(c) = self.held.take() {
            return Some(self.fold(c));
        }
        loop {
            let b = *self.text.as_bytes().get(self.at)?;
            let c = if b.is_ascii() {
                self.at += 1;
                // ASCII whitespace as char::is_whitespace has it (with vertical tab).
                if matches!(b, b' ' | b'\t'..=b'\r') {
                    self.space = self.started;
                    continue;
                }
                char::from(b)
            } else {
                let c = self.text[self.at..].chars().next()?;
                self.at += c.len_utf8();
                if is_invisible(c) {
                    continue;
                }
                if is_space(c) {
                    self.space = self.started;
                    continue;
                }
                c
            };
            self.started = true;
            if self.space {
                self.space = false;
                self.held = Some(c);
                return Some(' ');
            }
            return Some(self.fold(c));
        }
    }
}

/// A function that brings text to Unicode compatibility form (NFKC): `ﬁ` → `fi`, full-width
/// `Ａ` → `A`, `①` → `1`, `e` + combining acute → `é`.
///
/// The core carries no Unicode normalisation tables (they would cost ≈ 70 KB gzipped in the
/// .wasm): natively it uses the `unicode-normalization` crate ([`native_nfkc`]); in the browser
/// the glue passes JavaScript's `String.prototype.normalize('NFKC')`, which costs nothing.
pub type Nfkc = fn(&str) -> String;

/// The platform's NFKC: the `unicode-normalization` crate natively, none on wasm32 (where the
/// browser glue supplies JavaScript's).
pub fn native_nfkc() -> Option<Nfkc> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        fn nfkc(text: &str) -> String {
            unicode_normalization::UnicodeNormalization::nfkc(text).collect()
        }
        Some(nfkc)
    }
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
}

/// A whitespace-free run of a block whose NFKC form differs from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompatRun {
    /// Byte offset of the run in its block.
    pub start: usize,
    /// Byte offset after the run.
    pub end: usize,
    /// The run's NFKC form.
    pub form: String,
}

/// For every block, the runs between whitespace whose NFKC form differs from the text, in
/// order; empty for the (usual) block that is already in NFKC.
///
/// Normalising run by run gives exactly the NFKC of the whole block: every whitespace character
/// is a starter that neither decomposes into anything but a space nor composes with a
/// neighbour, so normalisation never reaches across it. Each run keeps its byte range, so what
/// is found in the normalised form still points into the original text. ASCII runs are already
/// NFKC; the others go to `nfkc` in one call, joined by `\n` (which no run contains and which
/// NFKC leaves alone), so the browser crosses into JavaScript once per page.
pub fn compat_runs(blocks: &[String], nfkc: Option<Nfkc>) -> Vec<Vec<CompatRun>> {
    let mut out: Vec<Vec<CompatRun>> = vec![Vec::new(); blocks.len()];
    let Some(nfkc) = nfkc else { return out };
    let mut batch = String::new();
    let mut places: Vec<(usize, usize, usize)> = Vec::new();
    for (b, text) in blocks.iter().enumerate() {
        for (s, e) in non_ascii_runs(text) {
            if !places.is_empty() {
                batch.push('\n');
            }
            batch.push_str(&text[s..e]);
            places.push((b, s, e));
        }
    }
    if places.is_empty() {
        return out;
    }
    let normal = nfkc(&batch);
    let forms: Vec<&str> = normal.split('\n').collect();
    if forms.len() != places.len() {
        // Cannot happen with a real NFKC; compare the text as it is rather than misalign it.
        debug_assert!(false, "NFKC changed the number of runs");
        return out;
    }
    for ((b, s, e), form) in places.into_iter().zip(forms) {
        if form != &blocks[b][s..e] {
            out[b].push(CompatRun { start: s, end: e, form: form.to_string() });
        }
    }
    out
}

/// The byte ranges of the runs of non-whitespace characters of `text` that hold a character
/// outside ASCII, in order. ASCII is passed a byte at a time: only a run around a non-ASCII
/// character is read as characters.
fn non_ascii_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    // Before `at` all is read, and `at` is 0 or follows whitespace.
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let p = at + bytes[at..].iter().position(|b| !b.is_ascii())?;
        let c = text[p..].chars().next()?;
        if c.is_whitespace() {
            at = p + c.len_utf8();
            continue;
        }
        let start =
            bytes[at..p].iter().rposition(|&b| char::from(b).is_whitespace()).map_or(at, |q| at + q + 1);
        let end =
            text[p..].char_indices().find(|&(_, c)| c.is_whitespace()).map_or(text.len(), |(q, _)| p + q);
        at = end;
        return Some((start, end));
    })
}

/// The block's text with its compatibility runs replaced by their NFKC forms.
pub fn apply_compat<'a>(text: &'a str, runs: &[CompatRun]) -> std::borrow::Cow<'a, str> {
    if runs.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut at = 0;
    for r in runs {
        out.push_str(&text[at..r.start]);
        out.push_str(&r.form);
        at = r.end;
    }
    out.push_str(&text[at..]);
    std::borrow::Cow::Owned(out)
}

/// A word: a maximal run of letters, digits and inner joiners (apostrophe, hyphen, period
/// inside abbreviations such as "U.S." and "G.K.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
}

impl Word {
    /// The word's text.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

/// Splits `text[from..to]` into words.
///
/// One pass over the bytes: ASCII letters and digits are taken a byte at a time, anything else
/// is decoded as a character (the rules are those of `reference_words_in` in the tests).
pub fn words_in(text: &str, from: usize, to: usize) -> Vec<Word> {
    let slice = &text[from..to];
    let bytes = slice.as_bytes();
    // News text has a word every six bytes or so: reserve for that rather than grow.
    let mut out = Vec::with_capacity(bytes.len() / 6 + 1);
    // The character at byte `i` and its length.
    let at = |i: usize| match bytes[i] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => slice[i..].chars().next().map_or((' ', 1), |c| (c, c.len_utf8())),
    };
    let alnum = is_letter_or_digit;
    let mut i = 0;
    while i < bytes.len() {
        // Spaces and ASCII punctuation between words, a byte at a time.
        if BYTE_KIND[usize::from(bytes[i])] <= JOINER {
            i += 1;
            continue;
        }
        let (c, len) = at(i);
        if !alnum(c) {
            i += len;
            continue;
        }
        let start = i;
        let mut j = i + len; // after the last character taken into the word
        while j < bytes.len() {
            match BYTE_KIND[usize::from(bytes[j])] {
                ALNUM => {
                    j += 1;
                    continue;
                }
                // Any other ASCII byte but a joiner ends the word.
                OTHER => break,
                _ => {}
            }
            let (d, dl) = at(j);
            let rest = &slice[j + dl..];
            if alnum(d) || is_combining(d) || (is_invisible(d) && rest.starts_with(is_letter_or_digit)) {
                j += dl;
            } else if is_word_joiner(d) {
                // A joiner stays inside the word only when a letter or digit follows it, or,
                // for a period, when it closes an initial or abbreviation such as "U.S.".
                if rest.chars().next().is_some_and(is_letter_or_digit) {
                    j += dl;
                } else if d == '.' && (is_initialism(&slice[start..j]) || is_initial(&slice[start..j])) {
                    j += 1;
                    break;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Word { start: from + start, end: from + j });
        i = j;
    }
    out
}

/// What a byte says to [`words_in`]: an ASCII byte that is no part of a word, an ASCII joiner
/// (`'`, `-`, `.`), an ASCII letter or digit, or a byte of a character outside ASCII.
const OTHER: u8 = 0;
const JOINER: u8 = 1;
const ALNUM: u8 = 2;
const NON_ASCII: u8 = 3;
static BYTE_KIND: [u8; 256] = {
    let mut kinds = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        kinds[b] = match b as u8 {
            b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => ALNUM,
            b'\'' | b'-' | b'.' => JOINER,
            _ => OTHER,
        };
        b += 1;
    }
    kinds
};

/// `char::is_alphanumeric`, answered without Unicode's tables for ASCII and for the General
/// Punctuation block (curly quotes, dashes, ellipsis: the non-ASCII characters news text has
/// most, none of them a letter or digit).
fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

/// Combining marks of the common blocks (diacritics, extended, for symbols).
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

fn is_word_joiner(c: char) -> bool {
    c == '\'' || c == '\u{2019}' || c == '-' || c == '\u{2010}' || c == '\u{2011}' || c == '.'
}

/// "U.S" or "G.K" or "D.C": single letters joined by periods, before a final period.
/// A single capital letter, an initial before its period ("J." in "Benjamin J. Rhodes").
fn is_initial(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

fn is_initialism(s: &str) -> bool {
    s.contains('.') && s.split(['.', '-']).all(|p| p.chars().count() == 1)
}

/// True when the word starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Byte offset where the sentence containing byte `at` starts, looking back no further than
/// `floor`. A sentence ends at `.`, `!` or `?` followed by space and an upper-case letter or
/// quote mark, unless the period closes a known abbreviation or an initial.
pub fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at.min(text.len());
    while i > floor {
        i -= 1;
        let b = bytes[i];
        if (b == b'.' || b == b'!' || b == b'?') && is_sentence_end(text, i) {
            return i + 1;
        }
    }
    floor
}

/// Byte offset after the sentence that contains byte `at` (after its final punctuation),
/// looking no further than `ceil`.
pub fn sentence_end(text: &str, at: usize, ceil: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < ceil {
        let b = bytes[i];
        if (b == b'.' || b == b'!' || b == b'?') && is_sentence_end(text, i) {
            return i + 1;
        }
        i += 1;
    }
    ceil
}

/// The byte offsets of every mark in `text` that ends a sentence, in order: the `i` at which
/// [`sentence_start`] and [`sentence_end`] stop. One pass, for callers that ask about many
/// positions of one text.
pub fn sentence_end_marks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter(|&i| matches!(bytes[i], b'.' | b'!' | b'?') && is_sentence_end(text, i)).collect()
}

/// Whether the punctuation at byte `i` ends a sentence.
fn is_sentence_end(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let mut rest = after.chars();
    match rest.next() {
        None => return true,
        Some(c) if is_space(c) => {}
        Some(_) => return false,
    }
    let next = after.trim_start().chars().next();
    let starts_new =
        next.is_some_and(|c| c.is_uppercase() || is_double_quote_variant(c) || c.is_ascii_digit());
    if !starts_new {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    // The word the period closes.
    let before = &text[..i];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(j, c)| j + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // Initials ("G.K.", "J.") and known abbreviations do not end a sentence.
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    if word.contains('.') && is_initialism(word) {
        return false;
    }
    !crate::lexicon::is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_has_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        for c in ['a', 'Z', '7', 'é', 'ß', '中', '٣'] {
            assert!(is_letter_or_digit(c), "{c:?}");
        }
    }

    #[test]
    fn offsets_convert_both_ways() {
        // emoji (4 bytes, 2 UTF-16 units), CJK (3 bytes, 1 unit), e + combining acute.
        let t = "a😀b中e\u{0301}z";
        let table =
            [(0, 0, 0), (1, 1, 1), (5, 3, 2), (6, 4, 3), (9, 5, 4), (10, 6, 5), (12, 7, 6), (13, 8, 7)];
        for (b, u16_, cp) in table {
            assert_eq!(convert_offset(t, b, OffsetUnit::Utf16), u16_, "utf16 of {b}");
            assert_eq!(convert_offset(t, b, OffsetUnit::Codepoint), cp, "cp of {b}");
            assert_eq!(to_utf8_offset(t, u16_, OffsetUnit::Utf16), b);
            assert_eq!(to_utf8_offset(t, cp, OffsetUnit::Codepoint), b);
        }
        // Inside the emoji's surrogate pair maps back to the emoji's start.
        assert_eq!(to_utf8_offset(t, 2, OffsetUnit::Utf16), 1);
        // Past the end clamps.
        assert_eq!(convert_offset(t, 99, OffsetUnit::Utf16), 8);
        assert_eq!(to_utf8_offset(t, 99, OffsetUnit::Codepoint), t.len());
        // Inside a character floors to its start.
        assert_eq!(convert_offset(t, 3, OffsetUnit::Codepoint), 1);
    }

    #[test]
    fn normalisation_folds_variants() {
        let a = "\u{201C}It\u{2019}s  a\u{00A0}test \u{2014} really,\u{201D} she said.";
        let b = "\"it's a test - REALLY,\" she said";
        assert_eq!(normalize_for_compare(a), normalize_for_compare(b));
        assert_eq!(normalize_for_compare("  Zero\u{200B}width  "), "zerowidth");
        assert_ne!(normalize_for_compare("one thing"), normalize_for_compare("one thin"));
    }

    /// The string-building form as it was before compare_chars: the reference.
    fn reference_normalize(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut pending_space = false;
        for c in text.chars() {
            if is_invisible(c) {
                continue;
            }
            if is_space(c) {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            if is_double_quote_variant(c) {
                out.push('"');
            } else if is_single_quote_variant(c) {
                out.push('\'');
            } else if is_dash_variant(c) {
                out.push('-');
            } else if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
        while let Some(c) = out.chars().last() {
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '-' | ' ' | '\u{2026}') {
                out.pop();
            } else {
                break;
            }
        }
        out
    }

    #[test]
    fn compare_chars_equal_the_reference_on_random_text() {
        let alphabet: Vec<char> = "aZ9 .,;:!?\"'`\u{000B}-\u{2026}\u{201C}\u{201D}\u{2019}\u{2014}\u{00A0}\u{2009}\u{200B}\u{00AD}\u{FEFF}\u{0130}\u{1E9E}\u{00C9}\u{FF0E}\n\t"
            .chars()
            .collect();
        let mut state = 0x1234_5678_9abc_def0u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 12) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            assert_eq!(normalize_for_compare(&text), reference_normalize(&text), "{text:?}");
        }
    }

    #[test]
    fn compare_form_table() {
        let cases = [
            ("", ""),
            ("  \u{200B} ", ""),
            ("Hello, World.", "hello, world"),
            ("a  b\u{00A0}\u{2009}c", "a b c"),
            ("trailing \u{201D} . \u{2014} ", "trailing"),
            ("\u{2018}Quote\u{2019} \u{2013} dash", "'quote' - dash"),
            ("zero\u{200B}width \u{00AD}soft", "zerowidth soft"),
            ("\u{0130}stanbul \u{1E9E}", "i\u{0307}stanbul \u{00DF}"),
            ("...", ""),
            ("x \u{FF0E}", "x \u{FF0E}"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_for_compare(input), want, "{input:?}");
        }
    }

    /// `words_in` as it was written first, char by char: the reference.
    fn reference_words_in(text: &str, from: usize, to: usize) -> Vec<Word> {
        let mut out = Vec::new();
        let slice = &text[from..to];
        let mut iter = slice.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphanumeric()
                    || is_combining(d)
                    || (is_invisible(d) && slice[j + d.len_utf8()..].starts_with(char::is_alphanumeric))
                {
                    end = j + d.len_utf8();
                    iter.next();
                } else if is_word_joiner(d) {
                    // A joiner stays inside the word only when a letter or digit follows it, or,
                    // for a period, when it closes an initial or abbreviation such as "U.S.".
                    let rest = &slice[j + d.len_utf8()..];
                    let next = rest.chars().next();
                    if next.is_some_and(|n| n.is_alphanumeric()) {
                        end = j + d.len_utf8();
                        iter.next();
                    } else if d == '.' && (is_initialism(&slice[start..j]) || is_initial(&slice[start..j])) {
                        end = j + 1;
                        iter.next();
                        break;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(Word { start: from + start, end: from + end });
        }
        out
    }

    #[test]
    fn words_equal_the_reference_on_random_text() {
        let alphabet: Vec<char> =
            "aZ9 .'-\u{2019}\u{2010}\u{2011}\u{0301}\u{200B}\u{00AD}\u{00E9}\u{4E2D}U.S(),\"\u{201C}\n"
                .chars()
                .collect();
        let mut state = 0x0123_4567_89ab_cdefu64;
        for _ in 0..50_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 14) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let a = bounds[(state >> 20) as usize % bounds.len()];
            let b = bounds[(state >> 40) as usize % bounds.len()];
            let (from, to) = (a.min(b), a.max(b));
            assert_eq!(
                words_in(&text, from, to),
                reference_words_in(&text, from, to),
                "{text:?} {from}..{to}"
            );
        }
    }

    #[test]
    fn words_keep_initials_and_joiners() {
        let t = "Rep. G.K. Butterfield (D-N.C.) met O\u{2019}Rourke in the U.S. today.";
        let w: Vec<&str> = words_in(t, 0, t.len()).iter().map(|w| w.text(t)).collect();
        assert_eq!(
            w,
            ["Rep", "G.K.", "Butterfield", "D-N.C.", "met", "O\u{2019}Rourke", "in", "the", "U.S.", "today"]
        );
    }

    #[test]
    fn sentence_end_marks_agree_with_sentence_start() {
        let t = "Sen. Smith arrived. Mr. Jones left at 5 p.m. Then it rained! Why? \"No.\" U.S. Gen. Lee. J. Doe went.";
        let marks = sentence_end_marks(t);
        for at in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
            let k = marks.partition_point(|&e| e < at);
            let start = if k == 0 { 0 } else { marks[k - 1] + 1 };
            assert_eq!(start, sentence_start(t, 0, at), "at {at}");
        }
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let t = "Sen. Smith arrived. Mr. Jones left at 5 p.m. Then it rained.";
        let second = t.find("Mr.").unwrap();
        assert_eq!(sentence_start(t, 0, t.find("Smith").unwrap()), 0);
        assert_eq!(sentence_start(t, 0, t.find("left").unwrap()), second - 1);
        assert_eq!(sentence_end(t, 0, t.len()), t.find("arrived.").unwrap() + 8);
    }
}
