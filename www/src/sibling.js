// Parts of dist/factlens.bundle.js (a classic script) that live in sibling classic scripts next to
// it and load on first use: the wasm2js core (where the page forbids WebAssembly) and export().
// Their URL, and a CSP nonce if the bundle had one, are read while the bundle runs:
// document.currentScript is null afterwards. Each sibling hands itself over under a registry
// symbol, not a global name.

import { scriptURL } from './trusted.js';

const current = typeof document === 'object' ? document.currentScript : null;
const here = current && current.src;
const nonce = current && current.nonce;

/**
 * Loads the sibling `file` once and resolves to what it registered under `Symbol.for(key)`.
 * @param {string} file
 * @param {string} key
 */
export function loadSibling(file, key) {
  const KEY = Symbol.for(key);
  if (globalThis[KEY]) return Promise.resolve(globalThis[KEY]);
  if (!here) {
    return Promise.reject(new Error(
      `the bundle was not loaded by a <script src>, so ${file} cannot be found next to it; ` +
      'use dist/factlens.standalone.js, which carries it inline'));
  }
  const url = new URL(file, here).href;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.referrerPolicy = 'no-referrer';
    script.src = scriptURL(url); // throws where Trusted Types forbid it: the caller reports it
    if (nonce) script.nonce = nonce;
    script.onload = () => {
      script.remove();
      if (globalThis[KEY]) resolve(globalThis[KEY]);
      else reject(new Error(`${url} ran but did not provide its part`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`could not load ${url} (blocked by the page's script-src, or not served)`));
    };
    (document.head || document.documentElement).append(script);
  });
}
