//! Article text of a saved page, read the way scripts/people-eval.mjs reads it: one block per
//! paragraph-level element of an `.expected.html`, one per line of a `.truth.json` body.
//! Shared by tests/people.rs and the benches.

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];
const SKIP_TAGS: &[&str] = &["script", "style", "noscript", "template"];

/// JavaScript's `\s`.
fn is_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

/// Whitespace runs become one space; the ends are trimmed.
pub fn squash(s: &str) -> String {
    s.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest[1..].find(';').and_then(|end| {
            let e = &rest[1..1 + end];
            let c = if let Some(hex) = e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
                hex_or_dec(hex, 16)
            } else if let Some(dec) = e.strip_prefix('#') {
                hex_or_dec(dec, 10)
            } else if !e.is_empty() && e.bytes().all(|b| b.is_ascii_alphabetic()) {
                match e {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some('\u{a0}'),
                    "shy" => Some('\u{ad}'),
                    _ => None,
                }
            } else {
                None
            };
            c.map(|c| (c, end + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn hex_or_dec(digits: &str, radix: u32) -> Option<char> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u32::from_str_radix(digits, radix).ok().filter(|&n| n > 0).and_then(char::from_u32)
}

/// The blocks of an HTML fragment: text between block-level tags, tags stripped, entities
/// decoded.
pub fn html_blocks(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut blocks = Vec::new();
    let mut cur = String::new();
    let mut flush = |cur: &mut String| {
        let t = squash(&decode_entities(cur));
        if !t.is_empty() {
            blocks.push(t);
        }
        cur.clear();
    };
    let mut at = 0;
    let mut from = 0;
    while let Some(rel) = html[from..].find('<') {
        let lt = from + rel;
        if html[lt..].starts_with("<!--") {
            if let Some(end) = html[lt + 4..].find("-->") {
                cur.push_str(&html[at..lt]);
                at = lt + 4 + end + 3;
                from = at;
                continue;
            }
            from = lt + 1;
            continue;
        }
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let tag_end = html[name_start..].find('>').map(|e| name_start + e + 1);
        let (true, Some(tag_end)) = (
            name_len > 0
                && bytes[name_start].is_ascii_alphabetic()
                && bytes.get(name_start + name_len) != Some(&b'_'),
            tag_end,
        ) else {
            from = lt + 1;
            continue;
        };
        cur.push_str(&html[at..lt]);
        at = tag_end;
        from = tag_end;
        let name = &lower[name_start..name_start + name_len];
        if !closing && SKIP_TAGS.contains(&name) {
            at = lower[at..].find(&format!("</{name}")).map_or(html.len(), |e| at + e);
            from = at;
        } else if BLOCK_TAGS.contains(&name) {
            flush(&mut cur);
        }
    }
    cur.push_str(&html[at..]);
    flush(&mut cur);
    blocks
}

/// The blocks of a benchmark `articleBody`: its lines.
pub fn body_blocks(body: &str) -> Vec<String> {
    body.replace("\r\n", "\n").split(['\n', '\r']).map(squash).filter(|b| !b.is_empty()).collect()
}

// ---- Normalising ---------------------------------------------------------------------
