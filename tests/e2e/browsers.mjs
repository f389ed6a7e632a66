// The cross-browser half of the end-to-end set-up: the same tests in headless Chromium (over the
// DevTools protocol) and headless Firefox ESR (over WebDriver BiDi), both driven by
// puppeteer-core, against pages from a local server that reaches nothing else. Chromium resolves
// no host but 127.0.0.1; Firefox sends every other request to a proxy that does not exist
// (Firefox never proxies 127.0.0.1).
//
// Every page is checked after each test for what factlens may send or leave behind (privacy.mjs).
// Two kinds of page: `newPage(browser)` records in `page.problems` every uncaught exception and
// console error or warning (the overlay, scope and page tests); `recordingPage(browser)` opens a
// fresh context and records what a user and the test see of a bookmarklet: dialogs (alert
// texts), console errors, and uncaught exceptions and unhandled rejections from listeners
// installed before any page script runs, so both browsers report them the same way (the CSP
// matrix).
//
// Saved news pages are served with a CSP that runs none of their scripts (they fail offline and
// rewrite the DOM on timers) and loads nothing from elsewhere; WebAssembly stays allowed. Scripts
// that tests evaluate are not bound by a page's CSP.
//
// The test-only open copy: `openBundle()` builds tests/e2e/open-entry.js — the same modules as
// dist/factlens.bundle.js with `settings.shadow = 'open'` — so that axe-core and the keyboard
// tests can look into the panel; the shipped bundle keeps its shadow roots closed.

import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import { common, lazyPartsFrom } from '../../scripts/esbuild-config.mjs';
import { PALETTE } from '../../www/src/highlight.js';
import { CHROMIUM, CHROMIUM_ARGS, DIST, ROOT, SHARED } from './harness.mjs';
import { RECORD_START, watch } from './privacy.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const RESULTS = join(ROOT, 'test-results');

/** The browsers every cross-browser suite runs in (FACTLENS_BROWSERS=chromium to pick). */
export const BROWSERS = ['chromium', 'firefox']
  .filter((b) => !process.env.FACTLENS_BROWSERS || process.env.FACTLENS_BROWSERS.split(',').includes(b));

/** The saved news pages in ../shared/pages (none when it is absent). */
export const PAGES = existsSync(join(SHARED, 'pages'))
  ? readdirSync(join(SHARED, 'pages')).filter((f) => f.endsWith('.html') && !f.endsWith('.expected.html')).sort()
  : [];

/** Messages the browser itself logs for an offline page (blocked or missing resources). */
export const BROWSER_NOISE = /Failed to load resource|Refused to|Content[- ]Security[- ]Policy|net::ERR_|Manifest fetch|is deprecated/i;

/** Why `browser` cannot run here, or null. */
export function missingBrowser(browser) {
  const bin = browser === 'firefox' ? FIREFOX : CHROMIUM;
  return existsSync(bin) ? null : `${bin} is missing: run \`npm run setup -- --browsers\``;
}

const PAGE_CSP = "default-src 'self' data:; script-src 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; object-src 'none'; frame-src 'none'";

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json' };

/**
 * A static server on 127.0.0.1. `mounts`: { '/prefix/': dir | { dir, csp } | { pages: { name: html | () => html }, csp } };
 * `csp`: true for the saved pages' policy, or a policy of its own.
 * Returns { url, close() }.
 */
export function serve(mounts) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const prefix = Object.keys(mounts).filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    const mount = typeof mounts[prefix] === 'string' ? { dir: mounts[prefix] } : mounts[prefix];
    const headers = { 'cache-control': 'no-cache' };
    if (mount?.csp) headers['content-security-policy'] = typeof mount.csp === 'string' ? mount.csp : PAGE_CSP;
    if (mount?.pages) {
      const body = mount.pages[path.slice(prefix.length)];
      if (body === undefined) return res.writeHead(404).end();
      res.writeHead(200, { ...headers, 'content-type': MIME['.html'] });
      return res.end(typeof body === 'function' ? body() : body);
    }
    const base = mount && resolve(mount.dir);
    const file = base && resolve(base, '.' + sep + path.slice(prefix.length));
    if (!file || !file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { ...headers, 'content-type': MIME[extname(file)] || 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  })));
}

