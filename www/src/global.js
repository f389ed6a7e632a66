// Entry of dist/factlens.bundle.js, the classic-script build: defines window.factlens.
import { clear, scan } from './index.js';

globalThis.factlens = { scan, clear };
