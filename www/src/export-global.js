// Entry of dist/factlens.export.js: export('w3c') as a classic script, which hands itself to the
// bundle that loaded it (export-script.js) under a registry symbol, not a global name.
import { annotationPage } from './export.js';

globalThis[Symbol.for('factlens.export')] = annotationPage;
