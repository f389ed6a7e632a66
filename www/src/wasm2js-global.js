// Entry of dist/factlens.wasm2js.js: the wasm2js core as a classic script, which hands itself to
// the bundle that loaded it (wasm2js-script.js) under a registry symbol, not a global name.
import { core } from './core-wasm2js.js';

globalThis[Symbol.for('factlens.wasm2js')] = core;
