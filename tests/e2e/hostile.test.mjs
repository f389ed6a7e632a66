// Hostile and unusual pages, in headless Chromium and Firefox: a panic in the core, page text
// that looks like HTML, a page that replaced built-ins before factlens loaded, hostile CSS, and
// pages built of shadow roots, same-origin frames, editable regions, right-to-left text, emoji
// sequences and very deep nesting. Each time the page must keep working and factlens must either work or
// fail with a clear message, leaving nothing behind after clear().

import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { suite } from './harness.mjs';
import {
  BROWSERS, NO_TRACES as none, demoArticle, launch, missingBrowser, newPage, openBundle, serve, shippedBundle, traces,
} from './browsers.mjs';
import { allow, checkPage } from './privacy.mjs';

/** A page of its own: a counter button (does the page still work?) and the given body. */
const COUNTER = '<button id="count" onclick="this.dataset.n = (+this.dataset.n || 0) + 1">count</button>';
/** The demo article with a counter and `head`. */
const demo = (head = '') => demoArticle(head).replace('<body>', `<body>${COUNTER}`);
const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head>
<body>${COUNTER}<article>${body}</article></body></html>`;

const XSS_QUOTE = '<img src=x onerror="xssTrap=1"> and <script>xssTrap=1</script> were typed';
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const XSS = page(`
<h1>Markup in the words</h1>
<p>“${escape(XSS_QUOTE)},” said Foreign Minister Sergey Lavrov on Monday.</p>
<p>The ministry of &lt;svg onload=xssTrap=1&gt; said the clerk, &lt;b onmouseover=xssTrap=1&gt;Ann&lt;/b&gt;, left early.</p>
<p>“${escape(XSS_QUOTE)},” said Foreign Minister Sergey Lavrov on Monday.</p>
<p>“&lt;iframe src=javascript:xssTrap=1&gt;” was the reply nobody signed.</p>`);

/** Built-ins a page replaced before factlens loaded: working wrappers, or broken ones. */
const tamper = (broken) => `<script>
window.tampered = { calls: 0 };
const map = Array.prototype.map, stringify = JSON.stringify, append = Node.prototype.appendChild;
tampered.fns = {
  map: ${broken ? "function () { throw new Error('map is off limits'); }" : 'function (...a) { tampered.calls++; return map.apply(this, a); }'},
  stringify: ${broken ? "function () { return '\"tampered\"'; }" : 'function (...a) { tampered.calls++; return stringify.apply(this, a); }'},
  appendChild: ${broken ? "function () { throw new Error('appendChild is off limits'); }" : 'function (...a) { tampered.calls++; return append.apply(this, a); }'},
  fetch: function () { tampered.calls++; return Promise.reject(new Error('no network here')); },
};
Array.prototype.map = tampered.fns.map;
JSON.stringify = tampered.fns.stringify;
Node.prototype.appendChild = tampered.fns.appendChild;
window.fetch = tampered.fns.fetch;
</script>`;
/** In the page: are the page's replacements still in place? */
const ownOverrides = () => Array.prototype.map === tampered.fns.map && JSON.stringify === tampered.fns.stringify &&
  Node.prototype.appendChild === tampered.fns.appendChild && window.fetch === tampered.fns.fetch;

const HOSTILE_CSS = `<style>
*{all:unset} body *{display:block!important} body{display:block}
.cover{position:fixed!important;inset:0!important;z-index:2147483647!important;background:rgba(255,255,255,.01)!important}
::highlight(factlens-quote){background-color:rgb(255,0,0)!important;color:rgb(0,255,0)!important}
factlens-overlay{display:none!important;opacity:0!important;transform:scale(0)!important}
</style>`;

const STRUCTURE = page(`
<h1>Unusual structure</h1>
<p>“Light words stay light,” said Mayor Ruth Castellano.</p>
<news-box></news-box>
<iframe srcdoc="<p>“Framed words stay framed,” said Mayor Ruth Castellano.</p>"></iframe>
<div contenteditable="true"><p id="editable">“Editable words stay editable,” said Mayor Ruth Castellano.</p></div>
<p dir="rtl" lang="ar">قال المتحدث «كلمات عربية هنا» ثم أضاف “mixed words in the middle,” said Mayor Ruth Castellano.</p>
<p>👩‍👩‍👧‍👦 Families first: “We 👨‍👩‍👧 love 🏳️‍🌈 this city 🇫🇷,” said Mayor Ruth Castellano.</p>
<div id="deep"></div>
<script>
document.querySelector('news-box').attachShadow({ mode: 'open' }).innerHTML =
  '<p>“Shadow words stay in the shadow,” said Mayor Ruth Castellano.</p>';
