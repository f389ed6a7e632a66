// Text whose NFKC form the native crate and the browser's String.prototype.normalize must
// agree on: (input, NFKC). Included by tests/nfkc.rs (native) and tests/web.rs (in the browser).

/// Ligatures, full-width and circled forms, fractions, squared units, composition of a
/// decomposed accent and of Hangul jamo, canonical reordering of combining marks, compatibility
/// spaces, and a run joined across nothing but text.
pub const NFKC_CASES: &[(&str, &str)] = &[
    ("\u{FB01}nance", "finance"),
    ("\u{FF21}\u{FF22}\u{FF23}\u{FF11}\u{FF12}", "ABC12"),
    ("caf\u{0065}\u{0301}", "caf\u{00E9}"),
    ("\u{2460}\u{2461}", "12"),
    ("\u{00BD}", "1\u{2044}2"),
    ("\u{33A1}", "m2"),
    ("\u{1100}\u{1161}\u{11A8}", "\u{AC01}"),
    ("\u{2126}hm", "\u{03A9}hm"),
    ("x\u{0307}\u{0323}", "\u{1E8B}\u{0323}"),
    ("a\u{00A0}b\u{3000}c", "a b c"),
    ("\u{2024}\u{2026}", "...."),
    ("\u{1D400}\u{1D41B}", "Ab"),
    ("\u{3300}", "\u{30A2}\u{30D1}\u{30FC}\u{30C8}"),
    ("\u{FDFA}", "\u{0635}\u{0644}\u{0649} \u{0627}\u{0644}\u{0644}\u{0647} \u{0639}\u{0644}\u{064A}\u{0647} \u{0648}\u{0633}\u{0644}\u{0645}"),
];
