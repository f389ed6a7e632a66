// The bookmarklets under page Content-Security-Policies, in headless Chromium and Firefox.
//
// The pages (the demo article, and the seed article when ../shared is there) are served with a
// CSP header per policy; the bookmarklets are taken from www/bookmarklet.html as a reader would
// take them, and run the way a bookmark runs (the browser percent-decodes the javascript: URL and
// runs it in the page, outside the page's own script-src). For each policy and bookmarklet the
// outcome is the one documented in README.md and www/bookmarklet.html: the Report equals the one
// without any CSP, from the expected engine (wasm2js where WebAssembly is forbidden), or the
// documented failure message appears in an alert and on the console. Never an uncaught exception.
// Running a bookmarklet again toggles the panel and loads nothing a second time.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '../../bin/lib/server.mjs';
import { launch, missingBrowser, recordingPage, until } from './browsers.mjs';
import { bookmarkletCode, writeFixtures } from './fixtures.mjs';
import { DIST, ROOT, missing } from './harness.mjs';

/**
 * [name, policy, engine the scan runs on, whether the short loader is refused]. The first six
 * are the issue's matrix; the rest add Trusted Types with the wasm2js fallback script, a page
 * that allows no script at all, Trusted Types that allow no "factlens" policy, and the usual
 * real case: a news site's script-src 'self' with the loader on another origin.
 */
const POLICIES = [
  ['no CSP', null, 'wasm', false],
  ["script-src 'self'", "script-src 'self'", 'wasm2js', false],
  ["script-src 'self' 'wasm-unsafe-eval'", "script-src 'self' 'wasm-unsafe-eval'", 'wasm', false],
  ["default-src 'self'", "default-src 'self'", 'wasm2js', false],
  ["style-src 'self'", "style-src 'self'", 'wasm', false],
  ["require-trusted-types-for 'script'", "require-trusted-types-for 'script'", 'wasm', false],
  ["script-src 'self' + Trusted Types", "script-src 'self'; require-trusted-types-for 'script'", 'wasm2js', false],
  ["script-src 'none'", "script-src 'none'", 'wasm2js', true],
  ["Trusted Types with the page's own policies only", "require-trusted-types-for 'script'; trusted-types default", 'wasm', true],
  ["script-src 'self', loader on another origin", "script-src 'self'", 'wasm2js', 'other-origin'],
];

const FAILURE = /^factlens cannot run on this page: /;

const fixtures = missing() ? null : writeFixtures();
after(() => fixtures?.remove());

