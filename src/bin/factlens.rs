//! The native command line: `factlens analyze` reads text or JSONL and writes JSON.

use std::io::{Read, Write};
use std::process::ExitCode;

use factlens::jsonl::{analyze_guarded, doc_line};
use factlens::{OffsetUnit, Page};

const USAGE: &str = "\
factlens — repeated paragraphs, quotes with their speakers, officials with their titles

Usage:
  factlens analyze [--offsets UNIT] [--lang TAG] [--pretty] [FILE...]
      Analyse plain text (every line is a block; empty lines are dropped) from each FILE,
      or from standard input when no FILE is given. Writes one Report per input as JSON,
      one per line. Offsets are relative to each block, in code points unless
      --offsets utf8|utf16|codepoint says otherwise. --lang fr|de|es (a BCP 47 tag)
      adds that language's speech verbs and pronouns to the English ones.
  factlens analyze --jsonl IN.jsonl
      Reads one {\"doc\", \"text\"} object per line (an optional \"lang\" field, or --lang,
      gives its language) and writes one line per doc with
      offsets in code points into `text` (the format of the evaluation scorer).
  factlens --help | --version
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => match run_analyze(&args[1..]) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::FAILURE,
            Err(message) => {
                eprintln!("factlens: {message}");
                eprintln!("Try 'factlens --help'.");
                ExitCode::from(2)
            }
        },
        Some("--version") | Some("-V") => {
            println!("factlens {} (report version {})", env!("CARGO_PKG_VERSION"), factlens::REPORT_VERSION);
            ExitCode::SUCCESS
        }
        Some("--help") | Some("-h") | Some("help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Runs `analyze`; `Ok(false)` when some input failed but the others were written.
fn run_analyze(args: &[String]) -> Result<bool, String> {
    let mut unit = OffsetUnit::Codepoint;
    let mut pretty = false;
    let mut lang: Option<String> = None;
    let mut jsonl: Option<String> = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--offsets" => {
                let v = it.next().ok_or("--offsets needs utf8, utf16 or codepoint")?;
                unit = OffsetUnit::parse(v).ok_or_else(|| format!("unknown offset unit '{v}'"))?;
            }
            "--pretty" => pretty = true,
            "--lang" => lang = Some(it.next().ok_or("--lang needs a language tag such as fr")?.clone()),
            "--jsonl" => jsonl = Some(it.next().ok_or("--jsonl needs a file")?.clone()),
            s if s.starts_with("--") => return Err(format!("unknown option '{s}'")),
            _ => files.push(a.clone()),
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let ok = match jsonl {
        Some(path) => {
            if !files.is_empty() {
                return Err("--jsonl takes one file and no others".into());
            }
            let bytes = read_input(&path)?;
            analyze_jsonl(&path, &bytes, lang.as_deref(), &mut out)
        }
        None => {
            let inputs = if files.is_empty() { vec!["-".to_string()] } else { files };
            let mut ok = true;
            for path in &inputs {
                let bytes = read_input(path)?;
                match std::str::from_utf8(&bytes) {
                    Ok(text) => {
                        let mut page = Page::from_text(text);
                        if let Some(lang) = &lang {
                            page = page.with_lang(lang);
                        }
                        match analyze_guarded(&page) {
                            Ok(report) => write_json(&mut out, &report.convert_offsets(&page, unit), pretty),
                            Err(message) => {
                                ok = false;
                                eprintln!("factlens: {}: {message}", display_name(path));
                            }
                        }
                    }
                    Err(e) => {
                        ok = false;
                        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                        eprintln!("factlens: {}: line {line}: invalid UTF-8", display_name(path));
                    }
                }
            }
            ok
        }
    };
    out.flush().map_err(|e| format!("cannot write output: {e}"))?;
    Ok(ok)
}

fn display_name(path: &str) -> &str {
    if path == "-" {
        "standard input"
    } else {
        path
    }
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

fn write_json<T: serde::Serialize>(out: &mut impl Write, value: &T, pretty: bool) {
    let text = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
    // Serialising these plain structs cannot fail; a broken pipe ends output quietly.
    if let Ok(text) = text {
        let _ = writeln!(out, "{text}");
    }
}

/// Analyses each line of a JSONL file; bad lines are reported on stderr by number and skipped.
fn analyze_jsonl(path: &str, bytes: &[u8], lang: Option<&str>, out: &mut impl Write) -> bool {
    let mut ok = true;
    for (n, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match doc_line(raw, lang) {
            Ok(value) => write_json(out, &value, false),
            Err(message) => {
                ok = false;
                eprintln!("factlens: {path}: line {line_no}: {message}");
            }
        }
    }
    ok
}
