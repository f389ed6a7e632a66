// factlens in the browser: scan(options), clear() and export(format).
//
// articleScope (which part to read) -> flatten (page -> blocks) -> analyzeBlocks (Rust core, one
// call; in a Web Worker for large pages, offthread.js) -> findings (Report -> Ranges) -> paint
// (CSS Custom Highlight API, or boxes) + openPanel (closed shadow root); then watchPage follows
// the page's changes. Nothing here changes the page's text, layout or listeners. The analysis
// core is WebAssembly, or its wasm2js build where the page forbids WebAssembly (core.js);
// export(format) hands the last scan to other tools.

import { loadCore } from './core.js';
import { loadExport } from 'factlens:export';
import { flatten, walk } from './flatten.js';
import { findings } from './findings.js';
import { flash, pageTheme, paint, unpaint } from './highlight.js';
import { reread, sameBlocks, watchPage } from './live.js';
import { loadWorker } from 'factlens:worker';
import { HOST_TAG, openPanel, settings } from './panel.js';
import { articleScope, articleSteps } from './scope.js';

let generation = 0; // bumped by clear(); a scan that sees it change was cancelled
let panel = null;
/** The current scan: { options, core, scope, blocks, report, theme, unwatch, ticket }; `ticket`
 * numbers its analyses after page changes, the latest one wins. */
let state = null;
let last = null; // { report, blocks } of the last scan (kept up to date by updates), for export()
let offThread = null; // the analysis in a worker (offthread.js), once a large page loaded it

/** Pages with more text than this (UTF-16 units; ~50 ms of analysis) go to a worker. */
const LARGE = 500_000;

/**
 * Analyses blocks with the page's hints (which blocks are furniture, the text's language), in a
 * worker when `worker` says so (undefined: when the page has more than LARGE characters of text)
 * and one can start here, else on this thread (also when the worker's part fails to load). The
 * Report says where (`offThread`).
 */
async function analyze(core, blocks, root, worker) {
  const { analyzeBlocks, lastPanic } = core;
  // The trap that left this core unusable, if any.
  const crashed = core.crashed;
  if (crashed) throw new Error(`factlens: the analysis module crashed earlier (${crashed.message}); reload the page to scan again`);
  const lang = (root.closest && root.closest('[lang]')?.getAttribute('lang')) || document.documentElement.lang || '';
  const texts = blocks.map((b) => b.text);
  const hints = { furniture: blocks.map((b) => b.furniture), lang };
  let report = null;
  if (core.module && worker !== false && (worker || texts.reduce((n, t) => n + t.length, 0) > LARGE)) {
    const panic = core.panicNext;
    core.panicNext = false;
    try {
      offThread ??= await loadWorker().catch(() => null);
      report = await offThread?.analyze(core.module, texts, hints, panic);
    } catch (e) {
      throw /^factlens:/.test(e.message) ? e : new Error(`factlens: analysis failed: ${e.message}`, { cause: e });
    }
  }
  const inWorker = !!report;
  if (!report) try {
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
  Object.defineProperty(report, 'offThread', { value: inWorker, configurable: true });
  return report;
}

/** "Go to": scrolls a finding into view, flashes it, and moves focus to it. */
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
  // Focus leaves the panel for the finding: a link or control holding it takes focus, and the
  // text becomes the selection, the reading position (Tab continues from it in Firefox; caret
  // browsing and screen readers start there). No attribute of the page is touched for it.
  panel?.blur();
  el?.closest('a[href],button,input,select,textarea,[tabindex]')?.focus({ preventScroll: true });
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range.cloneRange());
}

const ours = (node) => node.nodeType === 1 && (node.localName === HOST_TAG || node.localName === 'factlens-marks');

/** The part of the page to read: `{ root, skip, how, name }`. */
function pickScope(root, name) {
  const doc = document;
  if (root) return { root, skip: new Set(), how: 'given', name: 'given' };
  if (name === 'page') return { root: doc.body || doc.documentElement, skip: new Set(), how: 'page', name };
  return { ...articleScope(doc), name: 'article' };
}

/** What a read of `scope` leaves out: our own elements and the scope's furniture. */
const outside = (scope) => (el) => ours(el) || scope.skip.has(el);
const read = (scope) => flatten(scope.root, outside(scope));

