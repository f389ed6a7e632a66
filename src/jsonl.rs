//! The evaluation format of the command line: one `{"doc", "text"}` object in, one line out
//! with code-point offsets into `text` (what `../shared/eval/score.py` reads). Used by the
//! native CLI; the browser build does not link it.

use serde_json::{json, Value};

use crate::{analyze, convert_offset, OffsetUnit, Page, Report};

/// Analyses a page; a bug in the analysis becomes an error for this input, not the end of the
/// whole run.
pub fn analyze_guarded(page: &Page) -> Result<Report, String> {
    std::panic::catch_unwind(|| analyze(page)).map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("internal error while analysing (please report it): {what}")
    })
}

/// One JSONL input line to its output object.
pub fn doc_line(raw: &[u8], lang: Option<&str>) -> Result<Value, String> {
    let line = std::str::from_utf8(raw).map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))?;
    let input: Value = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
    let text = input.get("text").and_then(Value::as_str).ok_or("no \"text\" string in this object")?;
    let doc = input.get("doc").cloned().unwrap_or(Value::Null);
    let mut page = Page::from_text(text);
    if let Some(lang) = input.get("lang").and_then(Value::as_str).or(lang) {
        page = page.with_lang(lang);
    }
    let report = analyze_guarded(&page)?;
    Ok(eval_record(doc, text, &page, &report))
}

/// The evaluation format: offsets in code points into the whole document text.
pub fn eval_record(doc: Value, text: &str, page: &Page, report: &Report) -> Value {
    // Code-point offset of each block's start in `text`, found in one pass.
    let mut block_cp = Vec::with_capacity(page.blocks().len());
    let (mut bytes_seen, mut cps_seen) = (0usize, 0usize);
    for i in 0..page.blocks().len() {
        let at = page.source_offset(i).unwrap_or(0);
        cps_seen += text[bytes_seen..at].chars().count();
        bytes_seen = at;
        block_cp.push(cps_seen);
    }
    let blocks = page.blocks();
    let cp = |block: usize, off: usize| {
        block_cp[block] + convert_offset(&blocks[block], off, OffsetUnit::Codepoint)
    };
    let quotes: Vec<Value> = report
        .quotes
        .iter()
        .map(|q| {
            json!({
                "start": cp(q.block, q.start),
                "end": cp(q.block, q.end),
                "text": q.text,
                "speaker": q.speaker,
                "speaker_span": q.speaker_span.map(|s| [cp(s.block, s.start), cp(s.block, s.end)]),
                "speaker_resolved": q.speaker_resolved,
                "official": q.official,
                "person": q.person,
                "chain": q.chain,
            })
        })
        .collect();
    let officials: Vec<Value> = report
        .officials
        .iter()
        .map(|o| {
            json!({
                "name": o.name,
                "titles": o.titles,
                "country": o.country,
                "organisation": o.organisation,
                "mentions": o.mentions.iter().map(|m| [cp(m.block, m.start), cp(m.block, m.end)]).collect::<Vec<_>>(),
                "quotes": o.quotes,
            })
        })
        .collect();
    let people: Vec<Value> = report
        .people
        .iter()
        .map(|p| {
            json!({
                "name": p.name,
                "mentions": p.mentions.iter().map(|m| [cp(m.block, m.start), cp(m.block, m.end)]).collect::<Vec<_>>(),
                "quotes": p.quotes,
            })
        })
        .collect();
    let repeats: Vec<Value> = report
        .repeats
        .iter()
        .map(|r| json!({ "kind": r.kind, "blocks": r.blocks, "similarity": r.similarity }))
        .collect();
    json!({
        "doc": doc,
        "blocks": report.blocks,
        "quotes": quotes,
        "officials": officials,
        "people": people,
        "repeats": repeats,
    })
}
