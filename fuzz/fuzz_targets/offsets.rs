//! The offset conversions on arbitrary UTF-16, lone surrogates included. A browser hands the
//! core such a string with each lone surrogate replaced by U+FFFD, one UTF-16 unit for one:
//! the units still line up, and every conversion goes both ways.
#![no_main]

use factlens::{convert_offset, to_utf8_offset, OffsetUnit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let units: Vec<u16> = data.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    let text = String::from_utf16_lossy(&units);
    assert_eq!(text.encode_utf16().count(), units.len(), "replacement changed the unit count");
    let mut utf16 = 0;
    let mut cps = 0;
    for (i, c) in text.char_indices() {
        assert_eq!(convert_offset(&text, i, OffsetUnit::Utf16), utf16);
        assert_eq!(convert_offset(&text, i, OffsetUnit::Codepoint), cps);
        assert_eq!(to_utf8_offset(&text, utf16, OffsetUnit::Utf16), i);
        assert_eq!(to_utf8_offset(&text, cps, OffsetUnit::Codepoint), i);
        // Inside a surrogate pair maps to the character's start.
        if c.len_utf16() == 2 {
            assert_eq!(to_utf8_offset(&text, utf16 + 1, OffsetUnit::Utf16), i);
        }
        utf16 += c.len_utf16();
        cps += 1;
    }
    assert_eq!(convert_offset(&text, text.len(), OffsetUnit::Utf16), units.len());
    assert_eq!(to_utf8_offset(&text, units.len() + 5, OffsetUnit::Utf16), text.len());
    // And the analysis of that text, with UTF-16 offsets.
    let page = factlens::Page::new(text.split('\n').map(str::to_string).collect());
    let report = factlens::analyze(&page);
    if let Err(e) = factlens::invariants::check(&page, &report) {
        panic!("invariant broken: {e}");
    }
});
