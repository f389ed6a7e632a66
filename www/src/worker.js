// The code of the Web Worker that analyses large pages off the main thread (offthread.js). It is
// built to a string (scripts/build.mjs) and started from a blob: URL, so that it runs wherever
// the widget was loaded from. It receives the core's compiled WebAssembly.Module and one job:
// { module, texts, hints } -> the Report in parts ({ key, value } or { key, part }, then
// { done }), or { error, panic }. A panic traps this instance only; the page's own core is
// untouched, and the worker is thrown away after each job.
import { __panicForTests, analyzeBlocks, initSync, lastPanic } from '../../build/wasm/factlens.js';

/** Items of the Report's lists per message: each message is read in a task of its own. */
const PART = 1000;

onmessage = ({ data }) => {
  try {
    initSync({ module: data.module });
    if (data.panic) __panicForTests();
    const report = analyzeBlocks(data.texts, data.hints);
    // The Report in parts: one large message would take the page's main thread for a long while
    // to read (hundreds of ms for thousands of repeat groups); parts let the page run in between.
    for (const [key, value] of Object.entries(report)) {
      if (!Array.isArray(value)) postMessage({ key, value });
      for (let i = 0; Array.isArray(value) && (i === 0 || i < value.length); i += PART) {
        postMessage({ key, part: value.slice(i, i + PART) });
      }
    }
    postMessage({ done: true });
  } catch (e) {
    let panic;
    try { panic = lastPanic(); } catch { /* the trap left nothing to read */ }
    postMessage({ error: String((e && e.message) || e), panic });
  }
};
