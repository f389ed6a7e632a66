// Test-only entry (built by browsers.mjs openBundle()): the same modules as
// dist/factlens.bundle.js, with the panel's and the fallback layer's shadow roots open so that
// axe-core and the keyboard tests can look inside, and a few internals for tests that feed the
// shell a Report the core does not produce yet, or make the core panic. Never shipped.
import { __panicForTests } from '../../build/wasm/factlens.js';
import { relocate } from '../../www/src/anchor.js';
import { flatten } from '../../www/src/flatten.js';
import { findings } from '../../www/src/findings.js';
import { paint, unpaint } from '../../www/src/highlight.js';
import { loadCore } from '../../www/src/core.js';
import { clear, export as exportFindings, scan } from '../../www/src/index.js';
import { openPanel, settings } from '../../www/src/panel.js';

settings.shadow = 'open';
globalThis.factlens = { scan, clear, export: exportFindings };
globalThis.factlensInternals = {
  flatten, findings, paint, unpaint, openPanel, relocate,
  /** Makes the WebAssembly core panic (a real Rust panic) in the next analysis of a scan. */
  async panicNextScan() {
    const core = await loadCore('wasm');
    const analyze = core.analyzeBlocks;
    core.analyzeBlocks = () => {
      core.analyzeBlocks = analyze;
      __panicForTests();
    };
  },
  /** Makes the core panic in the next analysis that runs in a worker. */
  async panicNextWorker() {
    (await loadCore('wasm')).panicNext = true;
  },
};
