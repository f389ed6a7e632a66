// What factlens may leave behind or send, checked after every end-to-end test in every page the
// harness opened (harness.mjs imports this module, so each test file gets the hook):
//
// - requests: every request made after the page loaded (what it asks for while it loads is its
//   own, but for the rule on /dist/) goes to a local test server (127.0.0.1), with GET;
//   under a `/dist/` folder only the widget's own files; in Chromium (where the protocol names a
//   request's kind) no fetch, XHR, beacon, ping, WebSocket or EventSource request at all, unless
//   the test declared that its page makes them itself (`allow(page, { requests: /re/ })`);
// - no cookie (document.cookie is empty);
// - at most one new localStorage key, and it starts with "factlens";
// - no new global but `window.factlens`, beside the names the tests and the demo pages define
//   themselves (TEST_GLOBALS, or `allow(page, { globals: [...] })`).
//
// The page's state at its start is recorded under a symbol (not a global name) by a script that
// runs before any page script. A page is checked after each test, and before it is closed.
// Known gaps: a same-origin GET of a non-/dist/ path (an image, say) is not told apart from the
// page's own resources in Firefox, whose WebDriver BiDi events carry no resource type; nor is a
// GET to a host the page's own markup already names.

import { afterEach } from 'node:test';

/** Files the widget loads, or that serve it (the bookmarklet page's own script). */
const WIDGET_FILES = /^factlens(\.bundle|\.standalone|\.wasm2js|\.export|\.worker)?\.m?js$|^bookmarklet-page\.js$/;
/** Request kinds (Chromium's names) that carry data out rather than load a file. */
const SENDING = new Set(['fetch', 'xhr', 'ping', 'beacon', 'websocket', 'eventsource', 'cspviolationreport', 'prefetch']);
/** Globals that tests and the demo pages define on purpose. */
export const TEST_GLOBALS = [
  'expectedCounts', 'highlightCounts', 'updates', 'first', 'latest', 'para', 'anchored', 'esmScan',
  '$root', '$focus', '$buttons', '$card', '$rect', 'violations', 'added', 'listeners', 'seen', 'recording',
  'report', 'pwned', 'axe', 'factlensBench', 'factlensReport', 'runScan',
  // axe-core's bundled polyfills
  '__core-js_shared__',
  // the test-only open copy (open-entry.js) hands its internals to the tests
  'factlensInternals',
];

/** Bindings puppeteer itself adds to pages it drives. (Names of digits are a page's frames.) */
const AUTOMATION = /^(puppeteer_|__ariaQuerySelector)/;

const START = 'factlens.test.start';
/** Runs before any page script: what the page had at its start. */
export const RECORD_START = `(() => {
  let storage = [];
  try { storage = Object.keys(localStorage); } catch {}
  Object.defineProperty(window, Symbol.for(${JSON.stringify(START)}), {
    value: { globals: Object.getOwnPropertyNames(window), storage },
  });
})();`;

/** In the page: what changed since its start. */
function changes(key) {
  const start = window[Symbol.for(key)];
  if (!start) return null; // a page our script did not reach (about:blank)
  let storage = [];
  try { storage = Object.keys(localStorage); } catch { /* opaque origin */ }
  const had = new Set(start.globals);
  return {
    globals: Object.getOwnPropertyNames(window).filter((n) => !had.has(n)),
    storage: storage.filter((k) => !start.storage.includes(k)),
    cookie: document.cookie,
  };
}

/** In the page: the hosts its markup names. */
function namedHosts() {
  return [...new Set([...document.documentElement.outerHTML.matchAll(/\/\/([\w.-]+\.[a-z]{2,})/gi)].map((m) => m[1].toLowerCase()))];
}

const watched = new Set();

/**
 * Records a page's requests from now on and checks it after each test. `driver`: 'puppeteer' or
 * 'playwright'. The start script must be installed by the caller before the first navigation
 * (`RECORD_START`).
 */