/**
 * Launches a browser. `dark`: the browser reports `prefers-color-scheme: dark` (Firefox can only
 * be told at launch). Both report `prefers-reduced-motion: reduce`, so that nothing animates.
 */
export async function launch(browser, { dark = false } = {}) {
  if (browser === 'firefox') {
    return puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      protocol: 'webDriverBiDi',
      headless: true,
      extraPrefsFirefox: {
        'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
        'ui.prefersReducedMotion': 1,
        // Nothing leaves the machine: every non-local host goes to a closed local port.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '127.0.0.1',
      },
    });
  }
  const b = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  b.dark = dark;
  return b;
}

/**
 * A page that records what the browser reports as errors: `page.problems` gets every uncaught
 * exception and every console.error / console.warn.
 */
export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(RECORD_START);
  watch(page, 'puppeteer');
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn' || m.type() === 'warning') page.problems.push(`console.${m.type()}: ${m.text()}`);
  });
  await page.setViewport({ width, height });
  if (browser.dark !== undefined) {
    // Chromium: the media features are emulated per page.
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: browser.dark ? 'dark' : 'light' },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
  }
  return page;
}

/** Waits until `check()` is truthy (polling; the timeout only ends a wait that cannot succeed). */
export async function until(check, what, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ERRORS = 'factlens.test.errors';

/** Installed before any page script: collects uncaught exceptions and unhandled rejections. */
const recordErrors = `(() => {
  const errors = (window[Symbol.for(${JSON.stringify(ERRORS)})] = []);
  addEventListener('error', (e) => errors.push('uncaught: ' + (e.error && e.error.stack || e.message)));
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + (e.reason && e.reason.stack || e.reason)));
})();`;

/**
 * A page of `browser` (from launch()) in a fresh context, as a bookmarklet meets it:
 * { raw, dialogs, consoleErrors, goto(url), evaluate(fnOrSource, arg), errors(), close() }.
 * Dialogs are recorded and dismissed.
 */
export async function recordingPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.evaluateOnNewDocument(RECORD_START);
  await page.evaluateOnNewDocument(recordErrors);
  watch(page, 'puppeteer');
  const dialogs = [];
  const consoleErrors = [];
  const pageErrors = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss().catch(() => {});
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  // Firefox reports its own console messages (CSP refusals, encoding notes) as page errors too;
  // there uncaught exceptions are counted by the in-page listeners alone.
  if (!(await browser.version()).toLowerCase().includes('firefox')) {
    page.on('pageerror', (e) => pageErrors.push(String(e.stack || e.message)));
  }
  return {
    raw: page,
    dialogs,
    consoleErrors,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate: (fn, arg) => (arg === undefined ? page.evaluate(fn) : page.evaluate(fn, arg)),
    /** Uncaught exceptions and unhandled rejections so far. */
    async errors() {
      const inPage = await page.evaluate((key) => window[Symbol.for(key)] || [], ERRORS).catch(() => []);
      return [...pageErrors, ...inPage];
    },
    async close() {
      await page.close(); // checked first (privacy.mjs)
      await context.close();
    },
  };
}

/** Presses a key with modifiers, e.g. press(page, 'Tab', 'Shift'), press(page, 'KeyF', 'Alt', 'Shift'). */
export async function press(page, key, ...modifiers) {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.keyboard.press(key);
  for (const m of modifiers.reverse()) await page.keyboard.up(m);
}

let built = null;
/** The test-only copy of the classic bundle with open shadow roots (see the file's head). */
export async function openBundle() {
  if (built) return built;
  const out = join(RESULTS, 'open', 'factlens.open.js');
  mkdirSync(join(RESULTS, 'open'), { recursive: true });
  // As dist/factlens.bundle.js is built, but with the wasm2js core inline: the tests evaluate
  // the copy as a string, so there is no script URL to find factlens.wasm2js.js beside.
  await esbuild.build({
    ...common,
    entryPoints: [join(ROOT, 'tests', 'e2e', 'open-entry.js')],
    format: 'iife',
    plugins: [lazyPartsFrom('wasm2js-inline.js')],
    outfile: out,
  });
  built = readFileSync(out, 'utf8');
  return built;
}

