// The overlay on the demo article, in headless Chromium and headless Firefox: the panel's
// sections, counts, chart and live announcement; the panel by keyboard alone; "go to"; the card
// that hovering or clicking highlighted text shows (highlightsFromPoint, and the rect index
// without it); boxes where the Highlight API is missing; the page theme's palette; the scope
// toggle; axe-core (wcag2a + wcag2aa) on the panel; and the listeners factlens adds.
//
// The panel's shadow root is closed in the shipped bundle. These tests load the test-only copy
// built from the same modules with the root open (open-entry.js, browsers.mjs) — the one
// difference is the mode passed to attachShadow — and check first that the shipped one is closed.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { suite } from './harness.mjs';
import {
  BROWSERS, DARK_PAGE, demoArticle, expectedCounts, highlightCounts, launch, missingBrowser, newPage, openBundle,
  pageState, press, serve, shippedBundle,
} from './browsers.mjs';

// No inline styles or style attributes, no script but the page's own origin, Trusted Types.
const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
  "require-trusted-types-for 'script'; object-src 'none'";

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// In-page helpers, passed as source: the panel's shadow root and what is focused in it.
const HELPERS = `
  window.$root = () => document.querySelector('factlens-overlay')?.shadowRoot;
  window.$focus = () => {
    const r = $root();
    const el = r && r.activeElement;
    return el ? (el.getAttribute('data-key') || el.textContent) : (document.activeElement?.localName || null);
  };
  window.$buttons = () => [...$root().querySelectorAll('button')].filter((b) => !b.closest('[hidden]'))
    .map((b) => b.getAttribute('data-key') || b.textContent);
  window.$card = () => { const c = $root().querySelector('.card'); return c.hidden ? null : c.textContent; };
  window.$rect = (name, i = 0, match) => {
    const ranges = [...(CSS.highlights.get(name) || [])];
    const range = match ? ranges.find((r) => r.toString().includes(match)) : ranges[i];
    const r = range.getClientRects()[0];
    return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2, text: range.toString() };
  };
`;

