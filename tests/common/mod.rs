//! Checks shared by the native and the in-browser tests.

use factlens::Report;
use serde_json::Value;

/// Compares a Report of the seed article with `expected.json` and returns every difference.
/// The Report's offsets may be in any unit: only indices, texts and names are compared.
pub fn seed_differences(report: &Report, expected: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let want_blocks = expected["paragraphs"].as_u64().unwrap_or(0) as usize;
    if report.blocks != want_blocks {
        diffs.push(format!("blocks: {} instead of {want_blocks}", report.blocks));
    }

    // Repeats: exactly the expected groups.
    let mut got: Vec<(Vec<usize>, String)> =
        report.repeats.iter().map(|g| (g.blocks.clone(), format!("{:?}", g.kind).to_lowercase())).collect();
    let mut want: Vec<(Vec<usize>, String)> = expected["repeats"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| {
            let blocks = g["paragraphs"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_u64)
                .map(|b| b as usize)
                .collect();
            (blocks, g["kind"].as_str().unwrap_or("").to_string())
        })
        .collect();
    got.sort();
    want.sort();
    if got != want {
        diffs.push(format!("repeats: {got:?} instead of {want:?}"));
    }

    // Quotes: one per expected segment, with its speaker; none elsewhere.
    let want_quotes = expected["quotes"].as_array().cloned().unwrap_or_default();
    if report.quotes.len() != want_quotes.len() {
        diffs.push(format!("{} quotes instead of {}", report.quotes.len(), want_quotes.len()));
    }
    for w in &want_quotes {
        let block = w["paragraph"].as_u64().unwrap_or(0) as usize;
        let starts = w["starts_with"].as_str().unwrap_or("");
        let speaker = w["speaker"].as_str();
        let found = report.quotes.iter().find(|q| {
            q.block == block && q.text.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(starts)
        });
        match found {
            None => diffs.push(format!("no quote in paragraph {block} starting {starts:?}")),
            Some(q) if q.speaker_resolved.as_deref() != speaker => diffs.push(format!(
                "quote in paragraph {block}: speaker {:?} (mention {:?}) instead of {speaker:?}",
                q.speaker_resolved, q.speaker
            )),
            Some(_) => {}
        }
    }
    for n in expected["not_quotes"].as_array().into_iter().flatten() {
        let block = n["paragraph"].as_u64().unwrap_or(0) as usize;
        if report.quotes.iter().any(|q| q.block == block) {
            diffs.push(format!("a quote was found in paragraph {block}, which has none"));
        }
    }

    // Officials: the expected people, titles, countries, mentions and quote counts.
    let want_officials = expected["officials"].as_array().cloned().unwrap_or_default();
    let optional = expected["optional"].as_str().unwrap_or("");
    for o in &report.officials {
        let expected_here = want_officials.iter().any(|w| w["name"] == o.name.as_str());
        let surname = o.name.split(' ').next_back().unwrap_or("");
        if !expected_here && !optional.contains(surname) {
            diffs.push(format!("unexpected official {:?} {:?}", o.name, o.titles));
        }
    }
    for w in &want_officials {
        let name = w["name"].as_str().unwrap_or("");
        let Some(o) = report.officials.iter().find(|o| o.name == name) else {
            diffs.push(format!("official {name} not found"));
            continue;
        };
        let title = w["title"].as_str().unwrap_or("");
        if !o.titles.iter().any(|t| t == title) {
            diffs.push(format!("{name}: titles {:?} lack {title:?}", o.titles));
        }
        if let Some(country) = w["country"].as_str() {
            if o.country.as_deref() != Some(country) {
                diffs.push(format!("{name}: country {:?} instead of {country:?}", o.country));
            }
        }
        for m in w["mentions"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            let found = o.mentions.iter().any(|g| {
                g.text == m || m.contains(g.text.as_str()) && g.text.contains(' ') || g.text.contains(m)
            });
            if !found {
                diffs.push(format!(
                    "{name}: mention {m:?} not found among {:?}",
                    o.mentions.iter().map(|g| &g.text).collect::<Vec<_>>()
                ));
            }
        }
        let quotes = w["quotes"].as_u64().unwrap_or(0) as usize;
        if o.quotes != quotes {
            diffs.push(format!("{name}: {} quotes instead of {quotes}", o.quotes));
        }
    }
    diffs
}
