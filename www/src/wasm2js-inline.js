// `factlens:wasm2js` in dist/factlens.standalone.js: the wasm2js core is in the same file and
// evaluated on first use only.
export const loadWasm2js = () => import('./core-wasm2js.js').then((m) => m.core);
