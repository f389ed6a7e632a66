// Screenshots of three real pages with the overlay, on a light page in a light browser and on a
// dark page in a dark browser (prefers-color-scheme: dark), in Chromium and Firefox:
// test-results/screens/<browser>-<page>-<light|dark>.png, with the panel open and the card of
// the first quote shown. Kept as artifacts to look at; the checks here are that the page's
// theme picked the matching highlight palette and that nothing was logged.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { SHARED, missingShared, suite } from './harness.mjs';
import {
  BROWSERS, BROWSER_NOISE, PALETTE_RGB, RESULTS, launch, missingBrowser, newPage, press, serve, settledState, shippedBundle,
} from './browsers.mjs';

const SHOTS = ['postlight__nymag.com', 'readability__seattletimes-1', 'aeb__3d8f3404cf975af8'];
const DARK = 'html,body{background:#16181c!important;color:#e2e4e8!important}a{color:#8ab4f8!important}';
const skip = missingShared(...SHOTS.map((s) => `pages/${s}.html`));

for (const name of BROWSERS) {
  suite(`screenshots in ${name}`, skip || missingBrowser(name), () => {
    const dir = join(RESULTS, 'screens');
    let server;
    const browsers = [];
    after(async () => {
      for (const b of browsers) await b.close();
      await server?.close();
    });

    for (const theme of ['light', 'dark']) {
      for (const slug of SHOTS) {
        it(`${slug} (${theme})`, async () => {
          server ??= await serve({ '/pages/': { dir: join(SHARED, 'pages'), csp: true } });
          browsers[theme === 'dark' ? 1 : 0] ??= await launch(name, { dark: theme === 'dark' });
          const page = await newPage(browsers[theme === 'dark' ? 1 : 0]);
          await page.goto(`${server.url}pages/${slug}.html`, { waitUntil: 'load', timeout: 60000 });
          await page.evaluate((css) => {
            document.querySelector('style#chartbeat-flicker-control-style')?.remove();
            if (css) {
              const sheet = new CSSStyleSheet();
              sheet.replaceSync(css);
              document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
            }
          }, theme === 'dark' ? DARK : '');
          await settledState(page);
          await page.evaluate(shippedBundle());
          const report = await page.evaluate(() => factlens.scan().then((r) => ({ quotes: r.quotes.length })));
          assert.ok(report.quotes > 0);
          // Unstyled pages leave no room beside the text: the panel starts hidden; show it.
          await page.evaluate(() => document.activeElement?.blur());
          await press(page, 'KeyF', 'Alt', 'Shift');
          const quote = await page.evaluate(() => {
            // The first quote left of the panel, so that its card shows.
            const range = [...CSS.highlights.get('factlens-quote')].find((r) => r.getClientRects()[0]?.left < innerWidth - 560);
            range.startContainer.parentElement.scrollIntoView({ block: 'center' });
            const r = range.getClientRects()[0];
            return { x: r.left + Math.min(30, r.width / 2), y: r.top + r.height / 2 };
          });
          await page.mouse.move(quote.x, quote.y);
          await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          const bg = await page.evaluate(() => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules])
            .find((r) => r.cssText.includes('factlens-quote')).style.backgroundColor);
          assert.equal(bg, PALETTE_RGB[theme].quote, `the ${theme} palette`);
          mkdirSync(dir, { recursive: true });
          await page.screenshot({ path: join(dir, `${name}-${slug}-${theme}.png`) });
          assert.deepEqual(page.problems.filter((p) => !BROWSER_NOISE.test(p)), []);
          await page.close();
        });
      }
    }
  });
}