export function watch(page, driver) {
  const entry = { page, requests: [], allowRequests: null, globals: new Set(TEST_GLOBALS), loading: false, hosts: new Set() };
  page.on('request', (r) => {
    let type = null;
    try { type = r.resourceType(); } catch { /* Firefox over BiDi names no kind */ }
    const nav = r.isNavigationRequest();
    if (nav && r.frame() === page.mainFrame()) entry.loading = true;
    // What a page asks for while it loads is its own (a saved page's fonts and images elsewhere).
    // factlens runs in the top document only: what a page's frames ask for is theirs.
    const framed = r.frame() !== page.mainFrame();
    entry.requests.push({ url: r.url(), method: r.method(), type, nav, page: entry.loading || framed });
  });
  page.on('load', () => {
    entry.loading = false;
    // The hosts this document names, kept for its requests that arrive late (icons, manifests).
    page.evaluate(namedHosts).then((hosts) => hosts.forEach((h) => entry.hosts.add(h)), () => {});
  });
  page[Symbol.for('factlens.privacy')] = entry;
  watched.add(entry);
  const close = page.close.bind(page);
  page.close = async (...args) => {
    if (watched.has(entry)) {
      watched.delete(entry);
      if (!page.isClosed()) await check(entry);
    }
    return close(...args);
  };
  if (driver === 'playwright') {
    // Playwright tests may close a page by closing its context.
    const context = page.context();
    const closeContext = context.close.bind(context);
    context.close = async (...args) => {
      if (!page.isClosed()) await page.close();
      return closeContext(...args);
    };
  }
  return page;
}

/** Lets a test's page make requests matching `requests`, or define `globals` of its own. */
export function allow(page, { requests, globals = [] }) {
  const entry = page[Symbol.for('factlens.privacy')];
  if (requests) entry.allowRequests = requests;
  for (const g of globals) entry.globals.add(g);
}

/** The problems in one request, or null. */
function requestProblem(r, allowed) {
  if (/^(data|blob|about):/.test(r.url)) return null;
  let url;
  try { url = new URL(r.url); } catch { return `unparseable URL ${r.url}`; }
  if (allowed && allowed.test(r.url)) return null;
  if (r.page && !url.pathname.includes('/dist/')) return null;
  if (url.hostname !== '127.0.0.1') return `a request off the test server: ${r.method} ${r.url}`;
  if (r.method !== 'GET') return `a ${r.method} request: ${r.url}`;
  if (r.type && SENDING.has(r.type)) return `a ${r.type} request: ${r.url}`;
  if (r.nav) return null; // the test's own navigation
  const dist = url.pathname.match(/\/dist\/([^/]*)$/);
  if (dist && !WIDGET_FILES.test(dist[1])) return `a request for a file that is not the widget's: ${r.url}`;
  return null;
}

async function check(entry) {
  const { page } = entry;
  const problems = [];
  const flagged = [];
  for (const r of entry.requests.splice(0)) {
    const p = requestProblem(r, entry.allowRequests);
    if (!p) continue;
    if (p.startsWith('a request off') && r.method === 'GET' && !SENDING.has(r.type)) flagged.push([r, p]);
    else problems.push(p);
  }
  // A saved page's own markup names hosts elsewhere (icons, lazy images, fonts of its
  // stylesheets) that it may ask for after it loaded: a GET of a host the page's markup holds is
  // the page's. (factlens adds no element to the page's DOM: its UI is in a closed shadow root.)
  if (flagged.length) (await page.evaluate(namedHosts).catch(() => [])).forEach((h) => entry.hosts.add(h));
  const inMarkup = flagged.map(([r]) => { try { return entry.hosts.has(new URL(r.url).host); } catch { return false; } });
  flagged.forEach(([, p], i) => inMarkup[i] || problems.push(p));
  let state = null;
  try {
    state = await Promise.race([
      page.evaluate(changes, START),
      new Promise((_, no) => setTimeout(() => no(new Error('the page did not answer within 20 s')), 20000)),
    ]);
  } catch (e) {
    // A page that navigated away or closed its context has nothing more to check; a frozen
    // page is a failure.
    if (/did not answer/.test(e.message)) problems.push(e.message);
  }
  if (state) {
    const extra = state.globals.filter((g) => g !== 'factlens' && !entry.globals.has(g) && !AUTOMATION.test(g) && !/^\d+$/.test(g));
    if (extra.length) problems.push(`new globals besides window.factlens: ${extra.join(', ')}`);
    if (state.storage.length > 1 || state.storage.some((k) => !k.startsWith('factlens'))) {
      problems.push(`localStorage keys written: ${state.storage.join(', ')}`);
    }
    if (state.cookie) problems.push(`cookies written: ${state.cookie}`);
  }
  if (problems.length) throw new Error(`privacy: ${problems.join('; ')}`);
}

/** Checks a page now (what the hook does after each test); rejects with what it found. */
export const checkPage = (page) => check(page[Symbol.for('factlens.privacy')]);

afterEach(async () => {
  const live = [...watched].filter((e) => {
    if (e.page.isClosed()) watched.delete(e);
    return !e.page.isClosed();
  });
  const errors = [];
  for (const entry of live) {
    try {
      await check(entry);
    } catch (e) {
      errors.push(e.message);
      watched.delete(entry); // said once, not again after every later test
    }
  }
  if (errors.length) throw new Error(errors.join('\n'));
});
