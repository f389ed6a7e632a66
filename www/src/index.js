// factlens in the browser: scan(options) and clear().
//
// flatten (page -> blocks) -> analyzeBlocks (Rust/WASM, one call) -> findings (Report -> Ranges)
// -> paint (CSS Custom Highlight API) + openPanel (closed shadow root). Nothing here changes the
// page's text, layout or listeners.

import init, { analyzeBlocks, lastPanic } from '../../build/wasm/factlens.js';
import wasmBytes from '../../build/wasm/factlens_bg.opt.wasm';
import { defaultRoot, flatten } from './flatten.js';
import { findings } from './findings.js';
import { flash, paint, unpaint } from './highlight.js';
import { HOST_TAG, openPanel } from './panel.js';

let loading = null; // Promise of the instantiated module
let crashed = null; // the trap that left the module unusable, if any
let generation = 0; // bumped by clear(); a scan that sees it change was cancelled
let panel = null;

function load() {
  loading ??= init({ module_or_path: wasmBytes }).catch((e) => {
    loading = null;
    throw new Error(`factlens: could not load the analysis module: ${e && e.message}`, { cause: e });
  });
  return loading;
}

function analyze(texts, hints) {
  if (crashed) throw new Error(`factlens: the analysis module crashed earlier (${crashed.message}); reload the page to scan again`);
  let report;
  try {
    report = analyzeBlocks(texts, hints);
  } catch (e) {
    // A trap (RuntimeError: unreachable, out of bounds...) may leave the module's memory
    // inconsistent; refuse further calls rather than return wrong results.
    let why = e && e.message;
    if (e instanceof WebAssembly.RuntimeError) {
      crashed = e;
      // The core records its panic message before aborting; reading it back is a plain load.
      try { why = `internal error: ${lastPanic() || why}`; } catch { /* keep the trap's message */ }
    }
    throw new Error(`factlens: analysis failed: ${why}`, { cause: e });
  }
  if (!report || !Array.isArray(report.repeats) || !Array.isArray(report.quotes) ||
      !Array.isArray(report.officials)) {
    throw new Error('factlens: analysis returned a malformed report');
  }
  return report;
}

function show(ranges) {
  const range = ranges[0];
  if (!range) return;
  const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const el = range.startContainer.parentElement;
  if (el && el.getBoundingClientRect().height < innerHeight * 0.8) {
    el.scrollIntoView({ block: 'center', behavior });
  } else {
    window.scrollBy({ top: range.getBoundingClientRect().top - innerHeight / 3, behavior });
  }
  flash(ranges);
}

/**
 * Scans the page: reads its visible text, analyses it, highlights the findings and opens the
 * panel. Resolves to the Report (UTF-16 offsets into the blocks); `report.timings` (not
 * enumerable, so not serialised) gives the milliseconds each stage took.
 * @param {import('./factlens').ScanOptions} [options]
 * @returns {Promise<import('./factlens').Report>}
 */
export async function scan(options) {
  options ??= {};
  clear();
  const gen = generation;
  const t0 = performance.now();
  await load();
  if (gen !== generation) throw new Error('factlens: scan cancelled by clear() or a newer scan()');
  const t1 = performance.now();

  const root = options.root ?? defaultRoot(document);
  if (!root || typeof root.nodeType !== 'number') {
    throw new TypeError('factlens: scan({ root }) needs a DOM element');
  }
  let blocks;
  try {
    blocks = flatten(root, (el) => el.localName === HOST_TAG);
  } catch (e) {
    throw new Error(`factlens: could not read the page: ${e && e.message}`, { cause: e });
  }
  const t2 = performance.now();
  const report = analyze(blocks.map((b) => b.text), { furniture: blocks.map((b) => b.furniture) });
  const t3 = performance.now();
  let t4, t5;
  try {
    const model = findings(report, blocks);
    t4 = performance.now();
    if (options.highlight !== false) paint(model.paint);
    if (options.panel !== false) panel = openPanel(model, { show, close: clear });
    t5 = performance.now();
  } catch (e) {
    clear();
    throw new Error(`factlens: could not show the findings: ${e && e.message}`, { cause: e });
  }
  const ms = (a, b) => Math.round((b - a) * 100) / 100;
  Object.defineProperty(report, 'timings', {
    value: {
      load: ms(t0, t1), flatten: ms(t1, t2), analyze: ms(t2, t3), anchor: ms(t3, t4),
      render: ms(t4, t5), total: ms(t0, t5),
    },
    enumerable: false,
  });
  return report;
}

/** Removes every highlight, the highlight stylesheet and the panel. Safe to call any time. */
export function clear() {
  generation++;
  unpaint();
  if (panel) {
    panel.remove();
    panel = null;
  }
}
