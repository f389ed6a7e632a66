// Dynamic pages, in headless Chromium and headless Firefox: after scan(), the page changes the
// way news sites change — a framework re-renders a paragraph, an editor's fix lands, infinite
// scroll appends more story, a single-page app swaps the article, a paragraph is hidden — and
// the highlights and the panel must follow, through the debounced MutationObserver, while
// factlens's own changes trigger nothing. Each change is waited for through scan's onUpdate.

import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { suite } from './harness.mjs';
import {
  BROWSERS, demoArticle, expectedCounts, highlightCounts, launch, missingBrowser, newPage, openBundle, serve,
} from './browsers.mjs';

for (const name of BROWSERS) {
  suite(`dynamic pages in ${name}`, missingBrowser(name), () => {
    let server;
    let browser;
    let page;

    before(async () => {
      server = await serve({ '/gen/': { pages: { 'demo.html': () => demoArticle() } } });
      browser = await launch(name);
      page = await newPage(browser);
      await page.goto(`${server.url}gen/demo.html`);
      await page.evaluate(await openBundle());
      await page.evaluate(`window.expectedCounts = ${expectedCounts}; window.highlightCounts = ${highlightCounts};`);
      await page.evaluate(async () => {
        window.updates = [];
        window.first = await factlens.scan({ onUpdate: (r) => updates.push(r) });
        window.latest = () => updates.at(-1) || first;
        window.para = (text) => [...document.querySelectorAll('p')].find((p) => p.textContent.includes(text));
        // Every quote highlight covers a quote's exact text in the page as it is now.
        window.anchored = () => {
          const texts = new Set(latest().quotes.map((q) => q.text));
          const ranges = ['quote', 'unattributed'].flatMap((k) => [...(CSS.highlights.get(`factlens-${k}`) || [])]);
          return ranges.filter((r) => !texts.has(r.toString()) || !r.startContainer.isConnected).map((r) => r.toString());
        };
      });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Runs `change` in the page and waits for the update it causes. */
    async function change(fn) {
      const n = await page.evaluate(() => updates.length);
      await page.evaluate(fn);
      await page.waitForFunction((k) => updates.length > k, { timeout: 10000 }, n);
      return page.evaluate(() => ({
        counts: highlightCounts(), want: expectedCounts(latest()), misplaced: anchored(),
        same: latest() === first, how: latest().scope.how,
      }));
    }

    it('finds a quote again by its text: exact where it was, else in its block, else by prefix and suffix', async () => {
      const got = await page.evaluate(() => {
        const { relocate } = factlensInternals;
        const blocks = [
          '“We sail at dawn,” Marsh said on Monday.',
          'Later, Okafor repeated it: “We sail at dawn,” he said, and left.',
          'Both said it twice: “We sail at dawn,” then once more “We sail at dawn,” to the crowd.',
        ].map((text) => ({ text }));
        const exact = '“We sail at dawn,”';
        return {
          where: relocate(blocks, { exact, block: 1, start: 27 }),
          moved: relocate(blocks, { exact, block: 1, start: 3 }),
          byContext: relocate(blocks, { exact, prefix: 'repeated it: ', suffix: ' he said', block: 7, start: 0 }),
          inBlock: relocate(blocks, { exact, prefix: 'then once more ', suffix: ' to the crowd.', block: 2, start: 0 }),
          gone: relocate(blocks, { exact: '“We stay ashore,”', block: 0, start: 0 }),
        };
      });
      assert.deepEqual(got, {
        where: { block: 1, start: 27, end: 45 },
        moved: { block: 1, start: 27, end: 45 },
        byContext: { block: 1, start: 27, end: 45 },
        inBlock: { block: 2, start: 54, end: 72 },
        gone: null,
      });
    });

    it('re-anchors a re-rendered paragraph (same text) without analysing again', async () => {
      const got = await change(() => {
        const p = para('We owe the people');
        p.replaceWith(p.cloneNode(true));
      });
      assert.equal(got.same, true, 'the same Report, anchored again');
      assert.deepEqual(got.counts, got.want);
      assert.deepEqual(got.misplaced, []);
      assert.ok(await page.evaluate(() => [...CSS.highlights.get('factlens-quote')]
        .some((r) => para('We owe the people').contains(r.startContainer))), 'the highlight is in the new paragraph');
    });

    it('follows a quote when text is inserted before it', async () => {
      const got = await change(() => {
        const p = para('The money is already set aside');
        p.insertBefore(document.createTextNode('Late on Tuesday, in a statement: '), p.firstChild);
      });
      assert.equal(got.same, false, 'the text changed: analysed again');
      assert.deepEqual(got.counts, got.want);
      assert.deepEqual(got.misplaced, []);
    });

    it('reads what infinite scroll appends, batch after batch', async () => {
      const before = await page.evaluate(() => latest().blocks);
      for (const [i, text] of [
        '“We will be ready on the first morning,” Deputy Mayor Ida Brandt said.',
        'Brandt said crews had trained on the rebuilt stages for three weeks.',
        '“Nobody will be left on the quay,” Brandt said.',
      ].entries()) {
        const got = await change(new Function(`
          const p = document.createElement('p');
          p.textContent = ${JSON.stringify(text)};
          document.querySelector('article').append(p);`));
        assert.deepEqual(got.counts, got.want, `batch ${i + 1}`);
        assert.deepEqual(got.misplaced, []);
      }
      const end = await page.evaluate(() => ({
        blocks: latest().blocks,
        brandt: latest().quotes.filter((q) => q.speaker_resolved === 'Ida Brandt').length,
        listed: [...document.querySelector('factlens-overlay').shadowRoot.querySelectorAll('h4')].map((h) => h.textContent),
      }));
      assert.equal(end.blocks, before + 3);
      assert.equal(end.brandt, 2);
      assert.ok(end.listed.includes('Ida Brandt (2)'), JSON.stringify(end.listed));
    });

    it('drops a paragraph that is hidden', async () => {
      const got = await change(() => { para('Bring back our boat').hidden = true; });
      assert.equal(got.counts.unattributed, 0);
      assert.deepEqual(got.counts, got.want);
    });

    it('ignores its own changes and changes outside the article', async () => {
      const n = await page.evaluate(() => updates.length);
      await page.evaluate(() => {
        const root = document.querySelector('factlens-overlay').shadowRoot;
        root.querySelector('[data-key=s-quotes]').click();
        root.querySelector('[data-key=toggle]').click();
        root.querySelector('[data-key=toggle]').click();
        document.head.append(Object.assign(document.createElement('meta'), { name: 'x-probe' }));
        document.querySelector('.site-footer p').append(' Updated.');
      });
      // Longer than the observer's debounce (300 ms) and its longest wait (1.5 s).
      await new Promise((done) => setTimeout(done, 2000));
      assert.equal(await page.evaluate(() => updates.length), n);
    });

    it('finds the article again when a single-page app replaces it', async () => {
      const got = await change(() => {
        const next = document.createElement('article');
        next.innerHTML = '<h1>Night buses to run all summer</h1>' +
          '<p>Night buses will keep running until September, City Hall spokeswoman Dana Whitfield said on Friday, after the ferry timetable was set.</p>' +
          '<p>“The late crossings will not be ready before autumn, so the buses stay,” Whitfield said.</p>' +
          '<p>Drivers’ overtime is paid from the city’s transport reserve, which has about $2 million left.</p>';
        document.querySelector('article').replaceWith(next);
      });
      const now = await page.evaluate(() => ({
        root: latest().scope.root === document.querySelector('article'),
        quotes: latest().quotes.map((q) => q.speaker_resolved),
      }));
      assert.equal(now.root, true);
      assert.deepEqual(now.quotes, ['Dana Whitfield']);
      assert.deepEqual(got.counts, got.want);
      assert.deepEqual(got.misplaced, []);
      assert.deepEqual(page.problems, []);
    });
  });
}
