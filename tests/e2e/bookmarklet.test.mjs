// www/bookmarklet.html as a reader uses it: its two links are real javascript: links, so
// clicking one on the page itself runs it there (the page invites that, on its invented sample).
// The panel must open with the sample's findings, close on the next click, and the second
// bookmarklet must take over the factlens already loaded rather than load another.

import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { panelOutline, panelSections, start, suite } from './harness.mjs';

suite('bookmarklet page', null, () => {
  let env;
  let page;
  const errors = [];
  before(async () => {
    env = await start();
    page = await env.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      d.dismiss();
    });
    await page.goto(`${env.url}bookmarklet.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  });
  after(() => env?.close());

  it('shows both links with their sizes and the server they load from', async () => {
    const got = await page.evaluate(() => ({
      loader: document.getElementById('loader').getAttribute('href').slice(0, 11),
      size: document.getElementById('selfcontained-size').textContent,
      base: document.querySelector('[data-base]').textContent,
      note: document.getElementById('build-note').hidden,
    }));
    assert.deepEqual(got, { loader: 'javascript:', size: got.size, base: `${env.url}dist/`, note: true });
    assert.match(got.size, /^\d{3} KB$/);
  });

  it('runs the short bookmarklet when its link is clicked, and closes on the next click', async () => {
    await page.click('#loader');
    await page.waitForSelector('factlens-overlay', { state: 'attached' });
    // Where the panel would cover the sample it starts hidden: the shortcut shows it (or, shown,
    // moves focus into it).
    await page.keyboard.press('Alt+Shift+KeyF');
    const sections = panelSections(await panelOutline(page));
    assert.deepEqual(Object.keys(sections.quotes.groups), ['Ines Falk', 'Unattributed']);
    // The article scope reads the page's <main>, the instructions with the sample in them (the
    // table's one-word cells repeat too): the sample's repeated paragraph is among the repeats.
    assert.match(sections['repeated paragraphs'].entries.map((e) => e.name).join(' '),
      /The pier has been closed since the storm in January\..*×2/);
    assert.match(sections.officials.entries.map((e) => e.name).join(' '), /Ines Falk.*Mayor/);
    await page.click('#loader');
    await page.waitForSelector('factlens-overlay', { state: 'detached' });
    assert.deepEqual(errors, []);
  });

  it('lets the self-contained bookmarklet toggle the factlens already there', async () => {
    const before = await page.evaluateHandle(() => window.factlens);
    await page.click('#selfcontained');
    await page.waitForSelector('factlens-overlay', { state: 'attached' });
    assert.ok(await page.evaluate((f) => f === window.factlens, before), 'the same factlens');
    await page.click('#selfcontained');
    await page.waitForSelector('factlens-overlay', { state: 'detached' });
    const loads = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => /factlens\.bundle\.js$/.test(e.name)).length);
    assert.equal(loads, 1);
    assert.deepEqual(errors, []);
  });
});
