// factlens in the browser: scan(options) and clear().
//
// flatten (page -> blocks) -> analyzeBlocks (Rust/WASM, one call) -> findings (Report -> Ranges)
// -> paint (CSS Custom Highlight API) + openPanel (closed shadow root). Nothing here changes the
// page's text, layout or listeners. The analysis core is WebAssembly, or its wasm2js build where
// the page forbids WebAssembly (core.js); export(format) hands the last scan to other tools.

import { loadCore } from './core.js';
import { exportAs } from './export.js';
import { defaultRoot, flatten } from './flatten.js';
import { findings } from './findings.js';
import { flash, paint, unpaint } from './highlight.js';
import { HOST_TAG, openPanel } from './panel.js';

let generation = 0; // bumped by clear(); a scan that sees it change was cancelled
let panel = null;
let last = null; // { report, blocks } of the last scan, for export()

function analyze(core, texts, hints) {
  const { analyzeBlocks, lastPanic } = core;
  // The trap that left this core unusable, if any.
  const crashed = core.crashed;
  if (crashed) throw new Error(`factlens: the analysis module crashed earlier (${crashed.message}); reload the page to scan again`);
  let report;
  try {
    report = analyzeBlocks(texts, hints);
  } catch (e) {
    // A trap (RuntimeError: unreachable, out of bounds...) may leave the module's memory
    // inconsistent; refuse further calls rather than return wrong results.
    let why = e && e.message;
    // WebAssembly traps are RuntimeErrors; wasm2js traps are plain Errors ("abort") after a panic.
    const trap = typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;
    const panicked = () => { try { return !!lastPanic(); } catch { return true; } };
    if (trap || (core.engine === 'wasm2js' && panicked())) {
      core.crashed = e;
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
  if (typeof document !== 'object' || !document) {
    throw new Error('factlens: scan() reads a web page and there is no document here; in Node, ' +
      'check pages with the CLI: npx factlens check <file-or-url>');
  }
  clear();
  const gen = generation;
  const t0 = performance.now();
  const core = await loadCore(options.engine);
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
  const lang = (root.closest && root.closest('[lang]')?.getAttribute('lang')) || document.documentElement.lang || '';
  const report = analyze(core, blocks.map((b) => b.text), { furniture: blocks.map((b) => b.furniture), lang });
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
  Object.defineProperty(report, 'engine', { value: core.engine, enumerable: false });
  last = { report, blocks };
  return report;
}

/**
 * The last scan's findings for other tools: 'w3c' (a W3C Web Annotation AnnotationPage) or
 * 'json' (a plain copy of the Report). Throws before the first scan.
 * @param {'w3c' | 'json'} format
 * @param {{ source?: string }} [options] `source`: the page URL the annotations target
 */
function exportFindings(format, options) {
  return exportAs(format, last, options);
}
export { exportFindings as export };

/** Removes every highlight, the highlight stylesheet and the panel. Safe to call any time. */
export function clear() {
  generation++;
  unpaint();
  if (panel) {
    panel.remove();
    panel = null;
  }
}