/** In the page: what clear() must leave: no element, highlight or stylesheet of factlens. */
export const traces = () => ({
  elements: document.querySelectorAll('factlens-overlay,factlens-marks').length,
  highlights: CSS.highlights ? [...CSS.highlights.keys()].filter((k) => k.startsWith('factlens')).length : 0,
  sheets: document.adoptedStyleSheets.length,
});
/** What `traces` finds after clear(). */
export const NO_TRACES = { elements: 0, highlights: 0, sheets: 0 };

/** The shipped classic bundle. */
export const shippedBundle = () => readFileSync(join(DIST, 'factlens.bundle.js'), 'utf8');

/** The demo article (www/index.html) without its scripts: tests load factlens themselves. */
export function demoArticle(extraHead = '') {
  return readFileSync(join(ROOT, 'www', 'index.html'), 'utf8')
    .replace(/<script[\s\S]*?<\/script>\s*/g, '')
    .replace('</head>', `${extraHead}</head>`);
}

/** A style that turns a page dark, as a site's dark theme would. */
export const DARK_PAGE = '<style>html,body,main,article,header,footer,.masthead,.site-footer{background:#121417!important;color:#e4e6ea!important}' +
  'a{color:#8ab4f8!important}.also-read{background:#1d2733!important}</style>';

/**
 * Highlight sizes the Report calls for, counted from the Report alone: one range per copy of a
 * repeated paragraph, per quote segment (unattributed when no segment of its quotation names a
 * speaker), per speaker mention, per official's mention.
 */
export function expectedCounts(report) {
  const out = { repeat: 0, edited: 0, quote: 0, unattributed: 0, speaker: 0, official: 0 };
  for (const g of report.repeats) out[g.kind === 'edited' ? 'edited' : 'repeat'] += g.blocks.length;
  const named = new Map();
  report.quotes.forEach((q, i) => {
    const key = q.chain ?? i;
    named.set(key, named.get(key) || !!(q.speaker_resolved || q.speaker));
  });
  report.quotes.forEach((q, i) => {
    out[named.get(q.chain ?? i) ? 'quote' : 'unattributed'] += 1;
    if (q.speaker_span) out.speaker += 1;
  });
  for (const o of report.officials) out.official += o.mentions.length;
  return out;
}

/** In the page: the size of each factlens highlight (0 when absent). */
export function highlightCounts() {
  const out = {};
  for (const k of ['repeat', 'edited', 'quote', 'unattributed', 'speaker', 'official']) {
    out[k] = CSS.highlights.get(`factlens-${k}`)?.size ?? 0;
  }
  return out;
}

/** In the page: what must not change — the body's text and every paragraph-level box. */
export function pageState() {
  const boxes = [];
  for (const el of document.body.querySelectorAll('p,h1,h2,h3,h4,h5,h6,li,blockquote,figcaption,td,pre')) {
    const r = el.getBoundingClientRect();
    boxes.push([r.left + scrollX, r.top + scrollY, r.width, r.height].map((v) => Math.round(v * 100) / 100).join(','));
  }
  return { text: document.body.innerText, boxes: boxes.join(';'), count: boxes.length, sheets: document.adoptedStyleSheets.length };
}

/** In the page: resolves once web fonts have loaded and two frames have been laid out. */
export async function settle() {
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

/**
 * The page's state once its layout has settled (two readings 250 ms apart agree; saved pages
 * swap in fallback fonts a moment after `load`). Gives up waiting after 10 s.
 */
export async function settledState(page) {
  await page.evaluate(settle);
  let last = await page.evaluate(pageState);
  for (let i = 0; i < 40; i++) {
    await new Promise((done) => setTimeout(done, 250));
    const now = await page.evaluate(pageState);
    if (now.boxes === last.boxes && now.text === last.text) return now;
    last = now;
  }
  return last;
}

/** The highlight palette (www/src/highlight.js) as computed styles print it: rgb(r, g, b). */
export const PALETTE_RGB = Object.fromEntries(Object.entries(PALETTE).map(([theme, keys]) => [theme,
  Object.fromEntries(Object.entries(keys).map(([k, [bg]]) => {
    const h = bg.slice(1).length === 3 ? [...bg.slice(1)].map((c) => c + c).join('') : bg.slice(1);
    return [k, `rgb(${[0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).join(', ')})`];
  }))]));
