//! analyze on arbitrary UTF-8: never panics, and the Report keeps its invariants, as blocks
//! of a plain-text page and as lines given as blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for page in
        [factlens::Page::from_text(text), factlens::Page::new(text.split('\n').map(str::to_string).collect())]
    {
        let report = factlens::analyze(&page);
        if let Err(e) = factlens::invariants::check(&page, &report) {
            panic!("invariant broken: {e}");
        }
        // Converting offsets never panics and keeps quotes inside their blocks.
        let r16 = report.convert_offsets(&page, factlens::OffsetUnit::Utf16);
        for q in &r16.quotes {
            assert!(q.start <= q.end && q.end <= page.blocks()[q.block].encode_utf16().count());
        }
    }
});
