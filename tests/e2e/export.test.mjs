// factlens.export(): 'json' gives the Report; 'w3c' gives W3C Web Annotations whose selectors an
// annotation tool can anchor: each TextPositionSelector (code points into body.textContent) cuts
// out exactly its TextQuoteSelector's `exact`, with `prefix` and `suffix` the 32 code points
// around it. Checked on the demo article and on a page with emoji, CJK and hidden inline text.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { demoPage } from './fixtures.mjs';
import { start, suite } from './harness.mjs';

// Invented text. The hidden span is in the page's textContent but not in what factlens reads.
const UNICODE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pier</title></head>
<body><header>🌊 Gull Point Gazette — 日本語版</header><article>
<p>🌊🌊 “We will rebuild the pier,” said Mayor Ines Falk on Friday. 🎉</p>
<p>Falk added: “The <span hidden>SECRET</span>timbers are sound 😀 again.”</p>
<p>“Nobody asked us,” was scrawled on the harbour wall.</p>
<p>Tomas Reyes watched from the quay, and Reyes took photographs.</p>
<p>The pier has been closed since the storm in January.</p>
<p>The pier has been closed since the storm in January.</p>
</article>
<script src="/dist/factlens.bundle.js"></script></body></html>`;

suite('export()', null, () => {
  let env;
  let dir;
  let page;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factlens-export-'));
    const demo = demoPage();
    writeFileSync(join(dir, 'demo.html'), demo.html.replace('</body>', '<script src="/dist/factlens.bundle.js"></script></body>'));
    writeFileSync(join(dir, 'demo.css'), demo.css);
    writeFileSync(join(dir, 'unicode.html'), UNICODE_PAGE);
    env = await start({ '/x/': dir });
    page = await env.newPage();
  });
  after(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Scans, exports, and checks every selector against the page's own text, in the page. */
  const exportAndCheck = () => page.evaluate(async () => {
    const report = await window.factlens.scan({ panel: false });
    const w3c = await window.factlens.export('w3c');
    const text = Array.from(document.body.textContent); // code points
    const problems = [];
    const tags = {};
    for (const a of w3c.items) {
      const tag = a.body.find((b) => b.purpose === 'tagging').value;
      tags[tag] = (tags[tag] || 0) + 1;
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      if (!quote || !position) { problems.push(`selectors missing: ${JSON.stringify(a.target)}`); continue; }
      const exact = text.slice(position.start, position.end).join('');
      if (exact !== quote.exact) problems.push(`position ${position.start}-${position.end} is ${JSON.stringify(exact)}, exact is ${JSON.stringify(quote.exact)}`);
      const prefix = text.slice(Math.max(0, position.start - 32), position.start).join('');
      const suffix = text.slice(position.end, position.end + 32).join('');
      if (prefix !== quote.prefix) problems.push(`prefix ${JSON.stringify(quote.prefix)} != ${JSON.stringify(prefix)}`);
      if (suffix !== quote.suffix) problems.push(`suffix ${JSON.stringify(quote.suffix)} != ${JSON.stringify(suffix)}`);
    }
    return { report: JSON.parse(JSON.stringify(report)), w3c, tags, problems, json: await window.factlens.export('json'), url: location.href };
  });

  for (const name of ['demo', 'unicode']) {
    it(`${name}: every finding becomes an annotation whose selectors anchor in the page`, async () => {
      await page.goto(`${env.url}x/${name}.html#somewhere`);
      const { report, w3c, tags, problems, json, url } = await exportAndCheck();
      assert.deepEqual(problems, []);
      assert.deepEqual(json, report);

      assert.equal(w3c['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.equal(w3c.type, 'AnnotationPage');
      assert.match(w3c.id, /^urn:uuid:[0-9a-f-]{36}$/);
      const copies = report.repeats.reduce((n, g) => n + g.blocks.length, 0);
      const mentions = report.officials.reduce((n, o) => n + o.mentions.length, 0);
      const people = report.people.reduce((n, o) => n + o.mentions.length, 0);
      assert.equal(w3c.items.length, copies + report.quotes.length + mentions + people);
      assert.equal(tags['factlens:person'] ?? 0, people);
      if (name === 'unicode') assert.ok(people > 0, 'a person without a title is annotated too');
      assert.equal(tags['factlens:repeat'] ?? 0, copies);
      assert.equal(tags['factlens:official'] ?? 0, mentions);
      assert.equal((tags['factlens:quote'] ?? 0) + (tags['factlens:unattributed'] ?? 0), report.quotes.length);
      assert.ok(tags['factlens:unattributed'] > 0 && tags['factlens:quote'] > 0 && copies > 0 && mentions > 0, JSON.stringify(tags));
      for (const a of w3c.items) {
        assert.equal(a['@context'], 'http://www.w3.org/ns/anno.jsonld');
        assert.equal(a.type, 'Annotation');
        assert.match(a.id, /^urn:uuid:/);
        assert.equal(a.target.source, url.replace(/#.*$/, ''));
        assert.equal(a.generator.name, 'factlens');
        assert.ok(a.body.some((b) => b.purpose === 'commenting' && b.value.length > 0));
      }
      assert.equal(new Set(w3c.items.map((a) => a.id)).size, w3c.items.length, 'ids are unique');
    });
  }

  it('unicode: positions count code points, and a quote keeps the page text as it is', async () => {
    await page.goto(`${env.url}x/unicode.html`);
    const { report, w3c } = await exportAndCheck();
    const quotes = w3c.items.filter((a) => /factlens:(quote|unattributed)/.test(a.body.at(-1).value));
    const first = quotes[0].target.selector;
    assert.equal(first[0].exact, '“We will rebuild the pier,”');
    // The header's text before it has an emoji (2 UTF-16 units, 1 code point), and so does
    // the paragraph: code points, not UTF-16 units.
    const text = await page.evaluate(() => document.body.textContent);
    const utf16 = text.indexOf('“We will rebuild');
    assert.equal(first[1].start, Array.from(text.slice(0, utf16)).length);
    assert.notEqual(first[1].start, utf16);
    assert.match(quotes[0].body[0].value, /^Quote by Ines Falk, Mayor$/);
    // The hidden word is not read by factlens but is part of the page's text, so of `exact`.
    const timbers = quotes.find((a) => a.target.selector[0].exact.includes('timbers')).target.selector[0];
    assert.equal(timbers.exact, '“The SECRETtimbers are sound 😀 again.”');
    assert.ok(report.quotes.some((q) => q.text === '“The timbers are sound 😀 again.”'));
    assert.ok(quotes.some((a) => a.body[0].value === 'Unattributed quote: no speaker found' && a.target.selector[0].exact === '“Nobody asked us,”'));
  });

  it('a finding whose text left the page keeps its quote selector, built from the scan', async () => {
    await page.goto(`${env.url}x/unicode.html`);
    const got = await page.evaluate(async () => {
      const report = await window.factlens.scan({ panel: false });
      document.querySelector('article p').remove();
      const w3c = await window.factlens.export('w3c', { source: 'https://example.com/pier' });
      return { quote: report.quotes[0], items: w3c.items };
    });
    const gone = got.items.find((a) => a.target.selector[0].exact === got.quote.text);
    assert.deepEqual(gone.target.selector, [{
      type: 'TextQuoteSelector', exact: got.quote.text, prefix: got.quote.prefix, suffix: got.quote.suffix,
    }]);
    assert.ok(got.items.every((a) => a.target.source === 'https://example.com/pier'));
    assert.ok(got.items.filter((a) => a.target.selector.length === 2).length > 0, 'the rest keep their positions');
  });

  it('the ES module and the standalone build write the same annotations (their writer loads on first use)', async () => {
    const pages = {
      module: UNICODE_PAGE.replace('<script src="/dist/factlens.bundle.js"></script>', '').replace('</head>',
        '<script type="module">import * as f from "/dist/factlens.js"; window.fl = f;</script></head>'),
      standalone: UNICODE_PAGE.replace('factlens.bundle.js', 'factlens.standalone.js'),
    };
    const sans = (page) => page.items.map((a) => ({ ...a, id: '', created: '' }));
    let expected = null;
    for (const [name, html] of Object.entries(pages)) {
      writeFileSync(join(dir, `${name}.html`), html);
      await page.goto(`${env.url}x/${name}.html`);
      await page.waitForFunction(() => window.fl || window.factlens);
      const got = await page.evaluate(async () => {
        const f = window.fl || window.factlens;
        await f.scan({ panel: false });
        const scripts = () => performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /export/.test(u));
        const before = scripts();
        const w3c = await f.export('w3c', { source: 'https://example.com/pier' });
        return { w3c, before, after: scripts() };
      });
      assert.deepEqual(got.before, [], `${name}: nothing of export() loaded before it was called`);
      if (name === 'module') assert.match(got.after.join(), /\/dist\/factlens\.export\.mjs$/);
      else assert.deepEqual(got.after, [], 'standalone: the writer is inline');
      assert.ok(got.w3c.items.length >= 5, `${name}: ${got.w3c.items.length} annotations`);
      expected ??= sans(got.w3c);
      assert.deepEqual(sans(got.w3c), expected, `${name} writes what the module writes`);
    }
  });

  it('says what is wrong before a scan and for an unknown format', async () => {
    await page.goto(`${env.url}x/unicode.html`);
    const got = await page.evaluate(async () => {
      const attempt = (f) => f().then(() => 'no error', (e) => `${e.name}: ${e.message}`);
      return {
        early: await attempt(() => window.factlens.export('w3c')),
        format: await attempt(() => window.factlens.export('pdf')),
      };
    });
    assert.equal(got.early, 'Error: factlens: nothing to export yet: call scan() first');
    assert.match(got.format, /^TypeError: factlens: export\(\) knows "w3c" and "json", not "pdf"$/);
  });
});
