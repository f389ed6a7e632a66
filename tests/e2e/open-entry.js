// Test-only entry (built by browsers.mjs openBundle()): the same modules as
// dist/factlens.bundle.js, with the panel's and the fallback layer's shadow roots open so that
// axe-core and the keyboard tests can look inside, and a few internals for tests that feed the
// shell a Report the core does not produce yet. Never shipped.
import { relocate } from '../../www/src/anchor.js';
import { flatten } from '../../www/src/flatten.js';
import { findings } from '../../www/src/findings.js';
import { paint, unpaint } from '../../www/src/highlight.js';
import { clear, export as exportFindings, scan } from '../../www/src/index.js';
import { openPanel, settings } from '../../www/src/panel.js';

settings.shadow = 'open';
globalThis.factlens = { scan, clear, export: exportFindings };
globalThis.factlensInternals = { flatten, findings, paint, unpaint, openPanel, relocate };
