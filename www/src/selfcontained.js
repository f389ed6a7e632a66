// The self-contained bookmarklet: the whole widget with both cores (WebAssembly, and wasm2js for
// pages that forbid WebAssembly) inside the javascript: URL, for pages whose script-src blocks the
// short loader's origin. It defines window.factlens only if no factlens is there yet; run again,
// it toggles the panel.

import { clear, export as exportFindings, scan } from './index.js';
import { fail, toggle } from './bookmarklet-run.js';

/* global FACTLENS_HELP */
try {
  const existing = window.factlens;
  const factlens = existing && typeof existing.scan === 'function'
    ? existing
    : (window.factlens = { scan, clear, export: exportFindings });
  toggle(factlens, FACTLENS_HELP);
} catch (e) {
  fail(e && e.message ? e.message : String(e), FACTLENS_HELP);
}
