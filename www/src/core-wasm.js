// The WebAssembly core: wasm-bindgen's glue and the optimised module, inlined as bytes. The bytes
// are compiled asynchronously, then instantiated through the glue's initSync: its async default
// export would bring along fetch and streaming paths for URLs and Responses, never taken here.
// The self-contained bookmarklet inlines the module gzipped instead (scripts/build.mjs): there
// the import is a function that inflates it.
import { analyzeBlocks, initSync, lastPanic } from '../../build/wasm/factlens.js';
import wasmBytes from '../../build/wasm/factlens_bg.opt.wasm';

/** @returns {Promise<import('./core.js').Core>} */
export async function loadWasm() {
  const bytes = typeof wasmBytes === 'function' ? await wasmBytes() : wasmBytes;
  const module = await WebAssembly.compile(bytes);
  initSync({ module });
  // The compiled module goes to the worker that analyses large pages (offthread.js).
  return { engine: 'wasm', analyzeBlocks, lastPanic, module };
}