for (const browserName of ['chromium', 'firefox']) {
  const broken = missing() || missingBrowser(browserName);
  if (broken) {
    it(`bookmarklets under CSP in ${browserName}`, () => {
      throw new Error(broken);
    });
    continue;
  }

  describe(`bookmarklets under CSP in ${browserName}`, () => {
    let site; // serves the pages, with a CSP per /csp/<n>/, and the widget
    let elsewhere; // the widget on another origin
    let browser;
    const marks = {}; // { same: { loader, selfcontained }, other: {...} } hrefs
    const baseline = {}; // page -> Report without CSP

    before(async () => {
      const mounts = { '/': join(ROOT, 'www'), '/dist/': DIST };
      POLICIES.forEach((_, i) => { mounts[`/csp/${i}/`] = fixtures.dir; });
      site = await serve({
        mounts,
        headers(path) {
          const m = path.match(/^\/csp\/(\d+)\//);
          const policy = m && POLICIES[+m[1]][1];
          return policy ? { 'content-security-policy': policy } : {};
        },
      });
      elsewhere = await serve({ mounts: { '/': join(ROOT, 'www'), '/dist/': DIST } });
      browser = await launch(browserName);
      for (const [key, server] of [['same', site], ['other', elsewhere]]) {
        const page = await recordingPage(browser);
        await page.goto(`${server.url}bookmarklet.html`);
        await until(() => page.evaluate(() => document.documentElement.dataset.ready === 'true'), 'the bookmarklet links');
        marks[key] = await page.evaluate(() => ({
          loader: document.getElementById('loader').href,
          selfcontained: document.getElementById('selfcontained').href,
        }));
        await page.close();
      }
    });
    after(async () => {
      await browser?.close();
      await site?.close();
      await elsewhere?.close();
    });

    it('offers both bookmarklets, the self-contained one under 1 MiB', () => {
      for (const key of ['same', 'other']) {
        assert.match(marks[key].loader, /^javascript:/);
        assert.match(marks[key].selfcontained, /^javascript:/);
        assert.ok(marks[key].loader.length < 4096, `loader: ${marks[key].loader.length} characters`);
        assert.ok(marks[key].selfcontained.length < 1 << 20, `self-contained: ${marks[key].selfcontained.length} characters`);
      }
      // The loader fetches from the origin that served the bookmarklet page.
      assert.ok(bookmarkletCode(marks.same.loader).includes(JSON.stringify(`${site.url}dist/`)));
      assert.ok(bookmarkletCode(marks.other.loader).includes(JSON.stringify(`${elsewhere.url}dist/`)));
    });

    /** Runs a bookmarklet on a page until the panel opens or a failure message shows. */
    async function run(policyIndex, pageName, variant, origin = 'same') {
      const page = await recordingPage(browser);
      await page.goto(`${site.url}csp/${policyIndex}/${pageName}.html`);
      const code = bookmarkletCode(marks[origin][variant]);
      await page.evaluate(code);
      const outcome = await until(async () => {
        if (page.dialogs.length) return { failure: page.dialogs[0] };
        // The panel opens as the scan starts; export() answers once it is done.
        const open = await page.evaluate(async () => {
          try {
            return !!document.querySelector('factlens-overlay') && !!(await window.factlens.export('json'));
          } catch {
            return false;
          }
        });
        return open ? { open: true } : null;
      }, 'the panel or a failure message');
      return { page, code, outcome };
    }

    for (const pageName of fixtures?.pages ?? []) {
      it(`no CSP, ${pageName}: both bookmarklets give the same Report`, async () => {
        const reports = {};
        for (const variant of ['loader', 'selfcontained']) {
          const { page, outcome } = await run(0, pageName, variant);
          try {
            assert.deepEqual(outcome, { open: true }, `${variant}: ${JSON.stringify(outcome)}`);
            reports[variant] = await page.evaluate(() => window.factlens.export('json'));
            assert.deepEqual(await page.errors(), []);
          } finally {
            await page.close();
          }
        }
        assert.ok(reports.loader.blocks > 0 && reports.loader.quotes.length > 0, 'the page has findings');
        assert.deepEqual(reports.selfcontained, reports.loader);
        baseline[pageName] = reports.loader;
      });

      POLICIES.forEach(([name, , engine, refused], index) => {
        for (const variant of ['loader', 'selfcontained']) {
          const origin = refused === 'other-origin' ? 'other' : 'same';
          const fails = variant === 'loader' && !!refused;
          it(`${name}, ${pageName}, ${variant}: ${fails ? 'the documented failure message' : `the same Report (${engine})`}`, async () => {
            assert.ok(baseline[pageName], 'the no-CSP Report is missing');
            const { page, code, outcome } = await run(index, pageName, variant, origin);
            try {
              if (fails) {
                assert.match(outcome.failure ?? '', FAILURE, JSON.stringify(outcome));
                assert.match(outcome.failure, /Content-Security-Policy|Trusted Types/);
                assert.match(outcome.failure, /self-contained factlens bookmarklet/);
                assert.match(outcome.failure, /bookmarklet\.html/);
                assert.ok(page.consoleErrors.some((m) => FAILURE.test(m)), `console: ${page.consoleErrors}`);
                assert.equal(await page.evaluate(() => document.querySelectorAll('factlens-overlay').length), 0);
                assert.deepEqual(await page.errors(), []);
                return;
              }
              assert.deepEqual(outcome, { open: true }, JSON.stringify(outcome));
              const report = await page.evaluate(() => window.factlens.export('json'));
              assert.deepEqual(report, baseline[pageName]);

              // Again: the panel closes; and again: it opens. Nothing is loaded twice.
              await page.evaluate(code);
              await until(() => page.evaluate(() => !document.querySelector('factlens-overlay')), 'the panel to close');
              await page.evaluate(code);
              await until(() => page.evaluate(() => document.querySelectorAll('factlens-overlay').length === 1), 'the panel to reopen');
              const loads = await page.evaluate(() => performance.getEntriesByType('resource')
                .map((e) => e.name.replace(/^.*\//, ''))
                .filter((n) => n.startsWith('factlens.')));
              const expectedLoads = variant === 'selfcontained' ? []
                : engine === 'wasm2js' ? ['factlens.bundle.js', 'factlens.wasm2js.js'] : ['factlens.bundle.js'];
              assert.deepEqual(loads, expectedLoads);

              const used = await page.evaluate(async () => (await window.factlens.scan({ panel: false, highlight: false })).engine);
              assert.equal(used, engine);
              assert.deepEqual(await page.errors(), []);
              assert.deepEqual(page.dialogs, []);
            } finally {
              await page.close();
            }
          });
        }
      });
    }

    it("embedded as an ES module under script-src 'self', dist/factlens.js falls back to factlens.wasm2js.mjs", async () => {
      assert.ok(baseline.demo, 'the no-CSP Report is missing');
      for (const [index, engine] of [[0, 'wasm'], [1, 'wasm2js']]) {
        const page = await recordingPage(browser);
        try {
          await page.goto(`${site.url}csp/${index}/demo-esm.html`);
          const got = await until(() => page.evaluate(() => window.esmScan), 'the module to scan');
          assert.equal(got.error, undefined);
          assert.equal(got.engine, engine);
          assert.deepEqual(got.report, baseline.demo);
          assert.deepEqual(await page.errors(), []);
        } finally {
          await page.close();
        }
      }
    });
  });
}
