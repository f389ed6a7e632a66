// The WebAssembly core: wasm-bindgen's glue and the optimised module, inlined as bytes.
import init, { analyzeBlocks, lastPanic } from '../../build/wasm/factlens.js';
import wasmBytes from '../../build/wasm/factlens_bg.opt.wasm';

/** @returns {Promise<import('./core.js').Core>} */
export async function loadWasm() {
  await init({ module_or_path: wasmBytes });
  return { engine: 'wasm', analyzeBlocks, lastPanic };
}