/** The current state's findings as Ranges (timed for report.timings). */
function anchored() {
  const t = performance.now();
  const model = findings(state.report, state.blocks);
  state.anchorMs = performance.now() - t;
  return model;
}

/** Report -> highlights and panel, for the current state (`model`: its findings, anchored). */
function render(model = anchored()) {
  const { report, blocks, scope, options } = state;
  // Where the article is, read while the page is still as it was laid out (see dock()).
  const rect = options.panel !== false && !panel?.docked() && scope.root.isConnected
    ? scope.root.getBoundingClientRect() : undefined;
  if (options.highlight !== false) paint(model.paint, state.theme, settings.shadow);
  if (options.panel !== false) {
    panel ??= openPanel({ show, close: clear, rescope });
    panel.update(model, { root: scope.root, scope: scope.name, how: scope.how, rect });
  }
  Object.defineProperty(report, 'scope', {
    value: { root: scope.root, how: scope.how, texts: blocks.map((b) => b.text) },
    enumerable: false, configurable: true,
  });
  Object.defineProperty(report, 'engine', { value: state.core.engine, enumerable: false, configurable: true });
  last = { report, blocks };
}

/** Tells the caller about a Report that changed after scan() resolved. */
function updated() {
  const { report, options } = state;
  if (typeof options.onUpdate === 'function') queueMicrotask(() => options.onUpdate(report));
}

/**
 * Analyses the current blocks again and shows the result, unless the scan was cleared or a later
 * analysis started meanwhile (a large page's analysis takes a while in its worker).
 */
async function reanalyze() {
  const current = state;
  const ticket = ++current.ticket;
  const report = await analyze(current.core, current.blocks, current.scope.root, current.options.worker);
  if (state !== current || ticket !== current.ticket) return;
  current.report = report;
  render();
  updated();
}

/** After the page changed: a failed analysis (or a crashed core) keeps what is shown and stops
 * following the page; one cancelled by a later analysis only gives way to it. */
const failed = (e) => {
  if (e?.name !== 'AbortError') stopWatching();
};

/** The panel's toggle: read the whole page, or the article again (in slices, as a scan does). */
async function rescope(name) {
  const current = state;
  if (!current) return;
  const next = async (text) => {
    panel?.busy(text);
    await pause();
    if (state !== current) throw Object.assign(new Error('factlens: superseded'), { name: 'AbortError' });
  };
  try {
    Object.assign(current, await readScope(null, name, next));
    await reanalyze();
  } catch (e) {
    failed(e);
  }
}

/** The page changed: read the changed parts again; analyse again only if the text changed. */
function refresh(records) {
  if (!state) return;
  try {
    let blocks = reread(state.blocks, state.scope.root, records, outside(state.scope));
    if (!blocks) {
      // The article left the page (a single-page app changed story): find it again.
      state.scope = pickScope(null, state.scope.name === 'page' ? 'page' : 'article');
      blocks = read(state.scope);
    } else if (sameBlocks(blocks, state.blocks, true)) {
      return;
    }
    const sameText = sameBlocks(blocks, state.blocks, false);
    state.blocks = blocks;
    // Same text: the findings are anchored again by their quote text; else a new analysis.
    if (!sameText) return void reanalyze().catch(failed);
    render();
    updated();
  } catch (e) {
    failed(e);
  }
}

function stopWatching() {
  state?.unwatch?.();
  if (state) state.unwatch = null;
}

/** Lets the page run (timers, input, painting) between two steps of a scan. */
const pause = () => new Promise((done) => setTimeout(done, 0));

/**
 * Runs the generator `steps` to its end, letting the page run about every 10 ms: `next(text)`
 * shows the progress line `say(value)` and pauses (and throws when the work was cancelled).
 */
async function stepped(steps, next, say) {
  let step;
  let slice = performance.now();
  while (!(step = steps.next()).done) {
    if (performance.now() - slice > 10) {
      await next(say(step.value));
      slice = performance.now();
    }
  }
  return step.value;
}

/** pickScope() and the blocks of that scope, the article found and the scope read in slices. */
async function readScope(root, name, next) {
  const scope = root || name === 'page'
    ? pickScope(root, name)
    : { ...(await stepped(articleSteps(document), next, () => 'Finding the article…')), name: 'article' };
  return { scope, blocks: await stepped(walk(scope.root, outside(scope)), next, (n) => `Reading: ${n} paragraphs`) };
}

