// The two builds of the core give identical Reports: WebAssembly and wasm2js (the fallback for
// pages whose CSP forbids WebAssembly). In Node on hard text (emoji, CJK, combining marks, lone
// surrogates), and in Chromium on the demo article, the seed article and every saved news page
// of ../shared/pages: the same page scanned with scan({ engine: 'wasm' }) and
// scan({ engine: 'wasm2js' }) must give the same Report.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { writeFixtures } from './fixtures.mjs';
import { DIST, ROOT, SHARED, missing, missingShared, start, suite } from './harness.mjs';

const TRICKY = [
  '😀 “Hello there,” said President Joe Smith of 日本. He added: “No.”',
  'Cafe\u0301 owner \uD800 “Lone surrogate,” she said. \uDC00',
  '“Never,” Foreign Minister Ana Silva told reporters. “Not once.”',
  '“Never,” Foreign Minister Ana Silva told reporters. “Not once.”',
  '',
  '   ',
  '«Guillemets», a dit le porte-parole. „Deutsch“, sagte Kanzler Max Muster.',
  '“An open quote that runs on',
  'and on to the next paragraph,” the spokesman said.',
];

describe('wasm and wasm2js in Node', () => {
  let wasm;
  let wasm2js;
  before(async () => {
    const broken = missing();
    if (broken) throw new Error(broken);
    const glue = await import(pathToFileURL(join(ROOT, 'build/wasm/factlens.js')).href);
    glue.initSync({ module: readFileSync(join(ROOT, 'build/wasm/factlens_bg.opt.wasm')) });
    wasm = glue;
    wasm2js = (await import(pathToFileURL(join(DIST, 'factlens.wasm2js.mjs')).href)).core;
  });

  it('give the same Report on hard text', () => {
    const a = wasm.analyzeBlocks(TRICKY);
    assert.ok(a.quotes.length >= 5 && a.officials.length >= 1 && a.repeats.length === 1, JSON.stringify(a).slice(0, 300));
    assert.deepEqual(wasm2js.analyzeBlocks(TRICKY), a);
  });

  it('give the same Report when the memory has to grow (a 300 KB page)', () => {
    // wasm2js grows memory differently from WebAssembly; the glue must still read the new memory.
    // Both start with 1.1 MB of memory; 300 KB of text makes them grow more than once.
    const blocks = [];
    for (let i = 0, n = 0; n < 3e5; i++) {
      blocks.push(`${TRICKY[i % TRICKY.length]} Paragraph ${i}, by Minister Ana Silva's office: ${'words and more words '.repeat(i % 40)}`);
      n += blocks[i].length;
    }
    const a = wasm.analyzeBlocks(blocks);
    const b = wasm2js.analyzeBlocks(blocks);
    assert.ok(a.quotes.length > 300 && a.quotes.every((q) => q.text.length > 0), `${a.quotes.length} quotes`);
    assert.deepEqual(b, a);
  });

  it('give the same Report on the seed article', { skip: missingShared('seed/article.txt') ?? false }, () => {
    const lines = readFileSync(join(SHARED, 'seed/article.txt'), 'utf8').split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
    assert.deepEqual(wasm2js.analyzeBlocks(lines), wasm.analyzeBlocks(lines));
  });

  it('refuse bad input with the same message', () => {
    const message = (core) => {
      try {
        core.analyzeBlocks(['ok', 42]);
      } catch (e) {
        return e.message;
      }
      return 'no error';
    };
    assert.match(message(wasm), /block 1 is not a string/);
    assert.equal(message(wasm2js), message(wasm));
  });
});

const pagesSkip = missingShared('pages');
const shared = pagesSkip ? [] : readdirSync(join(SHARED, 'pages'))
  .filter((f) => f.endsWith('.html') && !f.endsWith('.expected.html'))
  .sort();

suite('wasm and wasm2js in Chromium', null, () => {
  let env;
  let fixtures;
  let page;
  let source;
  before(async () => {
    fixtures = writeFixtures();
    source = readFileSync(join(DIST, 'factlens.standalone.js'), 'utf8');
    env = await start({ '/fixtures/': fixtures.dir, ...(pagesSkip ? {} : { '/pages/': join(SHARED, 'pages') }) });
    page = await env.newPage({ pageScripts: false });
  });
  after(async () => {
    await env?.close();
    fixtures?.remove();
  });

  const both = async (url, t) => {
    await page.goto(url, { waitUntil: 'load', timeout: 60000 });
    await page.evaluate(() => document.querySelector('style#chartbeat-flicker-control-style')?.remove());
    await page.evaluate(source);
    const got = await page.evaluate(async () => {
      const out = {};
      for (const engine of ['wasm', 'wasm2js']) {
        const r = await window.factlens.scan({ engine, panel: false, highlight: false });
        out[engine] = { engine: r.engine, ms: r.timings.analyze, report: JSON.parse(JSON.stringify(r)) };
      }
      return out;
    });
    t.diagnostic(`blocks ${got.wasm.report.blocks}; analyse: wasm ${got.wasm.ms} ms, wasm2js ${got.wasm2js.ms} ms`);
    assert.equal(got.wasm.engine, 'wasm');
    assert.equal(got.wasm2js.engine, 'wasm2js');
    assert.ok(got.wasm.report.blocks > 0, 'no text read');
    assert.deepEqual(got.wasm2js.report, got.wasm.report);
  };

  it('the demo article', (t) => both(`${env.url}fixtures/demo.html`, t));
  it('the seed article', { skip: missingShared('seed/article.txt') ?? false }, (t) => both(`${env.url}fixtures/seed.html`, t));
  for (const file of shared) {
    it(`../shared/pages/${file}`, (t) => both(`${env.url}pages/${encodeURIComponent(file)}`, t));
  }
});
