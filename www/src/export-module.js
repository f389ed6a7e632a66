// `factlens:export` in dist/factlens.js (ES module): export('w3c') is in the sibling module
// factlens.export.mjs, imported on its first use (bundlers resolve the literal path too).
export const loadExport = () => import('./factlens.export.mjs').then((m) => m.annotationPage);
