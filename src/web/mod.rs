//! The browser glue: the one function JavaScript calls. Compiled only for wasm32.
//!
//! The JS shell walks the page once and passes the blocks' texts here in one call; the Report
//! comes back in one value with UTF-16 offsets (what DOM Ranges use). Lone surrogates in page
//! text arrive as U+FFFD, which is one UTF-16 unit like the surrogate it replaces, so offsets
//! still match the page's strings.

use std::sync::{Mutex, Once};

use wasm_bindgen::prelude::*;

use crate::{analyze, OffsetUnit, Page};

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

/// Analyses blocks of page text and returns the Report with UTF-16 offsets.
///
/// `blocks` must be an array of strings; anything else is an error, never a panic.
#[wasm_bindgen(js_name = analyzeBlocks)]
pub fn analyze_blocks(blocks: &JsValue) -> Result<JsValue, JsError> {
    install_panic_hook();
    let blocks = read_blocks(blocks)?;
    let page = Page::new(blocks);
    let report = analyze(&page).convert_offsets(&page, OffsetUnit::Utf16);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&report, &serializer).map_err(|e| JsError::new(&e.to_string()))
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
