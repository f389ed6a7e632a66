// Repeated paragraphs in the browser, on a generated page with page furniture: repeats in the
// article are listed first and those only in navigation, asides, footers or link lists are
// folded; an edited copy shows the words that changed; a reworded quote is flagged as drift;
// compatibility forms (full-width letters, ligatures) repeat as their plain forms, by the
// browser's own NFKC; page text reaches the panel only as text; and the Report's repeats and
// quote drift equal the native CLI's for the same blocks.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, it } from 'node:test';
import { ROOT, clickPanelButton, panelOutline, panelSections, start, suite } from './harness.mjs';

const P3 = 'The crossing’s two landing stages were badly damaged in the October storm, when waves tore the northern pontoon from its moorings.';
const P4 = 'Engineers wrote <img src=x onerror="window.pwned=1"> in the report on the northern pontoon, the harbour authority said on Monday.';
const P4_EDITED = P4.replace('Engineers', 'Inspectors').replace('Monday', 'Sunday');
const RELATED = 'Harbour festival moves inland for a second summer as the pier stays closed';
const READ_MORE = 'Council approves the budget for the new ferry terminal after a long debate';

/** The page, block by block in document order: [container, text, link?]. */
const BLOCKS = [
  ['nav', 'Home', true],
  ['nav', 'Politics', true],
  ['article-list', READ_MORE, true],
  ['article', 'Ferries will return to the harbour crossing by April, the governor said on Tuesday, ending a five-month closure.'],
  ['article', '“We owe the people of this coast a crossing they can rely on, not another promise,” Mayor Ann Rivera said at the briefing.'],
  ['article', P3],
  ['article', P4],
  ['article', '\uFF34\uFF48\uFF45 \uFB01nal sailing leaves at nine.'],
  ['article', P3],
  ['article', P4_EDITED],
  ['article', '“We owe the people of this coast a crossing they can trust, not more promises,” Rivera said.'],
  ['article', 'The final sailing leaves at nine.'],
  ['article-list', READ_MORE, true],
  ['aside', RELATED, true],
  ['footer', '© 2031 The Port Alder Courier. All rights reserved.'],
  ['footer-nav', 'Home', true],
  ['footer-nav', 'Politics', true],
  ['footer-list', RELATED, true],
];

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function pageHtml() {
  const wrap = {
    nav: ['<header><nav><ul>', '</ul></nav></header>', 'li'],
    article: ['', '', 'p'],
    'article-list': ['<ul class="read-more">', '</ul>', 'li'],
    aside: ['<aside><ul>', '</ul></aside>', 'li'],
    footer: ['', '', 'p'],
    'footer-nav': ['<nav><ul>', '</ul></nav>', 'li'],
    'footer-list': ['<ul>', '</ul>', 'li'],
  };
  let body = '';
  let open = null;
  let inArticle = false;
  let inFooter = false;
  for (const [where, text, link] of BLOCKS) {
    const article = where.startsWith('article');
    const footer = where.startsWith('footer');
    if (where !== open && open) body += wrap[open][1];
    if (inArticle && !article) body += '</article>';
    if (!inArticle && article) body += '<article>';
    if (!inFooter && footer) body += '<footer>';
    inArticle = article;
    inFooter = footer;
    if (where !== open) body += wrap[where][0];
    open = where;
    const tag = wrap[where][2];
    const inner = link ? `<a href="#">${escapeHtml(text)}</a>` : escapeHtml(text);
    body += `<${tag}>${inner}</${tag}>`;
  }
  body += `${wrap[open][1]}${inFooter ? '</footer>' : ''}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>repeats</title></head>
<body>${body}<script src="/dist/factlens.bundle.js"></script></body></html>`;
}

/** The native CLI's Report for the same blocks (one per line), with UTF-16 offsets. */
async function nativeReport(dir) {
  const file = join(dir, 'blocks.txt');
  writeFileSync(file, BLOCKS.map((b) => b[1]).join('\n'));
  const { stdout } = await promisify(execFile)(
    'cargo', ['run', '--quiet', '--bin', 'factlens', '--', 'analyze', '--offsets', 'utf16', file],
    { cwd: ROOT, maxBuffer: 64 << 20, timeout: 15 * 60 * 1000 },
  );
  return JSON.parse(stdout);
}

/** The panel's disclosure (summary) named `name`, as an accessibility node. */
async function disclosure(page, name) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.find((n) => !n.ignored && n.name?.value === name && n.role?.value === 'DisclosureTriangle');
  } finally {
    await cdp.detach();
  }
}

