// The demo reading page (www/index.html): it scans itself on load; the findings must show as
// highlights in the text and as entries in the panel, and the panel must work by mouse and
// keyboard. Also writes test-results/demo.png, a screenshot with the panel open.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ROOT, clickPanelButton, highlightSizes, panelOutline, panelSections, start, suite,
} from './harness.mjs';
import { openBundle } from './browsers.mjs';


suite('demo page', null, () => {
  let env;
  let page;
  const problems = [];

  before(async () => {
    env = await start();
    page = await env.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.goto(env.url);
    await page.waitForFunction(() => window.factlensReport, null, { timeout: 20000 });
  });
  after(() => env?.close());

  it('scans on load without errors', () => {
    assert.deepEqual(problems, []);
  });

  it('highlights every category in the page text', async () => {
    const sizes = await highlightSizes(page);
    for (const name of ['repeat', 'quote', 'unattributed', 'speaker', 'official']) {
      assert.ok(sizes[`factlens-${name}`] > 0, `factlens-${name} highlight: ${JSON.stringify(sizes)}`);
    }
  });

  it('keeps the panel outside <body> in a closed shadow root', async () => {
    const host = await page.evaluate(() => {
      const el = document.querySelector('factlens-overlay');
      return el && { parent: el.parentElement.localName, open: el.shadowRoot !== null };
    });
    assert.deepEqual(host, { parent: 'html', open: false });
  });

  describe('panel', () => {
    let sections;
    before(async () => {
      const outline = await panelOutline(page);
      assert.ok(outline, 'no panel in the accessibility tree');
      sections = panelSections(outline);
    });

    it('lists the verbatim repeat with its two copies', () => {
      const repeats = sections['repeated paragraphs'];
      assert.ok(repeats, `sections: ${Object.keys(sections)}`);
      const text = repeats.entries.map((e) => e.name).join(' | ');
      assert.match(text, /The crossing’s two landing stages were badly damaged/);
      assert.match(text, /×2/);
      const copies = repeats.entries.filter((e) => e.role === 'button' && /^Show copy \d of 2$/.test(e.name));
      assert.ok(copies.length >= 2, text);
    });

    it('lists the edited near-copy with the words that changed', () => {
      const entries = sections['repeated paragraphs'].entries;
      const text = entries.map((e) => e.name).join(' | ');
      assert.match(text, /Transport Minister Paul Okafor said the provincial government would pay/);
      assert.match(text, /edited, (8\d|9\d)% similar/);
      const change = entries.find((e) => e.role === 'button' && /^Copy 2 \(\d+%\): /.test(e.name));
      assert.ok(change, `no "Copy 2" change in: ${text}`);
      assert.match(change.name, /added cover put remainder/);
      assert.match(change.name, /removed pay estimated rest/);
      // The demo's repeats are all in the article: nothing is folded away as page furniture.
      assert.doesNotMatch(text, /In page furniture/);
    });

    it('lists each quote under its speaker', () => {
      const groups = sections.quotes?.groups ?? {};
      const expected = {
        'Elena Marsh': [/We owe the people of this coast/],
        'Paul Okafor': [/The money is already set aside/, /The engineers tell us.*2 paragraphs/s],
        'Ruth Castellano': [/We have carried this city's share/],
        'Dana Whitfield': [/We will keep the buses running/],
        Unattributed: [/Bring back our boat/],
      };
      const problems = [];
      for (const [speaker, quotes] of Object.entries(expected)) {
        const listed = groups[speaker] ?? [];
        for (const q of quotes) {
          if (!listed.some((name) => q.test(name))) problems.push(`${speaker}: no ${q}`);
        }
      }
      assert.deepEqual(problems, [], `quotes by speaker: ${JSON.stringify(groups, null, 1)}`);
    });

    it('lists the officials with their titles', () => {
      const officials = (sections.officials?.entries ?? []).filter((e) => e.role === 'button');
      const find = (name) => officials.find((o) => o.name.startsWith(name))?.name ?? '';
      const listed = officials.map((o) => o.name);
      assert.match(find('Elena Marsh'), /Governor/, `officials: ${listed}`);
      assert.match(find('Elena Marsh'), /[3-9] mentions/, 'the surname-only mentions are merged');
      assert.match(find('Paul Okafor'), /Minister/, `officials: ${listed}`);
      assert.match(find('Ruth Castellano'), /mayor/i, `officials: ${listed}`);
      assert.match(find('Ruth Castellano'), /Port Alder/, `officials: ${listed}`);
    });
  });

  it('scrolls to and flashes a finding when its button is clicked, and by keyboard', async () => {
    const outline = await panelOutline(page);
    const copy2 = outline.find((e) => e.role === 'button' && e.name === 'Show copy 2 of 2');
    assert.ok(copy2, 'no "Show copy 2 of 2" button');
    await page.evaluate(() => window.scrollTo(0, 0));
    await clickPanelButton(page, copy2.backendNodeId);
    await page.waitForFunction(() => CSS.highlights.has('factlens-flash'));
    await page.waitForFunction(() => window.scrollY > 200);
    // The flashed range is the second copy, now in view.
    const flashed = await page.evaluate(() => {
      const [range] = CSS.highlights.get('factlens-flash');
      const r = range.getBoundingClientRect();
      return { text: range.toString(), inView: r.top >= 0 && r.bottom <= innerHeight };
    });
    assert.match(flashed.text, /^The crossing’s two landing stages/);
    assert.ok(flashed.inView);
    await page.waitForFunction(() => !CSS.highlights.has('factlens-flash'), null, { timeout: 5000 });

    // Focus left the panel for the text, which is now the selection; the shortcut comes back
    // to the button, and Enter works like any button.
    assert.deepEqual(await page.evaluate(() => ({
      active: document.activeElement.localName, selected: getSelection().toString().slice(0, 30),
    })), { active: 'body', selected: 'The crossing’s two landing sta' });
    await page.keyboard.press('Alt+Shift+KeyF');
    assert.equal(await page.evaluate(() => document.activeElement.localName), 'factlens-overlay');
    await page.waitForFunction(() => !CSS.highlights.has('factlens-flash'), null, { timeout: 5000 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => CSS.highlights.has('factlens-flash'));
  });

  it('scans again without doubling anything, and clear() leaves no trace', async () => {
    const before = await page.evaluate(() => ({
      text: document.body.innerText,
      sheets: document.adoptedStyleSheets.length,
    }));
    const again = await page.evaluate(async () => {
      const r = await factlens.scan();
      return { quotes: r.quotes.length, hosts: document.querySelectorAll('factlens-overlay').length };
    });
    assert.equal(again.hosts, 1);
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), before.sheets);
    await page.evaluate(() => factlens.clear());
    const afterClear = await page.evaluate(() => ({
      text: document.body.innerText,
      sheets: document.adoptedStyleSheets.length,
      hosts: document.querySelectorAll('factlens-overlay').length,
    }));
    assert.equal(afterClear.text, before.text);
    assert.equal(afterClear.sheets, before.sheets - 1, 'the highlight stylesheet is removed');
    assert.equal(afterClear.hosts, 0);
    assert.deepEqual(await highlightSizes(page), {});
  });

  it('hides with Esc (the highlights stay), and closes with its × button', async () => {
    await page.evaluate(() => factlens.scan());
    await page.keyboard.press('Alt+Shift+KeyF');
    await page.keyboard.press('Escape');
    const hidden = await panelOutline(page);
    assert.deepEqual(hidden.filter((e) => e.role === 'button').map((e) => e.name), ['Show', 'Close factlens']);
    assert.ok((await highlightSizes(page))['factlens-quote'] > 0);
    const close = hidden.find((e) => e.name === 'Close factlens');
    await clickPanelButton(page, close.backendNodeId);
    assert.equal(await panelOutline(page), null);
    assert.deepEqual(await highlightSizes(page), {});
  });

  it('shows screen readers the same panel as the open-root copy the other tests audit', async () => {
    const outline = (o) => o.map(({ role, name, level }) => ({ role, name, level }));
    // The live region is filled in a moment after the panel opens: compare once it is.
    const announced = async (p) => {
      for (let i = 0; i < 100; i++) {
        const o = await panelOutline(p);
        if (o?.at(-1)?.name.startsWith('factlens: ')) return outline(o);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the panel announced nothing');
    };
    await page.evaluate(() => factlens.scan());
    const shipped = await announced(page);
    await page.evaluate(() => factlens.clear());
    const copy = await env.newPage({ viewport: { width: 1280, height: 1000 } });
    await copy.goto(env.url);
    await copy.waitForFunction(() => window.factlensReport, null, { timeout: 20000 });
    await copy.evaluate(() => factlens.clear());
    await copy.evaluate(await openBundle());
    await copy.evaluate(() => factlens.scan());
    assert.equal(await copy.evaluate(() => document.querySelector('factlens-overlay').shadowRoot !== null), true);
    assert.deepEqual(await announced(copy), shipped);
    await copy.context().close();
  });

  it('rejects a bad root with a clear message and leaves the page alone', async () => {
    const message = await page.evaluate(() => factlens.scan({ root: 42 }).then(() => 'resolved', (e) => e.message));
    assert.match(message, /^factlens: /);
    assert.equal(await page.evaluate(() => document.querySelectorAll('factlens-overlay').length), 0);
  });

  it('works without the CSS Custom Highlight API: boxes instead, the panel still lists', async () => {
    const bare = await env.newPage();
    await bare.addInitScript(() => {
      delete CSS.highlights;
      delete globalThis.Highlight;
    });
    const errors = [];
    bare.on('pageerror', (e) => errors.push(e.message));
    await bare.goto(env.url);
    await bare.waitForFunction(() => window.factlensReport, null, { timeout: 20000 });
    assert.equal(await bare.evaluate(() => 'highlights' in CSS), false);
    const outline = await panelOutline(bare);
    assert.ok(outline?.some((e) => e.role === 'button' && /Bring back our boat/.test(e.name)));
    const copy = outline.find((e) => e.role === 'button' && e.name === 'Show copy 2 of 2');
    await clickPanelButton(bare, copy.backendNodeId); // scrolls, flashes nothing, throws nothing
    await bare.waitForFunction(() => window.scrollY > 200);
    await bare.evaluate(() => factlens.clear());
    assert.deepEqual(errors, []);
    await bare.context().close();
  });

  it('ships the same API as an ES module (dist/factlens.js)', async () => {
    const esm = await env.newPage();
    await esm.goto(`${env.url}dist/factlens.d.ts`); // any page of the server's origin
    const got = await esm.evaluate(async () => {
      const mod = await import('/dist/factlens.js');
      const report = await mod.scan({ root: document.body });
      const host = document.querySelectorAll('factlens-overlay').length;
      mod.clear();
      return { exports: Object.keys(mod).sort(), version: report.version, host };
    });
    assert.deepEqual(got, { exports: ['clear', 'export', 'scan'], version: 1, host: 1 });
    await esm.context().close();
  });

  it('takes a screenshot with the panel open (test-results/demo.png)', async () => {
    await page.mouse.move(0, 0);
    await page.evaluate(async () => {
      window.scrollTo(0, 0);
      await factlens.scan();
    });
    const dir = join(ROOT, 'test-results');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'demo.png') });
  });
});
