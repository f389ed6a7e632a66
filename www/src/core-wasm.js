// The WebAssembly core: wasm-bindgen's glue and the optimised module, inlined as bytes. The bytes
// are compiled asynchronously, then instantiated through the glue's initSync: its async default
// export would bring along fetch and streaming paths for URLs and Responses, never taken here.
import { analyzeBlocks, initSync, lastPanic } from '../../build/wasm/factlens.js';
import wasmBytes from '../../build/wasm/factlens_bg.opt.wasm';

/** @returns {Promise<import('./core.js').Core>} */
export async function loadWasm() {
  initSync({ module: await WebAssembly.compile(wasmBytes) });
  return { engine: 'wasm', analyzeBlocks, lastPanic };
}
