// Reading a page and finding the way back: a page with emoji, CJK, combining marks, a lone
// surrogate, text split across inline elements, <br> line breaks, and hidden text. Every
// highlighted Range must cover exactly the text the Report names, and hidden text is never read.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { start, suite } from './harness.mjs';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>anchoring</title>
<style>.gone { display: none } .invisible { visibility: hidden }</style></head>
<body><main><article>
<h1>Bridge 🌉 vote in Nørdvik</h1>
<p>Mayor Ann Rivera 🇳🇴 opened the meeting. “We will <em>build</em> the 橋 bridge <a href="#">this year</a>,” Rivera said.</p>
<p>The café’s owner, whose name is spelled Zoe\u0301 with a combining accent, listened. “Nobody asked the harbour 👩‍👩‍👧 families,” she said.</p>
<p hidden>“This hidden paragraph must never be read,” Rivera said.</p>
<div class="gone">“Nor this display none text,” Rivera said.</div>
<p class="invisible">“Nor this invisible text either,” Rivera said.</p>
<p aria-hidden="true">“Nor this aria hidden text,” Rivera said.</p>
<template><p>“Nor this template text at all,” Rivera said.</p></template>
<noscript><p>“Nor this noscript text here,” Rivera said.</p></noscript>
<p>“The first line has a quote,” Rivera said.<br>“The second line has another,” she said.</p>
<p id="lone">placeholder</p>
<p>Rivera said the vote would be held in June.</p>
</article></main></body></html>`;

suite('anchoring', null, () => {
  let env;
  let dir;
  let page;
  let result;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factlens-anchor-'));
    writeFileSync(join(dir, 'anchor.html'), PAGE);
    env = await start({ '/gen/': dir });
    page = await env.newPage();
    await page.goto(`${env.url}gen/anchor.html`);
    await page.addScriptTag({ url: '/dist/factlens.bundle.js' });
    result = await page.evaluate(async () => {
      // A lone high surrogate before a quote (HTML cannot carry one; script can).
      document.getElementById('lone').firstChild.data = '\uD83D tail. “After a lone surrogate comes this,” Rivera said.';
      const report = await factlens.scan();
      const texts = (name) => [...(CSS.highlights.get(name) || [])].map((r) => r.toString());
      return {
        report,
        quote: texts('factlens-quote').concat(texts('factlens-unattributed')),
        speaker: texts('factlens-speaker'),
        official: texts('factlens-official'),
      };
    });
  });
  after(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never reads hidden, template or noscript text', () => {
    const all = JSON.stringify(result.report);
    assert.doesNotMatch(all, /must never be read|Nor this/);
  });

  it('ends a block at <br>', () => {
    const first = result.report.quotes.find((q) => q.text.includes('first line'));
    const second = result.report.quotes.find((q) => q.text.includes('second line'));
    assert.ok(first && second, JSON.stringify(result.report.quotes.map((q) => q.text)));
    assert.notEqual(first.block, second.block);
  });

  it('highlights exactly each quote’s text, across inline elements and non-BMP characters', () => {
    const want = result.report.quotes.map((q) => q.text).sort();
    assert.ok(want.length >= 5, JSON.stringify(want));
    assert.ok(want.some((t) => t.includes('橋') && t.includes('this year')));
    assert.ok(want.some((t) => t.includes('👩‍👩‍👧')));
    assert.ok(want.some((t) => t.startsWith('“After a lone surrogate')));
    assert.deepEqual(result.quote.sort(), want);
  });

  it('highlights exactly each speaker and official mention', () => {
    const speakers = result.report.quotes.filter((q) => q.speaker_span).map((q) => q.speaker);
    assert.deepEqual([...new Set(result.speaker)].sort(), [...new Set(speakers)].sort());
    const mentions = result.report.officials.flatMap((o) => o.mentions.map((m) => m.text));
    assert.deepEqual(result.official.sort(), mentions.sort());
  });
});
