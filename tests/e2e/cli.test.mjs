// The headless `factlens check` command (bin/factlens.mjs): local files and folders through its
// 127.0.0.1 server, third parties blocked unless --allow-network, a readable summary, --json
// (the same Report the browser gives), --format w3c, --fail-on exit status, --jobs keeping the
// order, the progress bar, and clear failures. Every page it loads is local.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, it } from 'node:test';
import { demoPage } from './fixtures.mjs';
import { CHROMIUM, ROOT, SHARED, missingShared, start, suite } from './harness.mjs';

const BIN = join(ROOT, 'bin', 'factlens.mjs');

/** Runs the CLI; resolves to { code, stdout, stderr }. */
function factlens(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, FACTLENS_BROWSER: CHROMIUM },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const lines = (s) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l));

// Invented pages.
const CLEAN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clean story</title></head><body><article>
<p>The ferry will sail again in April, Governor Elena Marsh said on Monday.</p>
<p>“We owe the coast a crossing it can rely on,” Marsh said.</p>
</article></body></html>`;
const messy = (thirdParty) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Messy story</title>
<link rel="stylesheet" href="${thirdParty}style.css"><script src="${thirdParty}tracker.js"></script></head><body><article>
<p>The bridge will stay shut until the autumn, officials said.</p>
<p>“Bring back our bridge,” was painted on a banner at the protest.</p>
<p>Also read: Council votes on the harbour budget</p>
<p>Repairs are expected to cost more than the council had hoped.</p>
<p>Also read: Council votes on the harbour budget</p>
<img src="${thirdParty}pixel.png" alt="">
</article></body></html>`;

