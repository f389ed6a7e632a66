//! The CLI's JSONL reader on arbitrary bytes: a clear error or a record whose offsets are code
//! points inside the document's text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(record) = factlens::jsonl::doc_line(data, None) else { return };
    let text: Value = serde_json::from_slice(data).expect("a record comes from valid JSON");
    let len = text["text"].as_str().expect("with a text").chars().count();
    let within = |v: &Value| {
        let (s, e) = (v[0].as_u64().unwrap() as usize, v[1].as_u64().unwrap() as usize);
        assert!(s <= e && e <= len, "{s}..{e} outside {len} code points");
    };
    for q in record["quotes"].as_array().unwrap() {
        within(&serde_json::json!([q["start"], q["end"]]));
        if !q["speaker_span"].is_null() {
            within(&q["speaker_span"]);
        }
    }
    for entry in record["officials"].as_array().unwrap().iter().chain(record["people"].as_array().unwrap()) {
        for m in entry["mentions"].as_array().unwrap() {
            within(m);
        }
    }
    for g in record["repeats"].as_array().unwrap() {
        assert!(g["blocks"].as_array().unwrap().len() >= 2);
    }
});
