// `factlens:wasm2js` in dist/factlens.bundle.js (classic script): the wasm2js core is the sibling
// classic script factlens.wasm2js.js, next to the bundle, injected only when the page forbids
// WebAssembly. Its URL, and a CSP nonce if the bundle had one, are read while the bundle runs:
// document.currentScript is null afterwards.

import { scriptURL } from './trusted.js';

const KEY = Symbol.for('factlens.wasm2js');
const current = typeof document === 'object' ? document.currentScript : null;
const here = current && current.src;
const nonce = current && current.nonce;

export function loadWasm2js() {
  if (globalThis[KEY]) return Promise.resolve(globalThis[KEY]);
  if (!here) {
    return Promise.reject(new Error(
      'the bundle was not loaded by a <script src>, so factlens.wasm2js.js cannot be found next to it; ' +
      'use dist/factlens.standalone.js, which carries it inline'));
  }
  const url = new URL('factlens.wasm2js.js', here).href;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.referrerPolicy = 'no-referrer';
    script.src = scriptURL(url); // throws where Trusted Types forbid it: the caller reports it
    if (nonce) script.nonce = nonce;
    script.onload = () => {
      script.remove();
      if (globalThis[KEY]) resolve(globalThis[KEY]);
      else reject(new Error(`${url} ran but did not provide the core`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`could not load ${url} (blocked by the page's script-src, or not served)`));
    };
    (document.head || document.documentElement).append(script);
  });
}
