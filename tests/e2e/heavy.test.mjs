// Heavy pages, in headless Chromium and Firefox: a 20 MB page of 100 000 paragraphs and one of
// 2 000 paragraphs of 10 000 characters. The page must stay responsive while factlens scans it:
// it reads the page in slices, shows its progress in the panel, analyses in a Web Worker (the
// page's own timers keep running meanwhile), and stops when cleared. The worker gives the same
// Report as the main thread, contains a panic of its core, is refused by a CSP without blob:
// workers (the analysis then runs on the main thread), and loads beside the shipped bundle and
// the ES module as their own files.
//
// Times are printed as diagnostics, not asserted: this machine is shared and noisy (the browser
// bench, `npm run bench:browser`, is where speed is measured).

import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { suite } from './harness.mjs';
import { BROWSERS, NO_TRACES as none, launch, missingBrowser, newPage, openBundle, serve, traces } from './browsers.mjs';
import { DIST } from './harness.mjs';
import { heavyPage } from './fixtures.mjs';

const SHIPPED = '<script src="/dist/factlens.bundle.js"></script>';
const MODULE = `<script type="module">
import { scan } from '/dist/factlens.js';
window.esmScan = scan({ panel: false, worker: true }).then(
  (r) => ({ offThread: r.offThread, quotes: r.quotes.length }), (e) => ({ error: e.message }));
</script>`;
/** A CSP that allows the widget's scripts and WebAssembly but no worker at all. */
const NO_WORKERS = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; worker-src 'none'";

// About 1 MB of text: over the size (500 000 characters) from which a worker is used by default.
const MEDIUM = heavyPage(5000, 200);
const withScript = (html, script) => html.replace('</body>', `${script}</body>`);

/** In the page: the panel's summary line (the open test copy's shadow root), or null. */
const summary = () => document.querySelector('factlens-overlay')?.shadowRoot?.querySelector('.summary')?.textContent ?? null;


