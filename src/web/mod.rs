//! The browser glue: the one function JavaScript calls. Compiled only for wasm32.
//!
//! The JS shell walks the page once and passes the blocks' texts here in one call; the Report
//! comes back in one value with UTF-16 offsets (what DOM Ranges use). Lone surrogates in page
//! text arrive as U+FFFD, which is one UTF-16 unit like the surrogate it replaces, so offsets
//! still match the page's strings.

use std::sync::{Mutex, Once};

use wasm_bindgen::prelude::*;

use crate::{analyze_with, OffsetUnit, Page};

/// The message of the last panic, kept for [`last_panic`]: on wasm32 a panic aborts, and
/// JavaScript sees only a `RuntimeError: unreachable`.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Records a panic's message before the abort, so the JS shell can say what went wrong.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = Some(info.to_string());
            }
        }));
    });
}

/// The message of the panic that stopped the last call, if one did.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.lock().ok().and_then(|last| last.clone())
}

/// Panics on purpose, so that the end-to-end tests can check that a panic in the core is
/// contained (a rejected scan, a message in the panel, a page that keeps working). The JS shell
/// never calls it; it is not part of the API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    install_panic_hook();
    panic!("deliberate panic (an end-to-end test of failure containment)");
}

/// Analyses blocks of page text and returns the Report with UTF-16 offsets (no hints).
///
/// `blocks` must be an array of strings; anything else is an error, never a panic.
pub fn analyze_blocks(blocks: &JsValue) -> Result<JsValue, JsError> {
    analyze_blocks_with(blocks, &JsValue::UNDEFINED)
}

/// `analyzeBlocks(blocks, hints)`: analyses blocks of page text and returns the Report with
/// UTF-16 offsets.
///
/// `blocks` must be an array of strings. `hints` is optional: `{ furniture: boolean[], lang:
/// string }`. `furniture` has one flag per block, true for blocks in page furniture
/// (navigation, header, footer, aside, caption, a link-dense list); repeats found only there
/// are marked `furniture`. `lang` is the page's language (its `lang` attribute): French,
/// German and Spanish add their speech verbs and pronouns to the English ones. Text is
/// compared in NFKC form through JavaScript's `String.prototype.normalize`. Bad input is an
/// error, never a panic.
#[wasm_bindgen(js_name = analyzeBlocks)]
pub fn analyze_blocks_with(blocks: &JsValue, hints: &JsValue) -> Result<JsValue, JsError> {
    install_panic_hook();
    let blocks = read_blocks(blocks)?;
    let furniture = read_furniture(hints, blocks.len())?;
    let lang = read_lang(hints)?;
    let page = Page::new(blocks).with_furniture(furniture).with_lang(&lang);
    let report = analyze_with(&page, Some(nfkc)).convert_offsets(&page, OffsetUnit::Utf16);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&report, &serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// NFKC by JavaScript's `String.prototype.normalize('NFKC')`: the browser's own Unicode tables,
/// so the .wasm carries none. The core calls it once per page (see `text::compat_runs`).
pub fn nfkc(text: &str) -> String {
    js_sys::JsString::from(text).normalize("NFKC").into()
}

/// Reads `hints.lang`: absent means unknown (""); otherwise a string.
fn read_lang(hints: &JsValue) -> Result<String, JsError> {
    if !hints.is_object() {
        return Ok(String::new());
    }
    let lang = js_sys::Reflect::get(hints, &JsValue::from_str("lang"))
        .map_err(|_| JsError::new("factlens: cannot read hints.lang"))?;
    if lang.is_undefined() || lang.is_null() {
        return Ok(String::new());
    }
    lang.as_string().ok_or_else(|| JsError::new("factlens: hints.lang must be a string such as \"fr\""))
}

/// Reads `hints.furniture`: absent means no furniture; otherwise one boolean per block.
fn read_furniture(hints: &JsValue, blocks: usize) -> Result<Vec<bool>, JsError> {
    if hints.is_undefined() || hints.is_null() {
        return Ok(Vec::new());
    }
    if !hints.is_object() {
        return Err(JsError::new("factlens: analyzeBlocks hints must be an object"));
    }
    let flags = js_sys::Reflect::get(hints, &JsValue::from_str("furniture"))
        .map_err(|_| JsError::new("factlens: cannot read hints.furniture"))?;
    if flags.is_undefined() || flags.is_null() {
        return Ok(Vec::new());
    }
    let wrong = || JsError::new("factlens: hints.furniture must be an array of booleans, one per block");
    if !js_sys::Array::is_array(&flags) {
        return Err(wrong());
    }
    let array = js_sys::Array::from(&flags);
    if array.length() as usize != blocks {
        return Err(wrong());
    }
    array.iter().map(|v| v.as_bool().ok_or_else(wrong)).collect()
}

/// Reads an array of strings; a non-array or a non-string element is a clear error.
fn read_blocks(value: &JsValue) -> Result<Vec<String>, JsError> {
    if !js_sys::Array::is_array(value) {
        return Err(JsError::new("factlens: analyzeBlocks expects an array of strings"));
    }
    let array = js_sys::Array::from(value);
    let mut blocks = Vec::with_capacity(array.length() as usize);
    for (i, item) in array.iter().enumerate() {
        match item.as_string() {
            Some(s) => blocks.push(s),
            None => return Err(JsError::new(&format!("factlens: block {i} is not a string"))),
        }
    }
    Ok(blocks)
}

/// The Report format version this build produces.
#[wasm_bindgen(js_name = reportVersion)]
pub fn report_version() -> u32 {
    crate::REPORT_VERSION
}
