// `factlens:wasm2js` in dist/factlens.bundle.js (classic script): the wasm2js core is the sibling
// classic script factlens.wasm2js.js, injected only when the page forbids WebAssembly.
import { loadSibling } from './sibling.js';

export const loadWasm2js = () => loadSibling('factlens.wasm2js.js', 'factlens.wasm2js');
