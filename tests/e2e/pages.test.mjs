// Real news pages (../shared/pages), in headless Chromium and headless Firefox: scanning must not
// throw or log errors, must not change the page's text or move any paragraph (during the scan,
// with highlights and panel shown, and after clear()), must highlight exactly what the Report
// found, and clear() must leave no trace. Pages load offline with none of their own scripts
// (browsers.mjs); the widget is evaluated as the shipped classic bundle, as a bookmarklet would.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { SHARED, missingShared, suite } from './harness.mjs';
import {
  BROWSERS, BROWSER_NOISE, PAGES, expectedCounts, settledState, highlightCounts, launch, missingBrowser, newPage, pageState, serve, shippedBundle,
} from './browsers.mjs';

const skip = missingShared('pages');

for (const name of BROWSERS) {
  suite(`real news pages in ${name}`, skip || missingBrowser(name), () => {
    let server;
    let browser;
    let page;
    let source;

    before(async () => {
      source = shippedBundle();
      server = await serve({ '/pages/': { dir: join(SHARED, 'pages'), csp: true } });
      browser = await launch(name);
      page = await newPage(browser);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const file of PAGES) {
      it(file, async (t) => {
        await page.goto(`${server.url}pages/${encodeURIComponent(file)}`, { waitUntil: 'load', timeout: 60000 });
        // An anti-flicker rule that a third-party script would remove (pages/README.md).
        await page.evaluate(() => document.querySelector('style#chartbeat-flicker-control-style')?.remove());
        page.problems.length = 0;
        await page.evaluate(source);

        /** Scan, read the page, clear, read it again. */
        const measure = async () => {
          const before = await settledState(page);
          const scanned = await page.evaluate(async () => {
            try {
              const r = await factlens.scan();
              return { report: JSON.parse(JSON.stringify(r)), how: r.scope.how, ms: r.timings.total };
            } catch (e) {
              return { error: String(e && e.message) };
            }
          });
          const during = await page.evaluate(pageState);
          const counts = await page.evaluate(highlightCounts);
          const host = await page.evaluate(() => document.querySelectorAll('factlens-overlay').length);
          await page.evaluate(() => factlens.clear());
          const cleared = await page.evaluate(pageState);
          return { before, scanned, during, counts, host, cleared };
        };
        let m = await measure();
        if (!m.scanned.error && (m.during.boxes !== m.before.boxes || m.cleared.boxes !== m.before.boxes)) {
          // Some saved pages still shift a moment after looking settled (a fallback font, a
          // failed image): when the page moved, measure once more from where it now rests.
          // A shift factlens caused shows up again.
          t.diagnostic('the page moved during the first measurement: measured again');
          m = await measure();
        }
        const { before, scanned, during, counts, host, cleared } = m;
        assert.equal(scanned.error, undefined, 'scan() rejected');
        const { report } = scanned;
        const left = await page.evaluate(() => ({
          highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('factlens')),
          hosts: document.querySelectorAll('factlens-overlay, factlens-marks').length,
        }));

        t.diagnostic(JSON.stringify({
          blocks: report.blocks, scope: scanned.how, repeats: report.repeats.length, quotes: report.quotes.length,
          officials: report.officials.length, ms: scanned.ms,
        }));
        assert.ok(report.blocks > 0, 'no text read');
        assert.equal(host, 1, 'the panel opened');
        assert.deepEqual(counts, expectedCounts(report), 'highlights per category equal the Report');
        assert.ok(during.text === before.text, 'body.innerText changed during the scan');
        assert.equal(during.boxes, before.boxes, `a paragraph moved during the scan (${before.count} boxes)`);
        assert.ok(cleared.text === before.text, 'body.innerText changed after clear()');
        assert.equal(cleared.boxes, before.boxes, 'a paragraph moved after clear()');
        assert.deepEqual(left, { highlights: [], hosts: 0 }, 'clear() left a trace');
        assert.equal(cleared.sheets, before.sheets, 'clear() left a stylesheet');
        assert.deepEqual(page.problems.filter((p) => !BROWSER_NOISE.test(p)), [], 'errors logged');
      });
    }
  });
}
