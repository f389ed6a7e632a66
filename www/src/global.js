// Entry of dist/factlens.bundle.js, the classic-script build: defines window.factlens.
import { clear, export as exportFindings, scan } from './index.js';

globalThis.factlens = { scan, clear, export: exportFindings };
