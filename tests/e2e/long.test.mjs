// Long lists of findings, in headless Chromium and headless Firefox: a page with 500 repeated
// paragraphs and 120 quotes from one speaker. The panel draws the first entries of each list and
// a "Show N more" button (a real button, used by mouse or keyboard) that adds the next batch;
// the headings and the summary count every finding, every finding is highlighted whatever the
// panel draws, and a page change keeps what the reader had shown. No timings are asserted.

import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { suite } from './harness.mjs';
import { heavyParagraph } from './fixtures.mjs';
import { BROWSERS, launch, missingBrowser, newPage, openBundle, press, serve } from './browsers.mjs';
import { allow } from './privacy.mjs';

const GROUPS = 500;
const QUOTES = 120;
// Paragraph texts of heavyParagraph() without its quote (it adds one when i % 50 === 0).
const text = (i) => heavyParagraph(i * 50 + 1, 160);
const paragraphs = Array.from({ length: GROUPS }, (_, i) => `<p>${text(i)}</p>`).join('\n');
const quotes = Array.from({ length: QUOTES }, (_, i) =>
  `<p>“${text(GROUPS + i).replace(/[.]/g, ',')},” said Mayor Ruth Castellano.</p>`).join('\n');
// Every paragraph twice, far apart: 500 repeat groups of two copies.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>long</title></head>
<body><article><h1>A long list</h1>
${paragraphs}
${quotes}
${paragraphs}
</article></body></html>`;

// In-page helpers: the panel's shadow root, the entries of a list, its "Show more" button.
const HELPERS = `
  window.$root = () => document.querySelector('factlens-overlay').shadowRoot;
  window.$more = (id) => $root().querySelector('[data-key="m-' + id + '"]');
  window.$list = () => {
    const r = $root();
    const group = r.querySelector('#fl-quotes h4').parentElement;
    return {
      headings: [...r.querySelectorAll('h3')].map((h) => h.textContent),
      summary: r.querySelector('.summary').textContent,
      repeats: r.querySelector('#fl-repeats > ul').children.length,
      more: $more('repeats')?.textContent ?? null,
      quoteGroup: group.querySelector('h4').textContent,
      quotes: group.querySelector('ul').children.length,
      quotesMore: group.querySelector('ul + button')?.textContent ?? null,
      focus: r.activeElement?.getAttribute('data-key') ?? null,
    };
  };
`;

for (const name of BROWSERS) {
  suite(`long lists in ${name}`, missingBrowser(name), () => {
    let server;
    let browser;
    let page;
    let report;

    before(async () => {
      server = await serve({ '/gen/': { pages: { 'long.html': PAGE } } });
      browser = await launch(name);
      page = await newPage(browser);
      allow(page, { globals: ['$more', '$list'] }); // the helpers below
      await page.goto(`${server.url}gen/long.html`);
      await page.evaluate(HELPERS);
      await page.evaluate(await openBundle());
      report = await page.evaluate(async () => {
        window.updates = [];
        const r = await factlens.scan({ onUpdate: (u) => updates.push(u) });
        return { repeats: r.repeats.map((g) => g.blocks.length), quotes: r.quotes.length };
      });
      // The article spans the window, so the panel starts hidden rather than cover it: show it.
      await press(page, 'KeyF', 'Alt', 'Shift');
      await page.evaluate(() => $root().activeElement?.blur());
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    it('finds 500 repeat groups and 120 quotes (the page is what the tests below assume)', () => {
      assert.equal(report.repeats.length, GROUPS);
      assert.ok(report.repeats.every((n) => n === 2), 'two copies each');
      assert.equal(report.quotes, QUOTES);
      assert.deepEqual(page.problems, []);
    });

    it('draws 50 entries of a long list, counts all of them, and highlights every copy', async () => {
      const got = await page.evaluate(() => ({ ...$list(), painted: CSS.highlights.get('factlens-repeat')?.size }));
      assert.deepEqual(got, {
        headings: ['Repeated paragraphs (500)', 'Quotes (120)', 'Officials (1)'],
        summary: '500 repeats · 120 quotes · 1 official',
        repeats: 50,
        more: 'Show 50 more of 450',
        quoteGroup: 'Ruth Castellano (120)',
        // Many quotes: ten per speaker at first.
        quotes: 10,
        quotesMore: 'Show 50 more of 110',
        focus: null,
        painted: 2 * GROUPS,
      });
    });

    it('adds the next batch with Enter or Space on the button, and moves focus to the first new entry', async () => {
      await page.evaluate(() => $more('repeats').focus());
      await press(page, 'Enter');
      let got = await page.evaluate(() => $list());
      assert.equal(got.repeats, 100);
      assert.equal(got.more, 'Show 50 more of 400');
      // The 51st group's first button: its copy 1.
      assert.equal(got.focus, 'r50.0');
      // The arrow keys reach the button again from the last entry.
      await page.evaluate(() => $root().querySelector('[data-key="r99.1"]').focus());
      await press(page, 'ArrowDown');
      assert.equal(await page.evaluate(() => $list().focus), 'm-repeats');
      await press(page, ' ');
      got = await page.evaluate(() => $list());
      assert.deepEqual([got.repeats, got.more, got.focus], [150, 'Show 50 more of 350', 'r100.0']);
      assert.deepEqual(page.problems, []);
    });

    it('keeps what the reader had shown, and the focused entry, when the page changes', async () => {
      await page.evaluate(() => $root().querySelector('[data-key="r120.1"]').focus());
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'A late paragraph that nobody repeats.';
        document.querySelector('article').append(p);
      });
      await page.waitForFunction(() => updates.length === 1, { timeout: 20000 });
      const got = await page.evaluate(() => $list());
      assert.deepEqual([got.repeats, got.more, got.focus], [150, 'Show 50 more of 350', 'r120.1']);
      assert.deepEqual(page.problems, []);
    });

    it('shows every entry once all batches are added; the button goes and the counts stay', async () => {
      for (let i = 0; i < 20 && (await page.evaluate(() => !!$more('repeats'))); i++) {
        await page.evaluate(() => $more('repeats').click());
      }
      const got = await page.evaluate(() => ({
        ...$list(),
        // Each group drawn once, in the Report's order.
        keys: [...$root().querySelectorAll('#fl-repeats > ul > li')].map((li) => li.querySelector('button').getAttribute('data-key')),
      }));
      assert.equal(got.repeats, GROUPS);
      assert.equal(got.more, null);
      assert.deepEqual(got.keys, Array.from({ length: GROUPS }, (_, i) => `r${i}.0`));
      assert.deepEqual(got.headings, ['Repeated paragraphs (500)', 'Quotes (120)', 'Officials (1)']);
      // The quotes list is its own: still ten drawn.
      assert.equal(got.quotes, 10);
      await page.evaluate(() => $more('q:Ruth Castellano').click());
      assert.deepEqual(await page.evaluate(() => [$list().quotes, $list().quotesMore]), [60, 'Show 50 more of 60']);
      assert.deepEqual(page.problems, []);
    });
  });
}
