// `factlens:wasm2js` in dist/factlens.js (ES module): the wasm2js core is the sibling module
// factlens.wasm2js.mjs, imported on first use only (bundlers resolve the literal path too).
export const loadWasm2js = () => import('./factlens.wasm2js.mjs').then((m) => m.core);