/**
 * Scans the page: reads its visible text, analyses it, highlights the findings and opens the
 * panel. Resolves to the Report (UTF-16 offsets into the blocks); `report.timings` (not
 * enumerable, so not serialised) gives the milliseconds each stage took. The page is read in
 * slices of about 10 ms with the page's own tasks in between, the panel showing the progress;
 * clear() or the panel's × button stop the scan (it then rejects).
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
  const stopped = () => {
    if (gen !== generation) throw new Error('factlens: scan cancelled by clear() or a newer scan()');
  };
  const given = options.root;
  if (given != null && (typeof given !== 'object' || typeof given.nodeType !== 'number')) {
    throw new TypeError('factlens: scan({ root }) needs a DOM element');
  }
  try {
    if (options.panel !== false) panel = openPanel({ show, close: clear, rescope });
    return await scanning(options, stopped);
  } catch (e) {
    // A page that broke built-ins the shell uses (Array.prototype.map, say) gets a clear error.
    const error = /^factlens:/.test(e && e.message) ? e : new Error(`factlens: scan failed: ${e && e.message}`, { cause: e });
    // The page is left as it was; the panel says why until it is closed (clear()).
    if (gen === generation) {
      stopWatching();
      state = null;
      try {
        unpaint();
        panel?.fail(error.message);
      } catch {
        clear();
      }
    }
    throw error;
  }
}

async function scanning(options, stopped) {
  /** Says what the scan does next, lets the page run, and stops if the scan was cancelled. */
  const next = async (text) => {
    panel?.busy(text);
    await pause();
    stopped();
  };
  const t0 = performance.now();
  panel?.busy('Loading…');
  const core = await loadCore(options.engine);
  stopped();
  const t1 = performance.now();

  const { scope, blocks } = await readScope(options.root, options.scope, next);
  await next(`Analysing ${blocks.length} paragraphs…`);
  const t2 = performance.now();
  const report = await analyze(core, blocks, scope.root, options.worker);
  stopped();
  const analysed = performance.now();
  // A long analysis on this thread: let the page run before drawing.
  if (analysed - t2 > 10) await next('Drawing…');
  state = { options, core, scope, blocks, report, theme: pageTheme(scope.root), unwatch: null, ticket: 0 };
  const model = anchored();
  // Thousands of findings took a while to anchor: let the page run before drawing them.
  if (state.anchorMs > 10) await next('Drawing…');
  const t4 = performance.now();
  render(model);
  const t5 = performance.now();
  const ms = (a, b) => Math.round((b - a) * 100) / 100;
  Object.defineProperty(report, 'timings', {
    value: {
      load: ms(t0, t1), flatten: ms(t1, t2), analyze: ms(t2, analysed), anchor: ms(0, state.anchorMs),
      render: ms(t4, t5), total: ms(t0, t5),
    },
    enumerable: false,
  });
  if (options.watch !== false) state.unwatch = watchPage(() => state.scope.root, ours, refresh);
  return report;
}

/**
 * The last scan's findings for other tools: 'w3c' (a W3C Web Annotation AnnotationPage) or
 * 'json' (a plain copy of the Report). Rejects before the first scan. After the page changed
 * under a watching scan, the findings are the updated ones. The W3C writer is loaded on its
 * first use (export-*.js).
 * @param {'w3c' | 'json'} format
 * @param {{ source?: string }} [options] `source`: the page URL the annotations target
 */
async function exportFindings(format, options) {
  if (format !== 'w3c' && format !== 'json') {
    throw new TypeError(`factlens: export() knows "w3c" and "json", not ${JSON.stringify(format)}`);
  }
  if (!last) throw new Error('factlens: nothing to export yet: call scan() first');
  const { report, blocks } = last;
  if (format === 'json') return JSON.parse(JSON.stringify(report));
  let annotationPage;
  try {
    annotationPage = await loadExport();
  } catch (e) {
    throw new Error(`factlens: export("w3c") could not load its writer: ${e && e.message}`, { cause: e });
  }
  return annotationPage(report, blocks, options);
}
export { exportFindings as export };

/** Removes every highlight, the highlight stylesheet and the panel. Safe to call any time. */
export function clear() {
  generation++;
  offThread?.cancel();
  stopWatching();
  state = null;
  unpaint();
  if (panel) {
    panel.remove();
    panel = null;
  }
}
