// Large pages are analysed in a Web Worker, so that the tab stays responsive while the core runs
// (seconds on a 20 MB page). This module and the worker's code (worker.js, built to a string) are
// one of the parts loaded on first use (`factlens:worker`: a sibling file, or inline in the
// standalone build); the worker starts from a blob: URL, which works wherever the widget itself
// was loaded from. It gets the core's compiled module, so nothing is fetched or compiled twice.
//
// Where a worker cannot start (a CSP without blob: in worker-src or script-src, Trusted Types
// that refuse our policy, no Worker at all) the caller analyses on the main thread instead.

import source from 'factlens:worker-source';
import { scriptURL } from './trusted.js';

let stop = null;

/** Cancels the analysis under way in a worker, if any: its promise rejects. */
export function cancel() {
  stop?.();
}

/**
 * Analyses `texts` with `hints` in a fresh worker, which is ended afterwards. Resolves to the
 * Report, or to null when no worker could start here; rejects with the core's error (its panic
 * message as "internal error: …") or when cancelled.
 * @param {WebAssembly.Module} module the core, compiled
 * @param {string[]} texts
 * @param {object} hints
 * @param {boolean} [panic] test only: make the worker's core panic (tests/e2e/open-entry.js)
 */
export async function analyze(module, texts, hints, panic) {
  if (typeof Worker !== 'function' || typeof Blob !== 'function') return null;
  cancel();
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  let worker;
  try {
    worker = new Worker(scriptURL(url), { name: 'factlens' });
  } catch {
    URL.revokeObjectURL(url);
    return null;
  }
  return new Promise((resolve, reject) => {
    const end = (settle, value) => {
      worker.terminate();
      URL.revokeObjectURL(url);
      if (stop === cancelled) stop = null;
      settle(value);
    };
    const cancelled = () => end(reject, Object.assign(
      new Error('factlens: scan cancelled by clear() or a newer scan()'), { name: 'AbortError' }));
    stop = cancelled;
    const report = {};
    worker.onmessage = ({ data }) => {
      if (data.error !== undefined) return end(reject, new Error(data.panic ? `internal error: ${data.panic}` : data.error));
      if (data.done) return end(resolve, report);
      if (data.part) {
        const list = (report[data.key] ??= []);
        for (const item of data.part) list.push(item);
      } else {
        report[data.key] = data.value;
      }
    };
    // The worker catches every error of its own: an error event means it could not start.
    worker.onerror = (event) => {
      event.preventDefault();
      end(resolve, null);
    };
    worker.onmessageerror = () => end(reject, new Error('the report could not be passed back from the worker'));
    worker.postMessage({ module, texts, hints, panic });
  });
}
