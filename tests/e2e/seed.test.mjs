// The seed golden test in the browser: a page built from ../shared/seed/article.txt (each
// non-empty line one <p>) must give the Report ../shared/seed/expected.json describes, and the
// same repeats, quotes and officials as the native CLI on the same text.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, it } from 'node:test';
import { ROOT, SHARED, missingShared, start, suite } from './harness.mjs';

const skip = missingShared('seed/article.txt', 'seed/expected.json');
const ARTICLE = join(SHARED, 'seed', 'article.txt');

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The article as a page: one <p> per non-empty line, trimmed as the CLI trims it. */
function seedPage(text) {
  const paragraphs = text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>seed</title></head>
<body><article>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article><script src="/dist/factlens.bundle.js"></script></body></html>`;
}

/** What the native CLI reports for the same text, with UTF-16 offsets. */
async function nativeReport() {
  const { stdout } = await promisify(execFile)(
    'cargo', ['run', '--quiet', '--bin', 'factlens', '--', 'analyze', '--offsets', 'utf16', ARTICLE],
    { cwd: ROOT, maxBuffer: 64 << 20, timeout: 15 * 60 * 1000 },
  );
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(`the CLI did not print a JSON Report: ${JSON.stringify(stdout.slice(0, 200))}`);
  }
}

suite('seed article in the browser', skip, () => {
  let env;
  let dir;
  let report;
  let expected;

  before(async () => {
    expected = JSON.parse(readFileSync(join(SHARED, 'seed', 'expected.json'), 'utf8'));
    dir = mkdtempSync(join(tmpdir(), 'factlens-seed-'));
    writeFileSync(join(dir, 'seed.html'), seedPage(readFileSync(ARTICLE, 'utf8')));
    env = await start({ '/gen/': dir });
    const page = await env.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.url}gen/seed.html`);
    report = await page.evaluate(() => factlens.scan());
    assert.deepEqual(errors, []);
  });
  after(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads one block per paragraph', () => {
    assert.equal(report.version, 1);
    assert.equal(report.offset_unit, 'utf16');
    assert.equal(report.blocks, expected.paragraphs);
  });

  it('finds the verbatim repeat groups', () => {
    const verbatim = report.repeats.filter((g) => g.kind === 'verbatim').map((g) => g.blocks);
    const want = expected.repeats.filter((g) => g.kind === 'verbatim').map((g) => g.paragraphs);
    assert.deepEqual(verbatim, want);
  });

  it('finds every quote segment, each resolved to its speaker', () => {
    // Each segment's text without its opening quote mark, cut to the expected start's length.
    const got = report.quotes.map((q, i) => ({
      paragraph: q.block,
      starts: q.text.replace(/^["“”„«»']\s*/, '').slice(0, expected.quotes[i]?.starts_with.length ?? 40),
      speaker: q.speaker_resolved,
    }));
    const want = expected.quotes.map((q) => ({
      paragraph: q.paragraph, starts: q.starts_with, speaker: q.speaker,
    }));
    assert.deepEqual(got, want);
    for (const not of expected.not_quotes) {
      assert.ok(!report.quotes.some((q) => q.block === not.paragraph), `no quote in ${not.paragraph}: ${not.why}`);
    }
  });

  it('finds the officials with their titles', () => {
    for (const want of expected.officials) {
      const got = report.officials.find((o) => o.name === want.name);
      assert.ok(got, `${want.name} not among ${report.officials.map((o) => o.name)}`);
      const titled = got.titles.some((t) => t === want.title || `${got.organisation} ${t}` === want.title);
      assert.ok(titled, `${want.name}: titles ${JSON.stringify(got.titles)} / ${got.organisation}, want ${want.title}`);
      if (want.country) assert.equal(got.country, want.country, `${want.name}: country`);
      assert.equal(got.quotes, want.quotes, `${want.name}: quotes attributed`);
      for (const form of want.mentions) {
        // "(Russian) President (Vladimir) Putin" stands for the optional words in brackets.
        const words = form.toLowerCase().replace(/[()]/g, '');
        const seen = got.mentions.some((m) => {
          const text = m.text.toLowerCase().replace(/[()]/g, '');
          return text.includes(words) || words.includes(text);
        });
        assert.ok(seen, `${want.name}: no mention like "${form}" in ${JSON.stringify(got.mentions.map((m) => m.text))}`);
      }
    }
  });

  it('anchors every finding to the exact text it names', async () => {
    // Each quote's text is what its offsets cut out of its block.
    const page = await env.newPage();
    await page.goto(`${env.url}gen/seed.html`);
    const mismatches = await page.evaluate(async () => {
      const r = await factlens.scan();
      const blocks = [...document.querySelectorAll('article p')].map((p) => p.textContent);
      const bad = [];
      for (const q of r.quotes) {
        if (blocks[q.block].slice(q.start, q.end) !== q.text) bad.push(q.text.slice(0, 40));
      }
      for (const o of r.officials) {
        for (const m of o.mentions) {
          if (blocks[m.block].slice(m.start, m.end) !== m.text) bad.push(m.text);
        }
      }
      return bad;
    });
    await page.context().close();
    assert.deepEqual(mismatches, []);
  });

  it('equals the native CLI Report', async () => {
    const native = await nativeReport();
    assert.equal(native.offset_unit, 'utf16');
    assert.deepEqual(
      { repeats: report.repeats, quotes: report.quotes, officials: report.officials },
      { repeats: native.repeats, quotes: native.quotes, officials: native.officials },
    );
  });
});
