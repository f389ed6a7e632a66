// `factlens:export` in dist/factlens.standalone.js and the self-contained bookmarklet: export('w3c')
// is in the same file.
export const loadExport = () => import('./export.js').then((m) => m.annotationPage);
