// People without a title of office in the panel, on a generated page: they are listed after the
// officials, a quote credited to one of them is grouped under their name as an official's quotes
// are, a surname that several of them share is counted as ambiguous, and "go to" works for them.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { clickPanelButton, panelOutline, panelSections, start, suite } from './harness.mjs';

// Invented text.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>people</title></head><body><article>
<p>Governor Elena Marsh opened the new ferry terminal on Tuesday.</p>
<p>“The boats are back, and so are the tourists,” said Tom Harlow, who runs a café on Quay Street.</p>
<p>Harlow said business had halved during the closure. “We kept the doors open anyway,” he said.</p>
<p>Bill Clinton and Hillary Clinton visited the harbour in 1998. Clinton spoke briefly.</p>
<p>“It is good to see it busy again,” Marsh said.</p>
</article><script src="/dist/factlens.bundle.js"></script></body></html>`;

suite('people in the panel', null, () => {
  let env;
  let dir;
  let page;
  let report;
  let sections;
  const errors = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factlens-people-'));
    writeFileSync(join(dir, 'people.html'), PAGE);
    env = await start({ '/gen/': dir });
    page = await env.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.url}gen/people.html`);
    report = await page.evaluate(() => factlens.scan().then((r) => JSON.parse(JSON.stringify(r))));
    // The article spans the window, so the panel starts hidden rather than cover it: show it.
    await page.keyboard.press('Alt+Shift+KeyF');
    sections = panelSections(await panelOutline(page));
  });
  after(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gets people and their quotes from the core', () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(report.people.map((p) => p.name), ['Tom Harlow', 'Bill Clinton', 'Hillary Clinton']);
    assert.deepEqual(report.quotes.map((q) => [q.person, q.official]), [[0, null], [0, null], [null, 0]]);
  });

  it('lists the people after the officials', () => {
    assert.deepEqual(Object.keys(sections), ['repeated paragraphs', 'quotes', 'officials', 'people']);
    assert.equal(sections.people.heading, 'PEOPLE (3)');
    const people = sections.people.entries.filter((e) => e.role === 'button').map((e) => e.name);
    assert.deepEqual(people, [
      'Tom Harlow 2 mentions · 2 quotes',
      'Bill Clinton 1 mention · 0 quotes',
      'Hillary Clinton 2 mentions · 0 quotes 1 by a surname others share',
    ]);
    assert.match(sections.officials.entries.map((e) => e.name).join(' | '), /Elena Marsh Governor/);
  });

  it("groups a person's quotes under their name, as an official's", () => {
    const groups = sections.quotes.groups;
    assert.deepEqual(Object.keys(groups), ['Tom Harlow', 'Elena Marsh']);
    assert.equal(groups['Tom Harlow'].length, 2);
    assert.match(groups['Tom Harlow'][1], /We kept the doors open anyway.* as “he”/);
  });

  it('announces the people with the rest', async () => {
    // The live region is filled in a moment after the panel opens.
    let last = '';
    for (let i = 0; i < 100 && !last.startsWith('factlens: '); i++) {
      await new Promise((r) => setTimeout(r, 50));
      last = (await panelOutline(page)).at(-1).name;
    }
    assert.match(last, /, 1 official and 3 other people in the article\.$/);
  });

  it('goes to a person', async () => {
    const outline = await panelOutline(page);
    const tom = outline.find((e) => e.role === 'button' && e.name.startsWith('Tom Harlow'));
    await clickPanelButton(page, tom.backendNodeId);
    await page.waitForFunction(() => CSS.highlights.has('factlens-flash'));
    const flashed = await page.evaluate(() => [...CSS.highlights.get('factlens-flash')].map((r) => r.toString()));
    assert.deepEqual(flashed, ['Tom Harlow', 'Harlow']);
  });
});
