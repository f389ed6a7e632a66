// Pages for the bookmarklet, CSP, engine and export tests, written to a temporary folder at run
// time: the demo article without its scripts and with its stylesheet moved to a file (so that no
// policy in the matrix changes how it renders, and a Report under one policy can equal the
// Report under another), and the seed article from ../shared when it is there.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SHARED } from './harness.mjs';

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The demo article (www/index.html) as a page with no script and no inline style. */
export function demoPage() {
  const html = readFileSync(join(ROOT, 'www', 'index.html'), 'utf8');
  const css = html.match(/<style>([\s\S]*?)<\/style>/)[1];
  const page = html
    .replace(/<style>[\s\S]*?<\/style>/, '<link rel="stylesheet" href="demo.css">')
    .replace(/<script\b[\s\S]*?<\/script>\s*/g, '');
  return { html: page, css };
}

/** ../shared/seed/article.txt as a page (one <p> per non-empty line), or null when absent. */
export function seedPage() {
  let text;
  try {
    text = readFileSync(join(SHARED, 'seed', 'article.txt'), 'utf8');
  } catch {
    return null;
  }
  const paragraphs = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>seed</title></head>
<body><article>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></body></html>`;
}

/**
 * Writes demo.html, demo.css, demo-esm.html + esm.js, and (when ../shared is there) seed.html
 * into a new temp folder.
 * Returns { dir, pages: ['demo', 'seed'?], remove() }.
 */
export function writeFixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'factlens-fixtures-'));
  const demo = demoPage();
  writeFileSync(join(dir, 'demo.html'), demo.html);
  writeFileSync(join(dir, 'demo.css'), demo.css);
  // The demo again, embedded by its own page as an ES module (dist/factlens.js) that scans on load.
  writeFileSync(join(dir, 'demo-esm.html'), demo.html.replace('</body>', '<script type="module" src="esm.js"></script></body>'));
  writeFileSync(join(dir, 'esm.js'), `import { scan } from '/dist/factlens.js';
window.esmScan = scan({ panel: false }).then(
  (r) => ({ engine: r.engine, report: JSON.parse(JSON.stringify(r)) }),
  (e) => ({ error: String(e && e.message) }),
);
`);
  const pages = ['demo'];
  const seed = seedPage();
  if (seed) {
    writeFileSync(join(dir, 'seed.html'), seed);
    pages.push('seed');
  }
  return { dir, pages, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The script a javascript: URL runs: the browser percent-decodes everything after the scheme. */
export function bookmarkletCode(href) {
  if (!href.startsWith('javascript:')) throw new Error(`not a bookmarklet: ${href.slice(0, 40)}`);
  return decodeURIComponent(href.slice('javascript:'.length));
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vel', 'dor', 'pe', 'qui', 'ban', 'zo', 'ti', 'mar', 'nu', 'fe'];
const WORDS = ['minister', 'council', 'budget', 'river', 'school', 'harbour', 'plan', 'vote', 'report', 'city',
  'street', 'market', 'energy', 'water', 'court', 'police', 'hospital', 'road', 'rail', 'tax'];

/** Paragraph `i` of a generated page: about `length` characters of made-up words, distinct per i. */
export function heavyParagraph(i, length) {
  let s = `Paragraph ${i}: `;
  let k = i + 1;
  while (s.length < length) {
    k = (Math.imul(k, 1103515245) + 12345 + i) >>> 0;
    s += (k % 5 === 0 ? WORDS[(k >>> 12) % 20] : SYLLABLES[k & 15] + SYLLABLES[(k >>> 4) & 15] + SYLLABLES[(k >>> 8) & 15]) +
      ((k >>> 16) % 9 === 0 ? '. ' : ' ');
  }
  // A quote every 50 paragraphs, so that every stage has work.
  if (i % 50 === 0) s += ` “We will fix the ${WORDS[i % 20]} by spring,” said Mayor Ruth Castellano.`;
  return s;
}

/**
 * A generated news page of `paragraphs` paragraphs of about `length` characters each, with a
 * quote every 50 paragraphs and paragraph 7 repeated at the end.
 */
export function heavyPage(paragraphs, length) {
  const ps = [];
  for (let i = 0; i < paragraphs; i++) ps.push(`<p>${heavyParagraph(i, length)}</p>`);
  ps.push(`<p>${heavyParagraph(7, length)}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>heavy</title></head>
<body><article><h1>A long story</h1>
${ps.join('\n')}
</article></body></html>`;
}
