//! In-browser tests of the WebAssembly build (wasm-bindgen-test, headless Chromium and Firefox):
//! the Report that crosses to JavaScript, its UTF-16 offsets, and bad input.
#![cfg(target_arch = "wasm32")]

#[cfg(factlens_shared)]
mod common;

use factlens::{web::analyze_blocks, Report};
use js_sys::{Array, JsString};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js_blocks(blocks: &[JsString]) -> JsValue {
    let array = Array::new();
    for b in blocks {
        array.push(b);
    }
    array.into()
}

fn report_of(value: JsValue) -> Report {
    serde_wasm_bindgen::from_value(value).expect("the value returned to JavaScript is a Report")
}

#[cfg(factlens_shared)]
#[wasm_bindgen_test]
fn seed_article_in_the_browser() {
    use factlens::{analyze, OffsetUnit, Page};
    let text = include_str!(env!("FACTLENS_SEED_TEXT"));
    let expected: serde_json::Value =
        serde_json::from_str(include_str!(env!("FACTLENS_SEED_EXPECTED"))).unwrap();
    let page = Page::from_text(text);
    let blocks: Vec<JsString> = page.blocks().iter().map(|b| JsString::from(b.as_str())).collect();
    let report = report_of(analyze_blocks(&js_blocks(&blocks)).expect("analyzeBlocks accepts the seed"));
    let diffs = common::seed_differences(&report, &expected);
    assert!(diffs.is_empty(), "the in-browser seed Report differs from expected.json:\n{}", diffs.join("\n"));
    assert_eq!(report.offset_unit, OffsetUnit::Utf16);
    // What crossed to JavaScript is exactly the core's Report in UTF-16 units.
    assert_eq!(report, analyze(&page).convert_offsets(&page, OffsetUnit::Utf16));
}

#[cfg(not(factlens_shared))]
#[wasm_bindgen_test]
#[ignore = "../shared/seed is not beside this checkout (a user's clone)"]
fn seed_article_in_the_browser() {}

/// UTF-16 positions of a character in a JS string, found by JavaScript itself.
fn js_index_of(s: &JsString, needle: &str) -> usize {
    s.index_of(needle, 0) as usize
}

