// `factlens:worker` in dist/factlens.bundle.js (classic script): the analysis in a worker for
// large pages (offthread.js, with the worker's code) is the sibling classic script
// factlens.worker.js, loaded the first time a page is large enough to need it.
import { loadSibling } from './sibling.js';

export const loadWorker = () => loadSibling('factlens.worker.js', 'factlens.worker');
