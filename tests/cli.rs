//! The native command line: plain text and JSONL in, JSON out, clear errors for bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn factlens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("factlens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const STORY: &str =
    "Intro line.\n\n\u{1F600} \u{201C}We will rebuild the bridge,\u{201D} Mayor Ann Lee said.\nIntro line.\n";

#[test]
fn analyze_reads_stdin_and_counts_code_points() {
    let out = factlens(&["analyze"], STORY.as_bytes());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["offset_unit"], "codepoint");
    assert_eq!(report["blocks"], 3, "the empty line is dropped");
    assert_eq!(report["repeats"][0]["blocks"], serde_json::json!([0, 2]));
    let q = &report["quotes"][0];
    assert_eq!(q["block"], 1);
    // The emoji is one code point and a space follows it.
    assert_eq!(q["start"], 2);
    assert_eq!(q["speaker_resolved"], "Ann Lee");
    assert_eq!(report["officials"][0]["titles"][0], "Mayor");
}

#[test]
fn analyze_files_with_utf16_offsets() {
    let path = temp_file("story.txt", STORY.as_bytes());
    let out = factlens(&["analyze", "--offsets", "utf16", path.to_str().unwrap()], b"");
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["offset_unit"], "utf16");
    // The emoji is two UTF-16 units.
    assert_eq!(report["quotes"][0]["start"], 3);
}

#[test]
fn invalid_utf8_names_the_line() {
    let path = temp_file("bad.txt", b"fine line\nsecond \xff\xfe line\n");
    let out = factlens(&["analyze", path.to_str().unwrap()], b"");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2") && err.contains("invalid UTF-8"), "{err}");
}

#[test]
fn jsonl_keeps_going_past_bad_lines() {
    let mut input = Vec::new();
    input.extend_from_slice(br#"{"doc": "a", "text": "\u201cWe will rebuild the bridge,\u201d Ann Lee said.\n\nMore text.", "other": 1}"#);
    input.extend_from_slice(b"\n{not json\n");
    input.extend_from_slice(b"{\"doc\": \"c\", \"text\": \"bad \xff byte\"}\n");
    input.extend_from_slice(br#"{"doc": "d"}"#);
    input.extend_from_slice(b"\n");
    input.extend_from_slice(br#"{"doc": "e", "text": "\ud83d\ude00 \"Short but spoken,\" said Bo Park."}"#);
    input.extend_from_slice(b"\n");
    let path = temp_file("in.jsonl", &input);
    let out = factlens(&["analyze", "--jsonl", path.to_str().unwrap()], b"");
    assert!(!out.status.success(), "bad lines make the exit status a failure");
    let err = String::from_utf8_lossy(&out.stderr);
    for line in ["line 2: malformed JSON", "line 3: invalid UTF-8", "line 4: no \"text\""] {
        assert!(err.contains(line), "stderr lacks {line:?}: {err}");
    }
    let docs: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["doc"], "a");
    assert_eq!(docs[0]["blocks"], 2);
    let q = &docs[0]["quotes"][0];
    assert_eq!((q["start"].as_u64(), q["end"].as_u64()), (Some(0), Some(29)));
    assert_eq!(q["speaker_span"], serde_json::json!([30, 37]));
    assert_eq!(q["speaker_resolved"], "Ann Lee");
    // Code points: the emoji counts once.
    assert_eq!(docs[1]["quotes"][0]["start"], 2);
    assert_eq!(docs[1]["quotes"][0]["speaker"], "Bo Park");
}

#[test]
fn lang_adds_that_languages_speech_verbs() {
    let text = "\u{AB}Vamos a ganar la elecci\u{F3}n\u{BB}, dijo Ana L\u{F3}pez.\n";
    let speaker = |args: &[&str]| {
        let out = factlens(args, text.as_bytes());
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        report["quotes"][0]["speaker_resolved"].clone()
    };
    assert_eq!(speaker(&["analyze", "--lang", "es"]), "Ana L\u{F3}pez");
    assert_eq!(speaker(&["analyze"]), Value::Null);
    let line = format!("{}\n", serde_json::json!({"doc": 1, "lang": "es-MX", "text": text}));
    let path = temp_file("es.jsonl", line.as_bytes());
    let out = factlens(&["analyze", "--jsonl", path.to_str().unwrap()], b"");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["quotes"][0]["speaker_resolved"], "Ana L\u{F3}pez");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(factlens(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(factlens(&["analyze", "--offsets", "bytes"], b"").status.code(), Some(2));
    assert!(factlens(&["--help"], b"").status.success());
}
