// `factlens:export` in dist/factlens.bundle.js (classic script): export('w3c') is in the sibling
// classic script factlens.export.js, loaded on its first use.
import { loadSibling } from './sibling.js';

export const loadExport = () => loadSibling('factlens.export.js', 'factlens.export');