for (const name of BROWSERS) {
  suite(`overlay in ${name}`, missingBrowser(name), () => {
    let server;
    let browser;
    let open;

    before(async () => {
      open = await openBundle();
      server = await serve({
        '/gen/': { pages: { 'demo.html': () => demoArticle(), 'dark.html': () => demoArticle(DARK_PAGE) } },
        '/strict/': { pages: { 'demo.html': () => demoArticle() }, csp: STRICT_CSP },
      });
      browser = await launch(name);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** A fresh page with the demo article, factlens (`bundle`) loaded and scanned. */
    async function scanned({ bundle = open, file = 'demo.html', init, options = {}, width } = {}) {
      const page = await newPage(browser, width ? { width } : {});
      if (init) await page.evaluateOnNewDocument(init);
      await page.goto(`${server.url}gen/${file}`);
      await page.evaluate(HELPERS);
      await page.evaluate(bundle);
      page.report = await page.evaluate(async (o) => {
        window.updates = [];
        const r = await factlens.scan({ ...o, onUpdate: (u) => updates.push({ how: u.scope.how, blocks: u.blocks }) });
        window.report = r;
        return JSON.parse(JSON.stringify(r));
      }, options);
      return page;
    }

    it('ships the panel in a closed shadow root; only the test copy opens it', async () => {
      const page = await scanned({ bundle: shippedBundle() });
      assert.deepEqual(await page.evaluate(() => {
        const host = document.querySelector('factlens-overlay');
        const inline = ['position', 'top', 'z-index', 'display'].map((p) => `${p}:${host.style.getPropertyValue(p)}!${host.style.getPropertyPriority(p)}`);
        return { parent: host.parentElement.localName, open: host.shadowRoot !== null, inline };
      }), {
        parent: 'html', open: false, inline: ['position:fixed!important', 'top:12px!important', 'z-index:2147483647!important', 'display:block!important'],
      });
      await page.close();
    });

    describe('panel', () => {
      let page;
      before(async () => {
        page = await scanned();
      });
      after(() => page?.close());

      it('highlights exactly what the Report found, one highlight per category', async () => {
        assert.deepEqual(await page.evaluate(highlightCounts), expectedCounts(page.report));
        assert.deepEqual(page.problems, []);
      });

      it('has sections with counts, and the quotes chart at the top of the quotes section', async () => {
        const got = await page.evaluate(() => {
          const r = $root();
          const quotes = r.querySelector('section[aria-label="Quotes"]');
          return {
            landmark: r.querySelector('aside').getAttribute('aria-label'),
            sections: [...r.querySelectorAll('h3')].map((h) => h.textContent),
            summary: r.querySelector('.summary').textContent,
            chartFirst: quotes.querySelector('#fl-quotes').firstElementChild.localName,
            chart: [...quotes.querySelectorAll('.chart li')].map((li) => [li.querySelector('.who').textContent, parseInt(li.querySelector('.n').textContent, 10)]),
            chartLabel: quotes.querySelector('.chart').getAttribute('aria-label'),
          };
        });
        const quotations = new Set(page.report.quotes.map((q, i) => q.chain ?? i)).size;
        assert.equal(got.landmark, 'factlens findings');
        assert.deepEqual(got.sections, [
          `Repeated paragraphs (${page.report.repeats.length})`, `Quotes (${quotations})`, `Officials (${page.report.officials.length})`,
        ]);
        assert.match(got.summary, new RegExp(`${quotations} quotes`));
        assert.equal(got.chartFirst, 'figure');
        assert.equal(got.chartLabel, 'Quotes per speaker');
        assert.deepEqual(got.chart.at(-1), ['No named source', 1], JSON.stringify(got.chart));
        assert.deepEqual(got.chart[0], ['Paul Okafor', 2], 'the most quoted first');
        assert.equal(got.chart.reduce((n, [, c]) => n + c, 0), quotations, 'every quotation counted once');
      });

      it('announces the results in a polite live region', async () => {
        await page.waitForFunction(() => $root().querySelector('[role=status]').textContent !== '');
        const live = await page.evaluate(() => {
          const s = $root().querySelector('[role=status]');
          return { text: s.textContent, live: s.getAttribute('aria-live') };
        });
        assert.equal(live.live, 'polite');
        assert.match(live.text, /^factlens: 2 repeated paragraphs, 6 quotes from 4 named speakers \(1 with no named source\), 4 officials in the article\.$/);
      });

      it('is used by keyboard alone: the shortcut enters, Tab visits every control once, in order', async () => {
        await page.evaluate(() => document.activeElement?.blur());
        await press(page, 'KeyF', 'Alt', 'Shift');
        await page.waitForFunction(() => $root().activeElement !== null);
        const expected = await page.evaluate(() => $buttons());
        const visited = [await page.evaluate(() => $focus())];
        // Not past the last control: Firefox would move focus out to its own window then.
        for (let i = 1; i < expected.length; i++) {
          await press(page, 'Tab');
          visited.push(await page.evaluate(() => $focus()));
        }
        assert.ok(expected.length > 15, `only ${expected.length} controls`);
        assert.deepEqual(visited, expected);
        await press(page, 'Tab', 'Shift');
        assert.equal(await page.evaluate(() => $focus()), expected.at(-2));
      });

      it('moves with the arrow keys, Home and End', async () => {
        const all = await page.evaluate(() => $buttons());
        await press(page, 'Home');
        assert.equal(await page.evaluate(() => $focus()), all[0]);
        await press(page, 'ArrowDown');
        await press(page, 'ArrowDown');
        assert.equal(await page.evaluate(() => $focus()), all[2]);
        await press(page, 'ArrowUp');
        assert.equal(await page.evaluate(() => $focus()), all[1]);
        await press(page, 'End');
        assert.equal(await page.evaluate(() => $focus()), all.at(-1));
      });

      it('collapses a section by keyboard: its items leave the Tab order', async () => {
        await page.evaluate(() => $root().querySelector('[data-key="s-officials"]').focus());
        await press(page, 'Enter');
        const closed = await page.evaluate(() => ({
          expanded: $root().querySelector('[data-key="s-officials"]').getAttribute('aria-expanded'),
          items: $buttons().filter((k) => k.startsWith('o')).length,
        }));
        assert.deepEqual(closed, { expanded: 'false', items: 0 });
        await press(page, ' ');
        assert.ok((await page.evaluate(() => $buttons())).some((k) => k.startsWith('o0:')));
      });

      it('"go to" by Enter scrolls, flashes, selects the text and moves focus to it; the shortcut comes back', async () => {
        await page.evaluate(() => window.scrollTo(0, 0));
        const key = await page.evaluate(() => $buttons().find((k) => k.includes('We will keep the buses')));
        await page.evaluate((k) => $root().querySelector(`[data-key="${CSS.escape(k)}"]`).focus(), key);
        await press(page, 'Enter');
        await page.waitForFunction(() => CSS.highlights.has('factlens-flash'));
        const after = await page.evaluate(() => {
          const [range] = CSS.highlights.get('factlens-flash');
          const r = range.getBoundingClientRect();
          return {
            flashed: range.toString(), inView: r.top >= 0 && r.bottom <= innerHeight, scrolled: scrollY > 0,
            selected: getSelection().toString(), panelFocused: $root().activeElement !== null,
          };
        });
        assert.match(after.flashed, /^“We will keep the buses running/);
        assert.deepEqual({ ...after, flashed: undefined }, {
          flashed: undefined, inView: true, scrolled: true, selected: after.flashed, panelFocused: false,
        });
        await press(page, 'KeyF', 'Alt', 'Shift');
        assert.equal(await page.evaluate(() => $focus()), key);
      });

      it('Esc hides the panel and gives focus back; the shortcut shows it again', async () => {
        await press(page, 'Escape');
        const hidden = await page.evaluate(() => ({
          expanded: $root().querySelector('[data-key=toggle]').getAttribute('aria-expanded'),
          body: $root().querySelector('.body').hidden,
          inPanel: $root().activeElement !== null,
          highlights: CSS.highlights.has('factlens-quote'),
        }));
        assert.deepEqual(hidden, { expanded: 'false', body: true, inPanel: false, highlights: true });
        await press(page, 'KeyF', 'Alt', 'Shift');
        assert.equal(await page.evaluate(() => $root().querySelector('[data-key=toggle]').getAttribute('aria-expanded')), 'true');
        assert.equal(await page.evaluate(() => $root().activeElement !== null), true);
      });

      it('shows a card when hovering or clicking highlighted text (highlightsFromPoint)', async () => {
        assert.equal(await page.evaluate(() => typeof CSS.highlights.highlightsFromPoint), 'function');
        await page.evaluate(() => window.scrollTo(0, 0));
        const quote = await page.evaluate(() => $rect('factlens-quote', 0, 'We owe the people'));
        await page.mouse.move(quote.x, quote.y);
        await page.waitForFunction(() => $card() !== null);
        assert.match(await page.evaluate(() => $card()), /^Quote — Elena Marsh/);
        await page.mouse.move(5, 5);
        await page.waitForFunction(() => $card() === null);
        const repeat = await page.evaluate(() => $rect('factlens-repeat', 0));
        await page.mouse.click(repeat.x, repeat.y);
        await page.waitForFunction(() => $card() !== null);
        assert.match(await page.evaluate(() => $card()), /^Repeated paragraph — copy 1 of 2Copy 2: “The crossing’s two landing stages/);
        await page.mouse.move(5, 5); // a pinned card stays while the pointer moves
        assert.notEqual(await page.evaluate(() => $card()), null);
        await page.mouse.click(5, 300);
        await page.waitForFunction(() => $card() === null);
      });

      it('switches to the whole page and back', async () => {
        const button = () => $root().querySelector('[data-key=scope]').getAttribute('aria-pressed');
        assert.equal(await page.evaluate(button), 'false');
        await page.evaluate(() => $root().querySelector('[data-key=scope]').click());
        await page.waitForFunction(() => updates.length === 1);
        const whole = await page.evaluate(() => ({ update: updates[0], pressed: $root().querySelector('[data-key=scope]').getAttribute('aria-pressed'), focus: $focus() }));
        assert.equal(whole.update.how, 'page');
        assert.ok(whole.update.blocks > page.report.blocks, `${whole.update.blocks} blocks`);
        assert.equal(whole.pressed, 'true');
        await page.evaluate(() => $root().querySelector('[data-key=scope]').click());
        await page.waitForFunction(() => updates.length === 2);
        assert.equal(await page.evaluate(() => updates[1].how), 'semantic');
        assert.deepEqual(page.problems, []);
      });

      it('closes with its × button: nothing of factlens is left', async () => {
        await page.evaluate(() => $root().querySelector('[data-key=close]').click());
        assert.deepEqual(await page.evaluate(() => ({
          hosts: document.querySelectorAll('factlens-overlay,factlens-marks').length,
          highlights: [...CSS.highlights.keys()].filter((k) => k.startsWith('factlens')).length,
          sheets: document.adoptedStyleSheets.length,
        })), { hosts: 0, highlights: 0, sheets: 0 });
      });
    });

    it('shows the card from an index of client rects without highlightsFromPoint', async () => {
      const page = await scanned({ init: () => { delete HighlightRegistry.prototype.highlightsFromPoint; } });
      assert.equal(await page.evaluate(() => typeof CSS.highlights.highlightsFromPoint), 'undefined');
      const official = await page.evaluate(() => $rect('factlens-official', 0, 'Transport Minister Paul Okafor'));
      await page.mouse.move(official.x, official.y);
      await page.waitForFunction(() => $card() !== null);
      assert.match(await page.evaluate(() => $card()), /^Official — Paul Okafor/);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    it('draws boxes behind the text where the Highlight API is missing, and moves nothing', async () => {
      const init = () => {
        delete CSS.highlights;
        delete window.Highlight;
      };
      const page = await newPage(browser);
      await page.evaluateOnNewDocument(init);
      await page.goto(`${server.url}gen/demo.html`);
      await page.evaluate(HELPERS);
      await page.evaluate(open);
      const before = await page.evaluate(pageState);
      const report = await page.evaluate(() => factlens.scan().then((r) => JSON.parse(JSON.stringify(r))));
      const during = await page.evaluate(pageState);
      const boxes = await page.evaluate(() => {
        const layer = document.querySelector('factlens-marks');
        const out = { parent: layer.parentElement.localName, pointer: getComputedStyle(layer).pointerEvents };
        for (const k of ['repeat', 'quote', 'unattributed', 'speaker', 'official']) out[k] = layer.shadowRoot.querySelectorAll(`.${k}`).length;
        // The first quote box covers the first quote's text.
        const box = layer.shadowRoot.querySelector('.quote').getBoundingClientRect();
        const p = [...document.querySelectorAll('article p')].find((el) => el.textContent.startsWith('“We owe'));
        const t = p.getClientRects()[0];
        out.onText = box.left >= t.left - 1 && box.top >= t.top - 1 && box.top < t.bottom;
        return out;
      });
      const want = expectedCounts(report);
      assert.equal(boxes.parent, 'html');
      assert.equal(boxes.pointer, 'none');
      assert.ok(boxes.onText, 'the box sits on the quote');
      for (const k of ['repeat', 'quote', 'unattributed', 'speaker', 'official']) {
        assert.ok(boxes[k] >= want[k] && want[k] > 0, `${k}: ${boxes[k]} boxes for ${want[k]} ranges`);
      }
      assert.equal(during.text, before.text);
      assert.equal(during.boxes, before.boxes);
      // The card still works (rect index), and "go to" flashes with boxes.
      const quote = await page.evaluate(() => {
        const p = [...document.querySelectorAll('article p')].find((el) => el.textContent.startsWith('“We owe'));
        const r = p.getClientRects()[0];
        return { x: r.left + 20, y: r.top + r.height / 4 };
      });
      await page.mouse.move(quote.x, quote.y);
      await page.waitForFunction(() => $card() !== null);
      assert.match(await page.evaluate(() => $card()), /^Quote — Elena Marsh/);
      await page.evaluate(() => $root().querySelector('[data-key="r0.1"]').click());
      await page.waitForFunction(() => document.querySelector('factlens-marks').shadowRoot.querySelectorAll('.flash').length > 0);
      await page.evaluate(() => factlens.clear());
      assert.equal(await page.evaluate(() => document.querySelectorAll('factlens-marks').length), 0);
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    it('uses the dark palette on a dark page and the light one on a light page', async () => {
      const rule = () => {
        const r = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).find((x) => x.cssText.includes('factlens-quote'));
        return { bg: r.style.backgroundColor, fg: r.style.color };
      };
      const dark = await scanned({ file: 'dark.html' });
      assert.deepEqual(await dark.evaluate(rule), { bg: 'rgb(23, 64, 122)', fg: 'rgb(255, 255, 255)' });
      await dark.close();
      const light = await scanned();
      assert.deepEqual(await light.evaluate(rule), { bg: 'rgb(208, 228, 255)', fg: 'rgb(0, 0, 0)' });
      await light.close();
    });

    it('keeps working under hostile page CSS (body * {display: block}, !important everywhere)', async () => {
      const hostile = '<style>body *{display:block!important} *{position:static!important;color:red!important;' +
        'font-size:30px!important;z-index:0!important;visibility:visible!important}' +
        'factlens-overlay,factlens-overlay *{display:none!important;opacity:0!important;top:500px!important}</style>';
      const page = await newPage(browser);
      await page.goto(`${server.url}gen/demo.html`);
      await page.evaluate((css) => document.head.insertAdjacentHTML('beforeend', css), hostile);
      await page.evaluate(HELPERS);
      await page.evaluate(open);
      const before = await page.evaluate(pageState);
      const report = await page.evaluate(() => factlens.scan().then((r) => JSON.parse(JSON.stringify(r))));
      const got = await page.evaluate(() => {
        const host = document.querySelector('factlens-overlay');
        const c = getComputedStyle(host);
        const panel = getComputedStyle($root().querySelector('.panel'));
        return { position: c.position, display: c.display, top: c.top, opacity: c.opacity, size: panel.fontSize, color: panel.color };
      });
      assert.deepEqual(got, { position: 'fixed', display: 'block', top: '12px', opacity: '1', size: '13px', color: 'rgb(27, 31, 36)' });
      assert.deepEqual(await page.evaluate(highlightCounts), expectedCounts(report));
      const during = await page.evaluate(pageState);
      assert.equal(during.text, before.text);
      assert.equal(during.boxes, before.boxes);
      await page.close();
    });

    it("works under a strict CSP: style-src 'self', Trusted Types", async () => {
      const page = await newPage(browser);
      await page.goto(`${server.url}strict/demo.html`);
      page.problems.length = 0; // the demo's own <style> is refused: the policy is in force
      await page.evaluate(() => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
      });
      await page.evaluate(HELPERS);
      await page.evaluate(open);
      const report = await page.evaluate(() => factlens.scan().then((r) => JSON.parse(JSON.stringify(r))));
      const quote = await page.evaluate(() => $rect('factlens-quote', 0));
      await page.mouse.move(quote.x, quote.y);
      await page.waitForFunction(() => $card() !== null);
      const got = await page.evaluate(() => {
        const panel = getComputedStyle($root().querySelector('.panel'));
        const bar = $root().querySelector('.chart .bar').style.width;
        return {
          position: getComputedStyle(document.querySelector('factlens-overlay')).position,
          styled: [panel.fontSize, panel.borderRadius], bar: bar.endsWith('%'),
          card: getComputedStyle($root().querySelector('.card')).position,
          violations,
        };
      });
      assert.deepEqual(got, { position: 'fixed', styled: ['13px', '10px'], bar: true, card: 'fixed', violations: [] });
      assert.deepEqual(await page.evaluate(highlightCounts), expectedCounts(report));
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    it('starts collapsed when there is no room beside the article', async () => {
      const page = await scanned({ width: 700 });
      assert.equal(await page.evaluate(() => $root().querySelector('[data-key=toggle]').getAttribute('aria-expanded')), 'false');
      await page.close();
    });

    it('lists and paints an edited repeat in a category of its own', async () => {
      // A Report made here (no `changes`, `furniture`, `people` or `quote_drift`): the shell
      // takes what the core gives and fills in nothing of its own.
      const page = await newPage(browser);
      await page.goto(`${server.url}gen/demo.html`);
      await page.evaluate(open);
      const got = await page.evaluate(() => {
        const I = factlensInternals;
        const article = document.querySelector('article');
        const blocks = I.flatten(article);
        const texts = blocks.map((b) => b.text);
        const a = texts.findIndex((t) => t.includes('would pay two thirds'));
        const b = texts.findIndex((t) => t.includes('would cover two thirds'));
        const report = {
          version: 1, offset_unit: 'utf16', blocks: blocks.length, quotes: [], officials: [],
          repeats: [{ kind: 'edited', blocks: [a, b], similarity: 0.87, excerpt: texts[a].slice(0, 120) }],
        };
        const model = I.findings(report, blocks);
        I.paint(model.paint);
        const panel = I.openPanel({ show() {}, close() {}, rescope() {} });
        panel.update(model, { root: article, scope: 'article', how: 'semantic' });
        const r = panel.host.shadowRoot;
        const out = {
          edited: CSS.highlights.get('factlens-edited')?.size, repeat: CSS.highlights.has('factlens-repeat'),
          text: r.querySelector('#fl-repeats').textContent, swatch: !!r.querySelector('#fl-repeats .sw-edited'),
          rule: document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).some((x) => x.cssText.includes('factlens-edited')),
        };
        panel.remove();
        I.unpaint();
        return out;
      });
      assert.deepEqual({ ...got, text: undefined }, { edited: 2, repeat: false, text: undefined, swatch: true, rule: true });
      assert.match(got.text, /edited, 87% similar/);
      await page.close();
    });

    it('adds no listener that changes how the page behaves', async () => {
      const page = await newPage(browser);
      await page.evaluateOnNewDocument(() => {
        window.added = [];
        const add = EventTarget.prototype.addEventListener;
        EventTarget.prototype.addEventListener = function (type, fn, options) {
          if (window.recording) added.push([this, type, options]);
          return add.call(this, type, fn, options);
        };
        // Where each listener ended up, once factlens has placed its elements.
        window.listeners = () => added.map(([target, type, options]) => {
          const root = target.getRootNode?.();
          const host = target instanceof ShadowRoot ? target.host : root instanceof ShadowRoot ? root.host : null;
          const where = target === window ? 'window' : target === document ? 'document'
            : host?.localName.startsWith('factlens') ? 'ours' : `page:${target.nodeName}`;
          return { where, type, passive: !!options?.passive, capture: options === true || !!options?.capture };
        });
      });
      await page.goto(`${server.url}gen/demo.html`);
      await page.evaluate(HELPERS);
      await page.evaluate(open);
      // The page's own listeners, last in the bubbling phase: what they see must not change.
      await page.evaluate(() => {
        window.seen = [];
        for (const type of ['click', 'keydown', 'pointermove']) {
          window.addEventListener(type, (e) => seen.push(`${type}:${e.key || ''}:${e.defaultPrevented}`));
        }
        const input = document.createElement('input');
        input.id = 'probe';
        document.querySelector('.demo-controls').append(input);
        window.recording = true;
      });
      await page.evaluate(() => factlens.scan());
      await page.evaluate(() => { window.recording = false; });
      const added = await page.evaluate(() => listeners());
      const outside = added.filter((a) => a.where !== 'ours');
      assert.deepEqual(outside.filter((a) => a.where.startsWith('page:')), [], 'no listener on the page’s elements');
      for (const a of outside) {
        assert.ok(['keydown', 'pointermove', 'click', 'resize'].includes(a.type), JSON.stringify(a));
        assert.equal(a.capture, false, JSON.stringify(a));
        if (a.type !== 'keydown') assert.equal(a.passive, true, JSON.stringify(a));
      }
      // Clicks, pointer moves and keys reach the page's listeners, none prevented; the shortcut
      // is left alone in a text field.
      const quote = await page.evaluate(() => $rect('factlens-quote', 0));
      await page.evaluate(() => { seen.length = 0; });
      await page.mouse.move(quote.x, quote.y);
      await page.mouse.click(quote.x, quote.y);
      await page.evaluate(() => document.getElementById('probe').focus());
      await press(page, 'KeyA');
      await press(page, 'Escape');
      await press(page, 'KeyF', 'Alt', 'Shift');
      const seen = await page.evaluate(() => seen);
      assert.ok(seen.includes('click::false'), JSON.stringify(seen));
      assert.ok(seen.some((s) => s.startsWith('pointermove::false')), JSON.stringify(seen));
      assert.ok(seen.includes('keydown:a:false') && seen.includes('keydown:Escape:false'), JSON.stringify(seen));
      assert.ok(seen.some((s) => /^keydown:(F|f|Ï|ƒ):false$/.test(s)), JSON.stringify(seen));
      assert.ok(!seen.some((s) => s.endsWith(':true')), JSON.stringify(seen));
      assert.equal(await page.evaluate(() => document.getElementById('probe').value), 'a');
      assert.deepEqual(page.problems, []);
      await page.close();
    });

    describe('axe-core, wcag2a + wcag2aa, on the panel', () => {
      const states = [
        ['light scheme, open', false, async () => {}],
        ['light scheme, a section collapsed, a card shown', false, async (page) => {
          await page.evaluate(() => $root().querySelector('[data-key=s-repeats]').click());
          const quote = await page.evaluate(() => $rect('factlens-quote', 0));
          await page.mouse.click(quote.x, quote.y);
          await page.waitForFunction(() => $card() !== null);
        }],
        ['light scheme, panel hidden', false, (page) => press(page, 'Escape').then(() => page.evaluate(() => $root().querySelector('[data-key=toggle]').click()))
          .then(() => page.evaluate(() => $root().querySelector('[data-key=toggle]').click()))],
        ['dark scheme, open', true, async () => {}],
      ];
      let dark;
      before(async () => {
        dark = await launch(name, { dark: true });
      });
      after(() => dark?.close());

      for (const [label, isDark, prepare] of states) {
        it(label, async () => {
          const b = isDark ? dark : browser;
          const page = await newPage(b);
          await page.goto(`${server.url}gen/demo.html`);
          await page.evaluate(HELPERS);
          await page.evaluate(open);
          await page.evaluate(() => factlens.scan());
          assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), isDark);
          await prepare(page);
          // axe-core cannot work out background colours outside <body> (every text node of a
          // host on <html> comes back "unable to determine contrast ratio"). For the audit the
          // host moves into <body>; it is fixed, `all: initial` with inline !important styles,
          // and paints its own opaque background, so it renders the same there — checked here,
          // property by property, before axe runs.
          const looks = () => [...$root().querySelectorAll('*')].map((el) => {
            const c = getComputedStyle(el);
            const r = el.getBoundingClientRect();
            return [c.color, c.backgroundColor, c.font, c.display, r.x, r.y, r.width, r.height].join('|');
          }).join('\n');
          const onHtml = await page.evaluate(looks);
          await page.evaluate(() => document.body.append(document.querySelector('factlens-overlay')));
          assert.equal(await page.evaluate(looks), onHtml, 'the panel renders the same inside <body>');
          await page.evaluate(AXE);
          const result = await page.evaluate(async () => {
            const r = await axe.run({ include: [['factlens-overlay']] }, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
            });
            const brief = (list) => list.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' >> ')}: ${n.failureSummary}`) }));
            return {
              violations: brief(r.violations),
              passes: r.passes.map((p) => p.id),
              inShadow: r.passes.some((p) => p.nodes.some((n) => Array.isArray(n.target[0]))),
              sample: r.passes.slice(0, 2).map((p) => p.nodes.slice(0, 2).map((n) => n.target)),
            };
          });
          assert.deepEqual(result.violations, [], JSON.stringify(result.violations, null, 1));
          assert.ok(result.inShadow, `axe checked nodes inside the shadow root: ${JSON.stringify(result.sample)}`);
          for (const rule of ['button-name', 'color-contrast', 'aria-allowed-attr']) {
            assert.ok(result.passes.includes(rule), `axe ran ${rule}: ${result.passes}`);
          }
          assert.deepEqual(page.problems, []);
          await page.close();
        });
      }
    });
  });
}
