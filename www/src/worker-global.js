// Entry of dist/factlens.worker.js: the analysis in a worker for large pages as a classic script,
// which hands itself to the bundle that loaded it (worker-script.js) under a registry symbol, not
// a global name.
import { analyze, cancel } from './offthread.js';

globalThis[Symbol.for('factlens.worker')] = { analyze, cancel };