for (const name of BROWSERS) {
  suite(`heavy pages in ${name}`, missingBrowser(name), () => {
    let server;
    let browser;
    let open;

    before(async () => {
      open = await openBundle();
      server = await serve({
        '/dist/': DIST,
        '/t/': {
          pages: {
            'paragraphs.html': () => heavyPage(100_000, 200),
            'long.html': () => heavyPage(2_000, 10_000),
            'medium.html': MEDIUM,
            'shipped.html': withScript(MEDIUM, SHIPPED),
            'module.html': withScript(MEDIUM, MODULE),
          },
        },
        '/csp/': { pages: { 'shipped.html': withScript(MEDIUM, SHIPPED) }, csp: NO_WORKERS },
      });
      browser = await launch(name);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** A page of the server with the open test copy of factlens, laid out and at rest. */
    async function loaded(file) {
      const p = await newPage(browser);
      await p.goto(`${server.url}t/${file}`, { timeout: 120_000 });
      await p.evaluate(open);
      await p.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
      return p;
    }

    /**
     * In the page: scans with `options` while the page's own 20 ms timer runs, recording the
     * panel's progress lines and how many ticks the timer got while the analysis ran.
     */
    const watchedScan = (options) => new Promise((resolve) => {
      let ticks = 0;
      let analysing = 0;
      let last = performance.now();
      let longest = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        ticks++;
        const text = document.querySelector('factlens-overlay')?.shadowRoot?.querySelector('.summary')?.textContent;
        if (text && text.startsWith('Analysing')) analysing++;
      }, 20);
      const t0 = performance.now();
      const scanning = factlens.scan(options);
      // Every line the panel's summary shows, as it changes.
      const line = document.querySelector('factlens-overlay').shadowRoot.querySelector('.summary');
      const seen = [line.textContent];
      const lines = new MutationObserver(() => seen[seen.length - 1] !== line.textContent && seen.push(line.textContent));
      lines.observe(line, { childList: true, characterData: true, subtree: true });
      scanning.then((r) => ({
        offThread: r.offThread, quotes: r.quotes.length, repeats: r.repeats.length, blocks: r.scope.texts.length,
        timings: r.timings,
      }), (e) => ({ error: e.message })).then((result) => {
        clearInterval(timer);
        lines.disconnect();
        resolve({ ...result, seen, ticks, analysing, longest: Math.round(longest), ms: Math.round(performance.now() - t0) });
      });
    });

    for (const [file, blocks, what] of [
      ['paragraphs.html', 100_002, '100 000 paragraphs (21 MB)'],
      ['long.html', 2_002, '2 000 paragraphs of 10 000 characters (20 MB)'],
    ]) {
      it(`scans ${what} in a worker, the page's timers running, progress in the panel`, async (t) => {
        const p = await loaded(file);
        const got = await p.evaluate(watchedScan, {});
        t.diagnostic(`${name} ${file}: scan ${got.ms} ms, longest wait of the page's timer ${got.longest} ms, ` +
          `timings ${JSON.stringify(got.timings)}`);
        assert.equal(got.error, undefined);
        assert.equal(got.blocks, blocks, 'every paragraph and the heading read');
        assert.equal(got.offThread, true, 'analysed in a worker');
        // A quote every 50 paragraphs, and paragraph 7 repeated at the end of the page.
        assert.ok(got.quotes >= Math.floor((blocks - 2) / 50), `${got.quotes} quotes`);
        assert.ok(got.repeats >= 1);
        // The progress the panel showed: the reading (in slices, so more than one line on
        // 100 000 paragraphs), then the analysis, then the findings.
        assert.ok(got.seen.some((s) => /^Reading: \d+ paragraphs$/.test(s)), got.seen.join(' | '));
        assert.ok(got.seen.includes(`Analysing ${blocks} paragraphs…`), got.seen.join(' | '));
        assert.doesNotMatch(await p.evaluate(summary), /^(Reading|Analysing|Loading)/);
        // While the worker analysed, the page's own timer kept firing (on the main thread the
        // one analysis call would have held it back for its whole length).
        assert.ok(got.analysing >= 5, `the page's timer fired ${got.analysing} times during the analysis`);
        await p.close();
      });
    }

    it('stops a scan cleared while its worker analyses: the scan rejects, the worker ends, nothing is left', async () => {
      const p = await loaded('paragraphs.html');
      // Chromium reports the page's workers over its protocol (WebDriver BiDi does not).
      const workers = { created: 0, destroyed: 0 };
      p.on('workercreated', () => workers.created++);
      p.on('workerdestroyed', () => workers.destroyed++);
      await p.evaluate(() => {
        window.recording = factlens.scan().then(() => 'resolved', (e) => e.message);
      });
      // Wait until the analysis runs in its worker, then clear.
      const started = () => (name === 'chromium' ? workers.created === 1 : true);
      for (let i = 0; i < 600 && !(/^Analysing/.test(await p.evaluate(summary) ?? '') && started()); i++) {
        await new Promise((done) => setTimeout(done, 100));
      }
      assert.match(await p.evaluate(summary), /^Analysing/);
      if (name === 'chromium') assert.deepEqual(workers, { created: 1, destroyed: 0 }, 'one worker analyses');
      await p.evaluate(() => factlens.clear());
      assert.match(await p.evaluate(() => window.recording), /^factlens: scan cancelled/);
      assert.deepEqual(await p.evaluate(traces), none);
      if (name === 'chromium') {
        for (let i = 0; i < 50 && !workers.destroyed; i++) await new Promise((done) => setTimeout(done, 100));
        assert.deepEqual(workers, { created: 1, destroyed: 1 }, 'the worker was ended');
      }
      // Nothing of the cancelled scan arrives later.
      await new Promise((done) => setTimeout(done, 500));
      assert.deepEqual(await p.evaluate(traces), none);
      await p.close();
    });

    it('stops a scan cleared while it reads the page', async () => {
      const p = await loaded('paragraphs.html');
      await p.evaluate(() => {
        window.recording = factlens.scan().then(() => 'resolved', (e) => e.message);
      });
      for (let i = 0; i < 600 && !/^Reading/.test(await p.evaluate(summary) ?? ''); i++) {
        await new Promise((done) => setTimeout(done, 20));
      }
      assert.match(await p.evaluate(summary), /^Reading: \d+ paragraphs$/);
      await p.evaluate(() => factlens.clear());
      assert.match(await p.evaluate(() => window.recording), /^factlens: scan cancelled/);
      await new Promise((done) => setTimeout(done, 300));
      assert.deepEqual(await p.evaluate(traces), none);
      await p.close();
    });

    it('gives the same Report from the worker as from the main thread', async () => {
      const p = await loaded('medium.html');
      const scanned = (worker) => p.evaluate(async (w) => {
        const r = await factlens.scan({ worker: w, panel: false, watch: false });
        return { offThread: r.offThread, report: JSON.stringify(r) };
      }, worker);
      const off = await scanned(undefined); // 1 MB: over the size from which a worker is used
      const on = await scanned(false);
      assert.equal(off.offThread, true);
      assert.equal(on.offThread, false);
      assert.ok(JSON.parse(on.report).quotes.length >= 100);
      assert.equal(off.report, on.report);
      // A small page stays on the main thread unless a worker is asked for.
      const small = await p.evaluate(async () => {
        const root = document.querySelector('article p');
        const a = await factlens.scan({ root, panel: false });
        const b = await factlens.scan({ root, panel: false, worker: true });
        return [a.offThread, b.offThread, JSON.stringify(a) === JSON.stringify(b)];
      });
      assert.deepEqual(small, [false, true, true]);
      await p.close();
    });

    it("contains a panic in the worker's core: a rejected scan, a message in the panel, the next scan works", async () => {
      const p = await loaded('medium.html');
      await p.evaluate(() => factlensInternals.panicNextWorker());
      const error = await p.evaluate(() => factlens.scan({ worker: true }).then(() => null, (e) => e.message));
      assert.match(error, /^factlens: analysis failed: internal error: [\s\S]*deliberate panic/);
      const alert = await p.evaluate(() => document.querySelector('factlens-overlay').shadowRoot.querySelector('[role=alert]')?.textContent);
      assert.equal(alert, error);
      // Only that worker's instance trapped: the next scans work, in a worker or not.
      const next = await p.evaluate(async () => [
        (await factlens.scan({ worker: true, panel: false })).quotes.length,
        (await factlens.scan({ worker: false, panel: false })).quotes.length,
      ]);
      assert.ok(next[0] >= 100 && next[0] === next[1], JSON.stringify(next));
      await p.close();
    });

    it('loads the worker beside the shipped bundle and the ES module, as their own files', async () => {
      for (const file of ['shipped.html', 'module.html']) {
        const p = await newPage(browser);
        await p.goto(`${server.url}t/${file}`, { timeout: 120_000 });
        const got = file === 'shipped.html'
          ? await p.evaluate(async () => {
            const r = await factlens.scan({ panel: false });
            return { offThread: r.offThread, quotes: r.quotes.length };
          })
          : await p.waitForFunction(() => window.esmScan, { timeout: 120_000 }).then(() => p.evaluate(() => window.esmScan));
        assert.equal(got.error, undefined, file);
        assert.equal(got.offThread, true, file);
        assert.ok(got.quotes >= 100, file);
        await p.close(); // the privacy check: only the widget's own files were requested
      }
    });

    it("analyses on the main thread where the page's CSP forbids workers", async () => {
      const p = await newPage(browser);
      await p.goto(`${server.url}csp/shipped.html`, { timeout: 120_000 });
      const got = await p.evaluate(async () => {
        const r = await factlens.scan({ worker: true });
        return { offThread: r.offThread, quotes: r.quotes.length };
      });
      assert.deepEqual(got, { offThread: false, quotes: got.quotes });
      assert.ok(got.quotes >= 100);
      await p.close();
    });
  });
}
