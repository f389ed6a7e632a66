//! The native NFKC (the unicode-normalization crate) gives what the browser's gives: the same
//! table is checked in the browser by tests/web.rs, so the CLI and the page agree on repeats.
#![cfg(not(target_arch = "wasm32"))]

include!("support/nfkc_cases.rs");

#[test]
fn native_nfkc_matches_the_table() {
    let nfkc = factlens::native_nfkc().expect("native builds carry an NFKC");
    for (input, want) in NFKC_CASES {
        assert_eq!(nfkc(input), *want, "NFKC of {input:?}");
    }
}

#[test]
fn compatibility_forms_repeat_verbatim() {
    let blocks: Vec<String> =
        ["\u{FF26}ull width \u{FB01}ne caf\u{0065}\u{0301}", "Full width fine caf\u{00E9}"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    let report = factlens::analyze(&factlens::Page::new(blocks.clone()));
    assert_eq!(report.repeats.len(), 1);
    assert_eq!(report.repeats[0].blocks, [0, 1]);
    // Without NFKC they differ.
    let report = factlens::analyze_with(&factlens::Page::new(blocks), None);
    assert!(report.repeats.is_empty());
}