let el = document.getElementById('deep');
for (let i = 0; i < DEPTH; i++) el = el.appendChild(document.createElement('span'));
el.textContent = 'Deep words: “the tenth thousand level,” said Mayor Ruth Castellano.';
</script>`);

for (const name of BROWSERS) {
  suite(`hostile pages in ${name}`, missingBrowser(name), () => {
    let server;
    let browser;
    let open;

    before(async () => {
      open = await openBundle();
      server = await serve({
        '/t/': {
          pages: {
            'demo.html': () => demo(),
            'xss.html': XSS,
            'wrapped.html': () => demo(tamper(false)),
            'broken.html': () => demo(tamper(true)),
            'css.html': () => demo(HOSTILE_CSS).replace('<body>', '<body><div class="cover"></div>'),
            // Chromium lays out a 10 000-deep tree for minutes on this machine (its parser
            // caps nesting at 512 anyway): 1 000 there.
            'structure.html': STRUCTURE.replace('DEPTH', name === 'chromium' ? '1000' : '10000'),
          },
        },
      });
      browser = await launch(name);
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** A page of the server with factlens (`bundle`) loaded. */
    async function loaded(file, bundle = open) {
      const p = await newPage(browser);
      await p.goto(`${server.url}t/${file}`);
      await p.evaluate(bundle);
      return p;
    }
    /** Does the page's own button still work? */
    const counts = async (p) => {
      const n = await p.evaluate(() => +(document.getElementById('count').dataset.n || 0));
      await p.evaluate(() => document.getElementById('count').click());
      return (await p.evaluate(() => +document.getElementById('count').dataset.n)) === n + 1;
    };

    it('contains a panic in the core: a rejected scan with the panic message, a message in the panel, a working page', async () => {
      const p = await loaded('demo.html');
      const before = await p.evaluate(() => document.body.innerHTML);
      await p.evaluate(() => factlensInternals.panicNextScan());
      const error = await p.evaluate(() => factlens.scan().then(() => null, (e) => e.message));
      assert.match(error, /^factlens: analysis failed: internal error: [\s\S]*deliberate panic/);
      const shown = await p.evaluate(() => {
        const root = document.querySelector('factlens-overlay').shadowRoot;
        return { alert: root.querySelector('[role=alert]')?.textContent, summary: root.querySelector('.summary').textContent };
      });
      assert.deepEqual(shown, { alert: error, summary: 'Scan failed' });
      assert.deepEqual((await p.evaluate(traces)).highlights, 0);
      assert.ok(await counts(p), 'the page still handles its own clicks');
      // The crashed module is not used again: the next scan says so, clearly.
      assert.match(await p.evaluate(() => factlens.scan().then(() => null, (e) => e.message)), /^factlens: [\s\S]*crashed earlier [\s\S]*reload the page/);
      await p.evaluate(() => factlens.clear());
      assert.deepEqual(await p.evaluate(traces), none);
      assert.equal(await p.evaluate(() => document.body.innerHTML.replace(/ data-n="\d+"/, '')), before);
      assert.deepEqual(p.problems, []);
      await p.close();
    });

    it('shows page text that looks like HTML as text: nothing it contains runs, anywhere in the panel or export', async () => {
      const p = await loaded('xss.html');
      allow(p, { globals: ['xssTrap'] }); // checked below, by name
      const report = await p.evaluate(() => factlens.scan().then((r) => JSON.parse(JSON.stringify(r))));
      assert.ok(report.quotes.some((q) => q.text.includes(XSS_QUOTE_MARK)), 'the quote with markup is found');
      assert.ok(report.repeats.length > 0, 'the repeated paragraph is found');
      // Open every section and fold, press every entry (go to, flash, selection), hover the quote.
      const pressed = await p.evaluate(async () => {
        const root = document.querySelector('factlens-overlay').shadowRoot;
        root.querySelectorAll('details').forEach((d) => (d.open = true));
        for (const b of root.querySelectorAll('[aria-expanded=false]')) b.click();
        const buttons = [...root.querySelectorAll('button.item')];
        for (const b of buttons) {
          b.click();
          await new Promise((done) => setTimeout(done, 20));
        }
        return buttons.length;
      });
      assert.ok(pressed >= 3, `${pressed} entries pressed`);
      const at = await p.evaluate(() => {
        const r = [...CSS.highlights.get('factlens-quote') || CSS.highlights.get('factlens-unattributed')][0].getClientRects()[0];
        return { x: r.left + 5, y: r.top + r.height / 2 };
      });
      await p.mouse.move(at.x, at.y);
      await p.mouse.click(at.x, at.y);
      const exported = await p.evaluate(async () => (await Promise.all([factlens.export('w3c'), factlens.export('json')])).map((x) => JSON.stringify(x).length));
      assert.ok(exported.every((n) => n > 100));
      await new Promise((done) => setTimeout(done, 300)); // an image's error event would have fired
      const got = await p.evaluate(() => {
        const root = document.querySelector('factlens-overlay').shadowRoot;
        return {
          trap: typeof window.xssTrap,
          elements: root.querySelectorAll('img,script,svg,iframe,b').length,
          shown: root.textContent.includes('<img src=x onerror="xssTrap=1">') && root.textContent.includes('<script>xssTrap=1</script>'),
          pageImages: document.querySelectorAll('img,svg,iframe').length,
        };
      });
      assert.deepEqual(got, { trap: 'undefined', elements: 0, shown: true, pageImages: 0 });
      await p.evaluate(() => factlens.clear());
      assert.deepEqual(await p.evaluate(traces), none);
      await p.close();
    });

    for (const [file, broken] of [['wrapped.html', false], ['broken.html', true]]) {
      it(`on a page that replaced map, JSON.stringify, appendChild and fetch (${broken ? 'broken' : 'working'} replacements): ${broken ? 'a clear error' : 'works'}, and the page keeps its own`, async () => {
        const p = await loaded(file, shippedBundle());
        allow(p, { globals: ['tampered'] });
        const got = await p.evaluate(() => factlens.scan().then((r) => ({ quotes: r.quotes.length, repeats: r.repeats.length }), (e) => ({ error: e.message })));
        if (broken) {
          // Array.prototype.map that throws leaves the shell nothing to work with: it says so.
          assert.match(got.error ?? '', /^factlens: .*map is off limits/);
        } else {
          assert.ok(got.quotes > 0 && got.repeats > 0, JSON.stringify(got));
        }
        assert.ok(await p.evaluate(ownOverrides), "the page's replacements are still its own");
        assert.ok(await counts(p), 'the page still handles its own clicks');
        await p.evaluate(() => factlens.clear());
        assert.ok(await p.evaluate(ownOverrides));
        assert.deepEqual(await p.evaluate(traces), none);
        assert.deepEqual(p.problems, []);
        await p.close();
      });
    }

    it('keeps the panel on top and the highlight colours its own under hostile CSS (all: unset, z-index overlays, ::highlight rules)', async () => {
      const p = await loaded('css.html');
      const report = await p.evaluate(() => factlens.scan().then((r) => JSON.parse(JSON.stringify(r))));
      assert.ok(report.quotes.length > 0);
      const got = await p.evaluate(() => {
        const host = document.querySelector('factlens-overlay');
        const panel = host.shadowRoot.querySelector('.panel');
        const r = panel.getBoundingClientRect();
        const c = getComputedStyle(host);
        const rule = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).find((x) => x.cssText.includes('factlens-quote'));
        return {
          onTop: document.elementFromPoint(r.left + r.width / 2, r.top + 10) === host,
          host: [c.display, c.opacity, c.transform, c.position],
          panel: [getComputedStyle(panel).fontSize, getComputedStyle(panel).display, Math.round(r.width) > 200],
          important: rule.style.getPropertyPriority('background-color'),
          highlighted: CSS.highlights.get('factlens-quote').size,
        };
      });
      assert.deepEqual(got, {
        onTop: true, host: ['block', '1', 'none', 'fixed'], panel: ['13px', 'flex', true], important: 'important',
        highlighted: report.quotes.filter((q) => q.speaker || q.speaker_resolved).length,
      });
      if (name === 'chromium') {
        // The colour the browser paints a quote with (Chromium computes ::highlight() styles).
        const colour = await p.evaluate(() => {
          const el = CSS.highlights.get('factlens-quote').values().next().value.startContainer.parentElement;
          return getComputedStyle(el, '::highlight(factlens-quote)').backgroundColor;
        });
        assert.equal(colour, 'rgb(208, 228, 255)');
      }
      await p.evaluate(() => factlens.clear());
      assert.deepEqual(await p.evaluate(traces), none);
      await p.close();
    });

    it('reads open shadow roots, same-origin frames, editable regions, right-to-left text, emoji sequences and 10 000-deep nesting (1 000 in Chromium)', async (t) => {
      const p = await loaded('structure.html');
      const report = await p.evaluate(() => factlens.scan().then((r) => ({ ...JSON.parse(JSON.stringify(r)), texts: r.scope.texts })));
      const said = report.quotes.map((q) => q.text);
      for (const words of ['Light words', 'Shadow words', 'Framed words', 'Editable words', 'mixed words in the middle', 'We 👨‍👩‍👧 love 🏳️‍🌈 this city 🇫🇷']) {
        assert.ok(said.some((q) => q.includes(words)), `the quote with "${words}" (quotes: ${said.join(' | ')})`);
      }
      t.diagnostic(`deeply nested text read: ${report.texts.some((x) => x.includes('tenth thousand'))}`);
      // Each highlighted quote is exactly the quote's text: offsets survive ZWJ sequences, flags, RTL.
      const painted = await p.evaluate(() => [...CSS.highlights.get('factlens-quote') || []].map((r) => r.toString()));
      for (const words of ['Light words', 'Shadow words', 'Editable words', 'mixed words', 'We 👨‍👩‍👧 love']) {
        const quote = said.find((q) => q.includes(words));
        assert.ok(painted.includes(quote), `"${quote}" is painted exactly (painted: ${painted.join(' | ')})`);
      }
      // The frame's quote is painted in the frame's own registry; our ::highlight rules are in
      // the frame's document and in the shadow root, where the page's rules cannot reach.
      const inside = await p.evaluate(() => {
        const frame = document.querySelector('iframe').contentWindow;
        const rules = (sheets) => sheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('factlens-quote')));
        return {
          framed: [...frame.CSS.highlights.get('factlens-quote') || []].map((r) => r.toString()),
          frameRules: rules(frame.document.adoptedStyleSheets),
          shadowRules: rules(document.querySelector('news-box').shadowRoot.adoptedStyleSheets),
        };
      });
      assert.deepEqual(inside, { framed: [said.find((q) => q.includes('Framed words'))], frameRules: true, shadowRules: true });
      // The editable region still edits, and the page's text is as it was.
      await p.click('#editable');
      await p.keyboard.press('End');
      await p.keyboard.type(' More.');
      assert.match(await p.evaluate(() => document.getElementById('editable').textContent), /Castellano\. More\.$/);
      assert.ok(await counts(p));
      await p.evaluate(() => factlens.clear());
      assert.deepEqual(await p.evaluate(traces), none);
      assert.deepEqual(await p.evaluate(() => {
        const frame = document.querySelector('iframe').contentWindow;
        return [frame.CSS.highlights.size, frame.document.adoptedStyleSheets.length,
          document.querySelector('news-box').shadowRoot.adoptedStyleSheets.length];
      }), [0, 0, 0], 'nothing left in the frame or the shadow root');
      assert.deepEqual(p.problems, []);
      await p.close();
    });

    it('the privacy check after each test catches a cookie, a storage key, a global and a request elsewhere', async () => {
      const p = await loaded('demo.html', shippedBundle());
      await p.evaluate(() => {
        document.cookie = 'leak=1';
        localStorage.setItem('leak', '1');
        window.leak = 1;
        fetch('http://example.invalid/collect').catch(() => {});
      });
      await new Promise((done) => setTimeout(done, 300));
      await assert.rejects(checkPage(p), (e) => ['request off the test server', 'cookies written', 'localStorage keys', 'new globals besides window.factlens: leak']
        .every((what) => e.message.includes(what)));
      await p.evaluate(() => {
        document.cookie = 'leak=; max-age=0';
        localStorage.removeItem('leak');
        delete window.leak;
      });
      await p.close();
    });
  });
}

const XSS_QUOTE_MARK = '<img src=x onerror=';
