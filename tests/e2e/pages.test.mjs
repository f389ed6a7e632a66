// Real news pages (../shared/pages): scanning must not throw, must not change the page's text,
// and clear() must leave no trace. Pages load offline: requests beyond the local server are
// aborted and the pages' own scripts are kept from running (they fail offline and rewrite the
// DOM on timers, which would make "the text did not change" meaningless). The widget is injected
// as the classic bundle, as a bookmarklet would.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { SHARED, bundleSource, missingShared, start, suite } from './harness.mjs';

const skip = missingShared('pages');
const files = skip
  ? []
  : readdirSync(join(SHARED, 'pages'))
    .filter((f) => f.endsWith('.html') && !f.endsWith('.expected.html'))
    .sort();

/** What must be the same before a scan, during it, and after clear(). */
const state = () => ({
  text: document.body.innerText,
  sheets: document.adoptedStyleSheets.slice(),
  htmlChildren: document.documentElement.children.length,
});

suite('real news pages', skip, () => {
  let env;
  let page;
  let source;
  let events = [];

  before(async () => {
    source = bundleSource();
    env = await start({ '/pages/': join(SHARED, 'pages') });
    page = await env.newPage({ pageScripts: false });
    page.on('pageerror', (e) => events.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Aborted requests and blocked page scripts log errors of their own; only ours count.
      if (m.type() === 'error' && /factlens/i.test(m.text())) events.push(`console: ${m.text()}`);
    });
  });
  after(() => env?.close());

  for (const file of files) {
    it(file, async (t) => {
      events = [];
      await page.goto(`${env.url}pages/${encodeURIComponent(file)}`, { waitUntil: 'load', timeout: 60000 });
      // An anti-flicker rule that a third-party script would remove (pages/README.md).
      await page.evaluate(() => document.querySelector('style#chartbeat-flicker-control-style')?.remove());
      await page.evaluate(source);

      const result = await page.evaluate(async (stateSrc) => {
        const snapshot = new Function(`return (${stateSrc})()`);
        const before = snapshot();
        let report;
        let error = null;
        try {
          report = await factlens.scan();
        } catch (e) {
          error = String(e && e.message);
        }
        const during = snapshot();
        const highlights = [...CSS.highlights.keys()].filter((k) => k.startsWith('factlens'));
        const host = document.querySelectorAll('factlens-overlay').length;
        factlens.clear();
        const cleared = snapshot();
        const same = (a, b) => a.length === b.length && a.every((s, i) => s === b[i]);
        return {
          error,
          summary: report && {
            blocks: report.blocks, repeats: report.repeats.length, quotes: report.quotes.length,
            officials: report.officials.length, ms: report.timings.total,
          },
          host,
          highlights,
          textDuring: during.text === before.text,
          textAfter: cleared.text === before.text,
          sheetsAfter: same(cleared.sheets, before.sheets),
          childrenAfter: cleared.htmlChildren === before.htmlChildren,
          left: {
            highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('factlens')),
            hosts: document.querySelectorAll('factlens-overlay').length,
          },
        };
      }, state.toString());

      assert.equal(result.error, null, 'scan() rejected');
      t.diagnostic(JSON.stringify(result.summary));
      assert.ok(result.summary.blocks > 0, 'no text read');
      assert.equal(result.host, 1, 'the panel opened');
      assert.ok(result.textDuring, 'body.innerText changed during the scan');
      assert.ok(result.textAfter, 'body.innerText changed after clear()');
      assert.ok(result.sheetsAfter, 'document.adoptedStyleSheets differ after clear()');
      assert.ok(result.childrenAfter, 'an element is left on <html> after clear()');
      assert.deepEqual(result.left, { highlights: [], hosts: 0 }, 'clear() left a trace');
      assert.deepEqual(events, [], 'errors from factlens');
    });
  }
});