suite('repeats on a page with furniture', null, () => {
  let env;
  let dir;
  let page;
  let report;
  const errors = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factlens-repeats-'));
    writeFileSync(join(dir, 'repeats.html'), pageHtml());
    env = await start({ '/gen/': dir });
    page = await env.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.url}gen/repeats.html`);
    report = await page.evaluate(() => factlens.scan({ root: document.body }));
    // The body spans the window, so the panel starts hidden rather than cover it: show it.
    await page.keyboard.press('Alt+Shift+KeyF');
  });
  after(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads one block per paragraph and list item', () => {
    assert.deepEqual(errors, []);
    assert.equal(report.blocks, BLOCKS.length);
  });

  it('groups verbatim, edited and compatibility-form copies, and marks page furniture', () => {
    const got = report.repeats.map((g) => ({ blocks: g.blocks, kind: g.kind, furniture: g.furniture }));
    assert.deepEqual(got, [
      { blocks: [0, 15], kind: 'verbatim', furniture: true }, // nav / footer nav
      { blocks: [1, 16], kind: 'verbatim', furniture: true },
      { blocks: [2, 12], kind: 'verbatim', furniture: true }, // a link-dense list in the article
      { blocks: [5, 8], kind: 'verbatim', furniture: false },
      { blocks: [6, 9], kind: 'edited', furniture: false },
      { blocks: [7, 11], kind: 'verbatim', furniture: false }, // full-width + ligature = plain
      { blocks: [13, 17], kind: 'verbatim', furniture: true }, // aside / footer list
    ]);
    const edited = report.repeats.find((g) => g.kind === 'edited');
    const [c] = edited.changes;
    assert.deepEqual([c.block, c.inserted.map((r) => r.text), c.deleted.map((r) => r.text)],
      [9, ['Inspectors', 'Sunday'], ['Engineers', 'Monday']]);
    // Offsets are UTF-16 offsets into the blocks.
    const texts = BLOCKS.map((b) => b[1]);
    for (const r of [...c.inserted, ...c.deleted]) assert.equal(texts[r.block].slice(r.start, r.end), r.text);
  });

  it('flags the reworded quote as drift', () => {
    assert.equal(report.quote_drift.length, 1);
    const [d] = report.quote_drift;
    assert.equal(d.speaker, 'Ann Rivera');
    assert.deepEqual(d.quotes.map((i) => report.quotes[i].block), [4, 10]);
    assert.deepEqual(d.inserted.map((r) => r.text), ['trust', 'more promises']);
    assert.deepEqual(d.deleted.map((r) => r.text), ['rely on', 'another promise']);
  });

  it('lists article repeats first and folds the furniture', async () => {
    const outline = await panelOutline(page);
    const names = outline.map((e) => e.name);
    const fold = names.indexOf('In page furniture (4)');
    assert.ok(fold > 0, `no folded furniture in: ${names.join(' | ')}`);
    const before = names.slice(0, fold).join(' | ');
    assert.match(before, /The crossing’s two landing stages/);
    assert.match(before, /edited, \d+% similar/);
    assert.match(before, /Copy 2 \(\d+%\): added Inspectors Sunday removed Engineers Monday/);
    // Folded: the furniture repeats are not shown (nor read out) until the fold is opened.
    assert.doesNotMatch(names.join(' | '), /Harbour festival moves inland/);
    const summary = await disclosure(page, 'In page furniture (4)');
    assert.ok(summary, 'the fold is a disclosure widget');
    await clickPanelButton(page, summary.backendDOMNodeId);
    const opened = (await panelOutline(page)).map((e) => e.name).join(' | ');
    assert.match(opened, /Harbour festival moves inland/);
    assert.match(opened, /Council approves the budget/);
  });

  it('shows quote drift with the changed words', async () => {
    const sections = panelSections(await panelOutline(page));
    const drift = sections['quote drift'];
    assert.ok(drift, `sections: ${Object.keys(sections)}`);
    const text = drift.entries.map((e) => e.name).join(' | ');
    assert.match(text, /Ann Rivera/);
    assert.match(text, /added trust more promises removed rely on another promise/);
  });

  it('shows page text as text, never as markup', async () => {
    const text = (await panelOutline(page)).map((e) => e.name).join(' | ');
    assert.match(text, /Engineers wrote <img src=x onerror="window\.pwned=1"> in the report/);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
  });

  it('equals the native CLI on repeats and quote drift', async () => {
    const native = await nativeReport(dir);
    const strip = (groups) => groups.map(({ furniture, ...rest }) => rest);
    assert.deepEqual(strip(report.repeats), strip(native.repeats));
    assert.deepEqual(report.quote_drift, native.quote_drift);
    assert.ok(native.repeats.every((g) => g.furniture === false), 'the CLI has no furniture hints');
  });
});