#[wasm_bindgen_test]
fn offsets_are_utf16_with_emoji_cjk_combining_and_lone_surrogates() {
    // A lone high surrogate, emoji (two units), CJK, and e + combining acute before the quote.
    let mut units: Vec<u16> = vec![0xD800, b' ' as u16];
    units.extend(
        "😀 中文 Cafe\u{0301} \u{201C}We will rebuild the bridge,\u{201D} Mayor Ann Lee said.".encode_utf16(),
    );
    let block = JsString::from_char_code(&units);
    let value = analyze_blocks(&js_blocks(std::slice::from_ref(&block)))
        .expect("a block with a lone surrogate is accepted");
    let report = report_of(value);
    assert_eq!(report.quotes.len(), 1);
    let q = &report.quotes[0];
    assert_eq!(q.start, js_index_of(&block, "\u{201C}"));
    assert_eq!(q.end, js_index_of(&block, "\u{201D}") + 1);
    let sp = q.speaker_span.expect("the speaker is found");
    assert_eq!(sp.start, js_index_of(&block, "Ann Lee"));
    assert_eq!(sp.end, js_index_of(&block, " said"));
    assert_eq!(q.speaker_resolved.as_deref(), Some("Ann Lee"));
    // The slice of the JS string at the reported offsets is the quote's text.
    assert_eq!(String::from(block.slice(q.start as u32, q.end as u32)), q.text);
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_panic() {
    assert!(analyze_blocks(&JsValue::from(42)).is_err());
    assert!(analyze_blocks(&JsValue::NULL).is_err());
    let mixed = Array::new();
    mixed.push(&JsValue::from("fine"));
    mixed.push(&JsValue::from(7));
    assert!(analyze_blocks(&mixed.into()).is_err());
    // An empty page is a valid, empty Report.
    let report = report_of(analyze_blocks(&Array::new().into()).unwrap());
    assert_eq!(report.blocks, 0);
    assert!(report.quotes.is_empty() && report.repeats.is_empty() && report.officials.is_empty());
}

include!("support/nfkc_cases.rs");

/// The browser's NFKC (String.prototype.normalize) agrees with the native table.
#[wasm_bindgen_test]
fn browser_nfkc_matches_the_native_table() {
    for (input, want) in NFKC_CASES {
        assert_eq!(factlens::web::nfkc(input), *want, "NFKC of {input:?}");
    }
}

fn furniture_hints(flags: &[bool]) -> JsValue {
    let hints = js_sys::Object::new();
    let array = Array::new();
    for &f in flags {
        array.push(&JsValue::from(f));
    }
    js_sys::Reflect::set(&hints, &JsValue::from("furniture"), &array).unwrap();
    hints.into()
}

#[wasm_bindgen_test]
fn compatibility_forms_and_furniture_hints() {
    use factlens::web::analyze_blocks_with;
    let blocks: Vec<JsString> =
        ["\u{FF26}ull width \u{FB01}ne caf\u{0065}\u{0301}", "Home", "Full width fine caf\u{00E9}", "Home"]
            .iter()
            .map(|&s| JsString::from(s))
            .collect();
    let report = report_of(
        analyze_blocks_with(&js_blocks(&blocks), &furniture_hints(&[false, true, false, true])).unwrap(),
    );
    let got: Vec<(Vec<usize>, bool)> =
        report.repeats.iter().map(|g| (g.blocks.clone(), g.furniture)).collect();
    assert_eq!(got, [(vec![0, 2], false), (vec![1, 3], true)]);
    // Without hints nothing is furniture.
    let report = report_of(analyze_blocks(&js_blocks(&blocks)).unwrap());
    assert!(report.repeats.iter().all(|g| !g.furniture));
}

#[wasm_bindgen_test]
fn bad_hints_are_errors_not_panics() {
    use factlens::web::analyze_blocks_with;
    let blocks = js_blocks(&[JsString::from("a"), JsString::from("b")]);
    assert!(analyze_blocks_with(&blocks, &JsValue::from(42)).is_err());
    assert!(analyze_blocks_with(&blocks, &furniture_hints(&[true])).is_err(), "one flag per block");
    let not_bool = js_sys::Object::new();
    let array = Array::of2(&JsValue::from(true), &JsValue::from("yes"));
    js_sys::Reflect::set(&not_bool, &JsValue::from("furniture"), &array).unwrap();
    assert!(analyze_blocks_with(&blocks, &not_bool.into()).is_err());
    assert!(analyze_blocks_with(&blocks, &js_sys::Object::new().into()).is_ok(), "no furniture key");
    assert!(analyze_blocks_with(&blocks, &JsValue::NULL).is_ok());
}

#[wasm_bindgen_test]
fn the_page_language_adds_its_speech_verbs() {
    let block = JsString::from("\u{AB}Vamos a ganar la elecci\u{F3}n\u{BB}, dijo Ana L\u{F3}pez.");
    let hints = |lang: &str| {
        let h = js_sys::Object::new();
        js_sys::Reflect::set(&h, &JsValue::from_str("lang"), &JsValue::from_str(lang)).unwrap();
        JsValue::from(h)
    };
    let blocks = js_blocks(std::slice::from_ref(&block));
    let speaker = |hints: &JsValue| {
        let r = report_of(factlens::web::analyze_blocks_with(&blocks, hints).unwrap());
        r.quotes[0].speaker_resolved.clone()
    };
    assert_eq!(speaker(&hints("es-MX")).as_deref(), Some("Ana L\u{F3}pez"));
    assert_eq!(speaker(&hints("en")), None);
    assert!(factlens::web::analyze_blocks_with(&blocks, &{
        let h = js_sys::Object::new();
        js_sys::Reflect::set(&h, &JsValue::from_str("lang"), &JsValue::from(3)).unwrap();
        JsValue::from(h)
    })
    .is_err());
}
