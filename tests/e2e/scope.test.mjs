// Article scope against the pages' own answers: ../shared/pages has, for 21 pages, the article as
// Readability extracted it (`.expected.html`) or the benchmark's `articleBody` (`.truth.json`).
// For each, the share of the article's text that the scan read (recall: of the article's
// five-word shingles, how many occur in the scope's text), and the share of the scope's text
// that is the article's (precision). Target: recall ≥ 90 % on ≥ 90 % of these pages. Prints the
// table. Also checks the trafilatura pages' "must contain" / "must not contain" snippets.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { SHARED, missingShared, suite } from './harness.mjs';
import { BROWSERS, PAGES, launch, missingBrowser, newPage, serve, settledState, shippedBundle } from './browsers.mjs';

const skip = missingShared('pages/MANIFEST.json');
const manifest = skip ? [] : JSON.parse(readFileSync(join(SHARED, 'pages', 'MANIFEST.json'), 'utf8'));

/** Lower-case words, and their five-word shingles. */
function shingles(text) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  const out = [];
  for (let i = 0; i + 5 <= words.length; i++) out.push(words.slice(i, i + 5).join(' '));
  return out;
}
const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ');

for (const name of BROWSERS) {
  suite(`article scope in ${name}`, skip || missingBrowser(name), () => {
    let server;
    let browser;
    let page;
    const rows = [];

    before(async () => {
      server = await serve({ '/pages/': { dir: join(SHARED, 'pages'), csp: true } });
      browser = await launch(name);
      page = await newPage(browser);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** The scope's text and how it was chosen, for one page. */
    async function scope(file) {
      await page.goto(`${server.url}pages/${encodeURIComponent(file)}`, { waitUntil: 'load', timeout: 60000 });
      await page.evaluate(() => document.querySelector('style#chartbeat-flicker-control-style')?.remove());
      await settledState(page);
      await page.evaluate(shippedBundle());
      return page.evaluate(async () => {
        const r = await factlens.scan({ panel: false, highlight: false, watch: false });
        const s = r.scope;
        const el = s.root;
        const body = (await factlens.scan({ scope: 'page', panel: false, highlight: false, watch: false })).scope.texts;
        factlens.clear();
        return {
          how: s.how, text: s.texts.join('\n'), body: body.join('\n'),
          root: `${el.localName}${el.id ? '#' + el.id : ''}${typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/)[0] : ''}`,
        };
      });
    }

    /** The article's text by the page's answer file. */
    async function truth(entry) {
      const base = entry.file.replace(/\.html$/, '');
      const json = join(SHARED, 'pages', `${base}.truth.json`);
      if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8')).articleBody;
      await page.goto(`${server.url}pages/${encodeURIComponent(base)}.expected.html`);
      return page.evaluate(() => document.body.innerText);
    }

    const judged = manifest.filter((e) => PAGES.includes(e.file) &&
      (existsSync(join(SHARED, 'pages', e.file.replace(/\.html$/, '.truth.json'))) ||
       existsSync(join(SHARED, 'pages', e.file.replace(/\.html$/, '.expected.html')))));
    for (const entry of judged) {
      it(entry.file, async (t) => {
        const got = await scope(entry.file);
        const want = shingles(await truth(entry));
        const read = new Set(shingles(got.text));
        const all = new Set(shingles(got.body));
        const article = new Set(want);
        const mine = shingles(got.text);
        const row = {
          page: entry.file.replace(/\.html$/, ''),
          how: got.how,
          root: got.root,
          recall: want.filter((s) => read.has(s)).length / Math.max(1, want.length),
          ceiling: want.filter((s) => all.has(s)).length / Math.max(1, want.length),
          precision: mine.filter((s) => article.has(s)).length / Math.max(1, mine.length),
        };
        rows.push(row);
        t.diagnostic(JSON.stringify(row));
        assert.ok(want.length > 50, 'the answer file has text');
      });
    }

    for (const entry of manifest.filter((e) => e.truth?.with_ && PAGES.includes(e.file))) {
      it(`${entry.file}: snippets in and out`, async () => {
        const got = norm((await scope(entry.file)).text);
        const missing = entry.truth.with_.filter((s) => !got.includes(norm(s)));
        const present = entry.truth.without.filter((s) => got.includes(norm(s)));
        assert.deepEqual(missing, [], 'article snippets not read');
        assert.ok(present.length <= 1, `furniture read: ${JSON.stringify(present)}`);
      });
    }

    it('finds the article on at least 90 % of the pages (≥ 90 % of its text in scope)', () => {
      const pct = (x) => `${(x * 100).toFixed(1)}%`.padStart(7);
      const lines = [
        `article scope in ${name}: recall = share of the article's text read; ceiling = share the whole page holds; precision = share of what was read that is the article`,
        `${'page'.padEnd(44)} ${'how'.padEnd(9)} ${'recall'.padStart(7)} ${'ceiling'.padStart(7)} ${'precis.'.padStart(7)}  root`,
        ...rows.map((r) => `${r.page.padEnd(44)} ${r.how.padEnd(9)} ${pct(r.recall)} ${pct(r.ceiling)} ${pct(r.precision)}  ${r.root}`),
      ];
      const hits = rows.filter((r) => r.recall >= 0.9).length;
      const mean = rows.reduce((n, r) => n + r.precision, 0) / Math.max(1, rows.length);
      lines.push(`found: ${hits} of ${rows.length} pages (${pct(hits / Math.max(1, rows.length)).trim()}) with ≥ 90% of the article in scope; mean precision ${pct(mean).trim()}`);
      console.log(lines.join('\n'));
      assert.equal(rows.length, judged.length, 'every judged page was measured');
      assert.ok(rows.length >= 20, `only ${rows.length} pages have an answer file`);
      assert.ok(hits >= rows.length * 0.9, `${hits} of ${rows.length}`);
    });
  });
}
