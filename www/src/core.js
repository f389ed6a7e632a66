// Which build of the analysis core runs a scan.
//
// The core is one Rust crate built twice: as WebAssembly (fast, small) and, through binaryen's
// wasm2js, as plain JavaScript with identical results. A page whose Content-Security-Policy lacks
// 'wasm-unsafe-eval' (or 'unsafe-eval') in script-src cannot compile WebAssembly at all, however
// the bytes arrive, so before instantiating we try to compile the smallest valid module and fall
// back to the wasm2js build when that throws.
//
// Where the wasm2js build comes from depends on the build (scripts/build.mjs resolves the
// `factlens:wasm2js` import): inlined (dist/factlens.standalone.js), a sibling classic script
// (dist/factlens.bundle.js -> factlens.wasm2js.js), or a sibling ES module (dist/factlens.js ->
// factlens.wasm2js.mjs). Both cores are loaded lazily, on the first scan.

import { loadWasm2js } from 'factlens:wasm2js';

/** The smallest valid WebAssembly module: the magic number and version 1. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let allowed = null;

/**
 * Can this page compile WebAssembly? False under a CSP without 'wasm-unsafe-eval', and where
 * WebAssembly is missing or switched off. Asked once per page: each refusal is a CSP violation
 * report of its own.
 */
export function wasmAllowed() {
  if (allowed === null) {
    try {
      allowed = typeof WebAssembly === 'object' && new WebAssembly.Module(EMPTY_MODULE) instanceof WebAssembly.Module;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/**
 * A loaded core: `{ engine, analyzeBlocks(texts), lastPanic() }`, and for WebAssembly its
 * compiled `module` (for the worker that analyses large pages).
 * @typedef {{ engine: 'wasm' | 'wasm2js', analyzeBlocks: (texts: string[]) => any,
 *   lastPanic: () => string | undefined, module?: WebAssembly.Module, crashed?: Error }} Core
 */

const loading = {};

function load(engine) {
  loading[engine] ??= (engine === 'wasm'
    ? import('./core-wasm.js').then((m) => m.loadWasm())
    : loadWasm2js()
  ).catch((e) => {
    delete loading[engine];
    throw e;
  });
  return loading[engine];
}

/**
 * Loads the core for `engine`: 'wasm', 'wasm2js', or 'auto' (WebAssembly where the page allows
 * it, else wasm2js; also wasm2js when WebAssembly is allowed but fails to load).
 * @param {'auto' | 'wasm' | 'wasm2js'} [engine]
 * @returns {Promise<Core>}
 */
export async function loadCore(engine = 'auto') {
  if (engine !== 'auto' && engine !== 'wasm' && engine !== 'wasm2js') {
    throw new TypeError(`factlens: unknown engine ${JSON.stringify(engine)} (use "auto", "wasm" or "wasm2js")`);
  }
  const why = (e) => (e && e.message) || String(e);
  if (engine === 'auto' && !wasmAllowed()) engine = 'wasm2js';
  if (engine !== 'auto') {
    try {
      return await load(engine);
    } catch (e) {
      const blocked = engine === 'wasm2js' && !wasmAllowed()
        ? 'this page does not allow WebAssembly (its Content-Security-Policy lacks \'wasm-unsafe-eval\'), and the JavaScript build failed: '
        : '';
      throw new Error(`factlens: could not load the analysis module: ${blocked}${why(e)}`, { cause: e });
    }
  }
  try {
    return await load('wasm');
  } catch (first) {
    try {
      return await load('wasm2js');
    } catch (second) {
      throw new Error(`factlens: could not load the analysis module: ${why(first)}; the JavaScript build failed too: ${why(second)}`, { cause: second });
    }
  }
}
