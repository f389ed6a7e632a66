// Headless Chromium (playwright-core) and headless Firefox (puppeteer-core over WebDriver BiDi)
// behind one small interface, for the tests that must pass in both: the CSP matrix and the
// bookmarklets. Both talk to nothing but 127.0.0.1: Chromium aborts every other request; Firefox
// sends every other request to a proxy that does not exist (Firefox never proxies 127.0.0.1).
//
// A page records what a user and the test need to see: dialogs (alert texts), console errors,
// and uncaught exceptions and unhandled rejections (from listeners installed before any page
// script runs, so both browsers report them the same way).

import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const ERRORS = '__factlensTestErrors';

/** Installed before any page script: collects uncaught exceptions and unhandled rejections. */
const recordErrors = `(() => {
  const errors = (window[${JSON.stringify(ERRORS)}] = []);
  addEventListener('error', (e) => errors.push('uncaught: ' + (e.error && e.error.stack || e.message)));
  addEventListener('unhandledrejection', (e) => errors.push('unhandled rejection: ' + (e.reason && e.reason.stack || e.reason)));
})();`;

/** Why `name` cannot run here, or null. */
export function missingBrowser(name) {
  const path = name === 'firefox' ? FIREFOX : CHROMIUM;
  return existsSync(path) ? null : `${path} is missing: run \`npm run setup -- --browsers\``;
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

/**
 * Launches `name` ('chromium' or 'firefox'). Returns { name, newPage(), close() }; a page is
 * { goto(url), evaluate(fnOrSource, arg), dialogs, consoleErrors, errors(), close() }.
 */
export async function launch(name, allowedPrefix) {
  if (name === 'chromium') {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return {
      name,
      async newPage() {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.route('**/*', (route) => (route.request().url().startsWith(allowedPrefix) ? route.continue() : route.abort()));
        await page.addInitScript(recordErrors);
        return wrap(page, () => context.close(), (handler) => page.on('pageerror', (e) => handler(String(e.stack || e.message))));
      },
      close: () => browser.close(),
    };
  }
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    protocol: 'webDriverBiDi',
    headless: true,
    extraPrefsFirefox: {
      // Everything but 127.0.0.1 goes to a closed port.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '127.0.0.1',
    },
  });
  return {
    name,
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.evaluateOnNewDocument(recordErrors);
      // Firefox reports its own console messages (CSP refusals, encoding notes) as page errors
      // too; uncaught exceptions are counted by the in-page listeners instead.
      return wrap(page, () => context.close(), null);
    },
    close: () => browser.close(),
  };
}

function wrap(page, close, onPageError) {
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
  onPageError?.((message) => pageErrors.push(message));
  return {
    raw: page,
    dialogs,
    consoleErrors,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate: (fn, arg) => (arg === undefined ? page.evaluate(fn) : page.evaluate(fn, arg)),
    /** Uncaught exceptions and unhandled rejections so far. */
    async errors() {
      const inPage = await page.evaluate((key) => window[key] || [], ERRORS).catch(() => []);
      return [...pageErrors, ...inPage];
    },
    close,
  };
}
