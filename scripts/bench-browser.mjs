#!/usr/bin/env node
// npm run bench:browser — scan timings of the built widget on every saved page of
// ../shared/pages in headless Chromium: serves www/bench.html (www/ at /, dist/ at /dist/, the
// pages at /pages/), opens it, and prints its table of median milliseconds per stage (flatten,
// analyze, anchor, render) and MB/s, then writes it as JSON.
//
// The browser: /usr/bin/chromium (or $CHROMIUM) through playwright-core, headless, with a fresh
// profile (a new temporary user-data-dir per launch), flags --no-sandbox --disable-gpu
// --disable-quic --no-first-run --disable-background-networking --disable-component-update
// --disable-sync, and every request that is not for the 127.0.0.1 server aborted. The pages are
// served with a Content-Security-Policy that lets no script of theirs run (they fail offline and
// rewrite the DOM on timers) and nothing load from elsewhere; the widget's bundle is allowed.
//
// Usage: node scripts/bench-browser.mjs [--runs N] [--pages a.html,b.html] [--json FILE] [--serve]
//   --runs   scans per page after a warm-up scan (default 10)
//   --json   where to write the results (default target/bench/browser.json)
//   --serve  only serve bench.html (for any browser) until Ctrl+C
// Needs `npm run build` (the npm script runs it). Skips with a note when ../shared is absent.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.FACTLENS_SHARED ? resolve(process.env.FACTLENS_SHARED) : join(ROOT, '..', 'shared');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// For the saved pages: our bundle (same origin) and WebAssembly, nothing else.
const PAGE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; object-src 'none'";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(opt('--runs', 10)) | 0);
const PAGES = opt('--pages', '');
const JSON_OUT = resolve(opt('--json', join(ROOT, 'target', 'bench', 'browser.json')));
const SERVE = args.includes('--serve');

if (!existsSync(join(SHARED, 'pages', 'MANIFEST.json'))) {
  console.log('bench:browser: ../shared is not beside this checkout: no pages to scan');
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'factlens.bundle.js'))) {
  console.error('bench:browser: dist/factlens.bundle.js is missing: run `npm run build` first');
  process.exit(2);
}

const server = await startServer({
  port: SERVE ? Number(process.env.PORT || 8080) : 0,
  mounts: { '/': join(ROOT, 'www'), '/dist/': join(ROOT, 'dist'), '/pages/': join(SHARED, 'pages') },
  headers: (path) => (path.startsWith('/pages/') && /\.html?$/i.test(path)
    ? { 'content-security-policy': PAGE_CSP } : undefined),
});
const query = `?n=${RUNS}${PAGES ? `&pages=${encodeURIComponent(PAGES)}` : ''}`;
const benchURL = `${server.url}bench.html${query}`;
if (SERVE) {
  console.log(`bench:browser: open ${benchURL}  (Ctrl+C to stop)`);
} else {
  if (!existsSync(CHROMIUM)) {
    console.error(`bench:browser: ${CHROMIUM} is missing (npm run setup -- --browsers)`);
    await server.close();
    process.exit(2);
  }
  const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  let result;
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    page.on('pageerror', (e) => console.error(`bench page error: ${e.message}`));
    let shown = '';
    const progress = setInterval(async () => {
      const s = await page.locator('#status').textContent().catch(() => '');
      if (s && s !== shown) process.stderr.write(`  ${(shown = s)}\n`);
    }, 2000);
    try {
      await page.goto(benchURL);
      await page.waitForFunction(() => window.factlensBench?.done, null, { timeout: 30 * 60 * 1000, polling: 500 });
      result = await page.evaluate(() => window.factlensBench);
    } finally {
      clearInterval(progress);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (result.error) {
    console.error(`bench:browser: ${result.error}`);
    process.exit(1);
  }
  const loadAfter = loadavg().map((x) => x.toFixed(2)).join(' ');
  const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
  console.log(`\nbench:browser: ${result.userAgent}`);
  console.log(`${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average before ${loadBefore}, after ${loadAfter}; ` +
    `median of ${RUNS} scans per page after a warm-up scan, each of the page at rest\n`);
  console.log('| page | text (K chars) | blocks | flatten ms | analyze ms | anchor ms | render ms | scan ms | then style + layout ms | first scan ms | analyze MB/s |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const p of result.pages) {
    const m = p.median;
    console.log(`| ${p.file} | ${(p.chars / 1e3).toFixed(1)} | ${p.blocks} | ${f(m.flatten)} | ${f(m.analyze)} | ${f(m.anchor)} | ` +
      `${f(m.render)} | ${f(m.scan)} | ${f(m.layout)} | ${p.first.toFixed(1)} | ${p.mbps.toFixed(1)} |`);
  }
  const s = result.summary;
  const chars = result.pages.reduce((n, p) => n + p.chars, 0);
  const analyze = result.pages.reduce((n, p) => n + p.median.analyze, 0);
  console.log(`\ntypical page (median over pages of the median scan): ${s.typical} ms; ` +
    `largest text (${s.largest.file}, ${(s.largest.chars / 1e3).toFixed(0)} K chars): ${s.largest.scan} ms; slowest page: ${s.slowest} ms; ` +
    `then style and layout of the typical page: ${s.typicalLayout} ms`);
  console.log(`analyze over all pages: ${(chars / 1e6).toFixed(2)} M chars in ${analyze.toFixed(1)} ms, ${(chars / 1e6 / (analyze / 1e3)).toFixed(1)} MB/s`);
  mkdirSync(dirname(JSON_OUT), { recursive: true });
  writeFileSync(JSON_OUT, `${JSON.stringify({ date: new Date().toISOString(), cpus: cpus().length, cpu: cpus()[0]?.model,
    load_average: [loadBefore, loadAfter], ...result }, null, 2)}\n`);
  console.log(`bench:browser: wrote ${JSON_OUT}`);
}
