// `factlens:worker` in dist/factlens.js (ES module): the analysis in a worker for large pages
// (offthread.js, with the worker's code) is the sibling module factlens.worker.mjs, imported the
// first time a page is large enough to need it (bundlers resolve the literal path too).
export const loadWorker = () => import('./factlens.worker.mjs');
