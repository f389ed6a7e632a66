// The wasm2js core: the same crate built without reference types or multi-value returns (which
// wasm2js cannot translate), bound by wasm-bindgen's bundler-target glue, and translated to plain
// JavaScript by binaryen's wasm2js (scripts/build.mjs). The glue and the translated module import
// each other, as wasm-bindgen's bundler output expects of a .wasm module.
import * as exports from '../../build/wasm2js/factlens_bg.wasm2js.js';
import { __wbg_set_wasm, analyzeBlocks, lastPanic } from '../../build/wasm2js/factlens_bg.js';

__wbg_set_wasm(exports);

/** @type {import('./core.js').Core} */
export const core = { engine: 'wasm2js', analyzeBlocks, lastPanic };

export const loadWasm2js = async () => core;