suite('factlens check (CLI)', null, () => {
  let dir;
  let thirdParty; // another origin: what a page would load from other sites
  let hits = 0;
  before(async () => {
    thirdParty = createServer((req, res) => {
      hits += 1;
      res.writeHead(404).end();
    });
    await new Promise((r) => thirdParty.listen(0, '127.0.0.1', r));
    dir = mkdtempSync(join(tmpdir(), 'factlens-cli-'));
    const demo = demoPage();
    writeFileSync(join(dir, 'demo.html'), demo.html);
    writeFileSync(join(dir, 'demo.css'), demo.css);
    writeFileSync(join(dir, 'clean.html'), CLEAN);
    writeFileSync(join(dir, 'messy.html'), messy(`http://127.0.0.1:${thirdParty.address().port}/`));
  });
  after(() => {
    thirdParty?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const at = (f) => join(dir, f);

  it('prints a readable summary per page', async () => {
    const { code, stdout, stderr } = await factlens(['check', at('clean.html'), at('messy.html')]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /clean\.html — Clean story\n {2}\d+ blocks · 0 repeated paragraphs · 1 quote · 1 official · \d+ ms\n/);
    assert.match(stdout, /Elena Marsh \(1\):\n {6}“We owe the coast a crossing it can rely on,”/);
    assert.match(stdout, /Elena Marsh — Governor \(2 mentions, 1 quote\)/);
    assert.match(stdout, /messy\.html — Messy story\n.*1 repeated paragraph · 1 quote, 1 unattributed/);
    assert.match(stdout, /×2 “Also read: Council votes on the harbour budget” \(blocks \d+, \d+\)/);
    assert.match(stdout, /Unattributed \(1\):\n {6}“Bring back our bridge,”/);
    assert.ok(stdout.indexOf('clean.html') < stdout.indexOf('messy.html'), 'in the order given');
    assert.match(stderr, /^factlens check: 2 pages in [\d.]+ s \(--jobs \d+\)\n$/m);
  });

  it('blocks third-party requests unless --allow-network', async () => {
    hits = 0;
    const blocked = await factlens(['check', at('messy.html')]);
    assert.equal(blocked.code, 0, blocked.stderr);
    assert.equal(hits, 0, 'nothing reached the other origin');
    assert.match(blocked.stdout, /blocked 3 requests to other sites \(--allow-network lets them through\)/);
    const open = await factlens(['check', '--allow-network', at('messy.html')]);
    assert.equal(open.code, 0, open.stderr);
    assert.ok(hits >= 3, `the other origin saw ${hits} requests`);
    assert.doesNotMatch(open.stdout, /blocked/);
  });

  it('--json gives one Report per line, the same Report the page gives in a browser', async () => {
    const { code, stdout, stderr } = await factlens(['check', '--json', at('demo.html'), at('clean.html')]);
    assert.equal(code, 0, stderr);
    const [demo, clean] = lines(stdout);
    assert.equal(demo.page, at('demo.html'));
    assert.equal(clean.page, at('clean.html'));
    assert.equal(clean.version, 1);

    const env = await start({ '/x/': dir });
    try {
      const page = await env.newPage();
      await page.goto(`${env.url}x/demo.html`);
      await page.addScriptTag({ url: '/dist/factlens.bundle.js' });
      const inBrowser = await page.evaluate(async () => JSON.parse(JSON.stringify(await window.factlens.scan())));
      const { page: _, ...report } = demo;
      assert.deepEqual(report, inBrowser);
    } finally {
      await env.close();
    }
  });

  it('--fail-on sets the exit status and says why', async () => {
    assert.equal((await factlens(['check', '--fail-on', 'repeats', at('clean.html')])).code, 0);
    const repeats = await factlens(['check', '--fail-on', 'repeats', at('messy.html')]);
    assert.equal(repeats.code, 1);
    assert.match(repeats.stdout, /FAIL: repeats \(--fail-on\)/);
    const both = await factlens(['check', '--fail-on', 'repeats,unattributed', at('clean.html'), at('messy.html')]);
    assert.equal(both.code, 1);
    assert.match(both.stdout, /FAIL: repeats, unattributed/);
    assert.match(both.stderr, /1 failing --fail-on repeats,unattributed/);
    assert.equal((await factlens(['check', '--fail-on', 'unattributed', '--json', at('messy.html')])).code, 1);
  });

  it('--jobs 2 prints the same, in the same order, as --jobs 1; folders are read', async () => {
    const one = await factlens(['check', '--json', '--jobs', '1', dir]);
    const two = await factlens(['check', '--json', '--jobs', '2', dir]);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(two.code, 0, two.stderr);
    const pages = lines(one.stdout).map((r) => r.page);
    assert.deepEqual(pages, ['clean.html', 'demo.html', 'messy.html'].map((f) => join(dir, f)));
    assert.deepEqual(lines(two.stdout), lines(one.stdout));
  });

  it('--progress draws a bar on stderr', async () => {
    const { code, stderr } = await factlens(['check', '--json', '--progress', at('clean.html'), at('messy.html')]);
    assert.equal(code, 0);
    assert.match(stderr, /\r\[#{12}\.{12}\] 1\/2 pages · \w+\.html/);
    assert.match(stderr, /\r\[#{24}\] 2\/2 pages/);
  });

  it('--format w3c gives one AnnotationPage per line, targeting the file', async () => {
    const { code, stdout, stderr } = await factlens(['check', '--format', 'w3c', at('messy.html')]);
    assert.equal(code, 0, stderr);
    const [annotations] = lines(stdout);
    assert.equal(annotations.type, 'AnnotationPage');
    assert.ok(annotations.items.length >= 3);
    const source = pathToFileURL(at('messy.html')).href;
    assert.ok(annotations.items.every((a) => a.target.source === source));
    const exact = annotations.items.map((a) => a.target.selector[0].exact);
    assert.ok(exact.includes('“Bring back our bridge,”'), JSON.stringify(exact));
  });

  it('fails clearly: a missing file, a bad option, no browser', async () => {
    const missing = await factlens(['check', '--json', at('clean.html'), at('nowhere.html')]);
    assert.equal(missing.code, 3);
    const [ok, gone] = lines(missing.stdout);
    assert.equal(ok.version, 1);
    assert.deepEqual(gone, { page: at('nowhere.html'), error: 'no such file or folder' });

    const bad = await factlens(['check', '--fail-on', 'typos', at('clean.html')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fail-on knows repeats, unattributed, not typos/);
    assert.match(bad.stderr, /Usage: factlens check/);

    const none = await factlens(['check', '--browser', '/nonexistent/chromium', at('clean.html')]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /cannot start the browser at \/nonexistent\/chromium/);

    const help = await factlens(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--fail-on LIST/);
  });

  const pagesSkip = missingShared('pages');
  it('checks every page of ../shared/pages in one command', { skip: pagesSkip ?? false }, async (t) => {
    const files = readdirSync(join(SHARED, 'pages')).filter((f) => f.endsWith('.html'));
    const { code, stdout, stderr } = await factlens(['check', '--json', '--jobs', '2', join(SHARED, 'pages')]);
    t.diagnostic(stderr.trim());
    assert.equal(code, 0, stderr);
    const reports = lines(stdout);
    assert.equal(reports.length, files.length);
    assert.deepEqual(reports.filter((r) => r.error), []);
    assert.ok(reports.every((r) => r.version === 1));
  });
});
