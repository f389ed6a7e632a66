// `factlens:worker` in dist/factlens.standalone.js and the self-contained bookmarklet: the analysis
// in a worker for large pages (offthread.js, with the worker's code) is in the same file.
export const loadWorker = () => import('./offthread.js');
