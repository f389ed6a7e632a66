// The panel: a host element on <html> (outside <body>, so the page's text is untouched) with a
// closed shadow root styled only by constructable stylesheets. Page text reaches it only as
// text nodes, never as HTML.

/** Tag of the host element; flatten() never walks into it. */
export const HOST_TAG = 'factlens-overlay';

const SHEET_TEXT = `
:host{all:initial}
*{box-sizing:border-box}
.panel{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;
 border:1px solid #c9ced6;border-radius:10px;box-shadow:0 8px 28px rgba(0,0,0,.22);width:min(380px,calc(100vw - 24px));
 max-height:calc(100vh - 24px);display:flex;flex-direction:column;overflow:hidden}
header{display:flex;align-items:center;gap:8px;padding:10px 12px;border-bottom:1px solid #e3e6ea;background:#f6f7f9}
h2{font-size:15px;margin:0;font-weight:700}
.summary{margin:0;flex:1;color:#57606a;font-size:12px}
.close{font:inherit;font-size:18px;line-height:1;width:28px;height:28px;border:0;border-radius:6px;background:transparent;color:#1b1f24;cursor:pointer}
.close:hover{background:#e3e6ea}
.body{overflow:auto;padding:4px 12px 12px}
h3{font-size:13px;margin:12px 0 6px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;display:flex;align-items:center;gap:6px}
h4{font-size:13px;margin:10px 0 4px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;flex:none}
ul{list-style:none;margin:0;padding:0}
li{margin:0 0 6px}
button.item{display:block;width:100%;text-align:left;font:inherit;color:inherit;background:#fff;border:1px solid #dfe3e8;border-radius:6px;padding:6px 8px;cursor:pointer}
button.item:hover{background:#f3f6fa;border-color:#b9c2cc}
button:focus-visible{outline:2px solid #0b63ce;outline-offset:1px}
.meta{display:block;color:#57606a;font-size:12px}
.excerpt{margin:0 0 4px}
.copies{display:flex;flex-wrap:wrap;gap:4px}
.copies button.item{display:inline-block;width:auto;padding:2px 8px}
.times{font-weight:700;margin-left:4px}
.count{color:#57606a;font-weight:400}
.none{color:#57606a;margin:0}
.changes{margin:4px 0;padding:0;font-size:12px}
.changes li{margin:0 0 4px}
ins,del{text-decoration:none;border-radius:3px;padding:0 3px;margin-right:3px}
ins{background:#dff5e1;color:#0d4a1a}
del{background:#fde2e2;color:#7a1010;text-decoration:line-through}
details.furniture{margin:8px 0 0}
details.furniture>summary{cursor:pointer;color:#57606a;font-size:12px;padding:4px 0}
.legend{display:flex;flex-wrap:wrap;gap:4px 10px;padding:8px 12px;border-top:1px solid #e3e6ea;font-size:12px;color:#57606a}
.legend span{display:inline-flex;align-items:center;gap:4px}
@media (prefers-color-scheme:dark){
 .panel{background:#1e2227;color:#e6e8eb;border-color:#3b424b}
 header{background:#262b31;border-color:#3b424b}
 button.item{background:#1e2227;border-color:#3b424b}
 button.item:hover{background:#2a3038}
 .close{color:#e6e8eb}.close:hover{background:#3b424b}
 .summary,.meta,h3,.none,.legend,details.furniture>summary{color:#a4acb6}
 ins{background:#1d3b24;color:#bfe8c8}del{background:#43201f;color:#f3c2c0}
}
@media print{.panel{display:none}}
`;

/** Swatch colours, matching the highlights (highlight.js). */
const SWATCH = {
  repeat: 'rgba(255,170,60,.6)',
  quote: 'rgba(90,160,255,.5)',
  unattributed: 'rgba(240,70,90,.5)',
  speaker: 'rgba(60,190,110,.6)',
  official: 'rgb(130,60,200)',
};
const SWATCH_RULES = Object.entries(SWATCH).map(([k, c]) => `.sw-${k}{background:${c}}`).join('');

/** Makes an element; string children become text nodes. */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'onclick') el.addEventListener('click', v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c != null && c !== false) el.append(c);
  return el;
}

const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const clip = (s, n = 160) => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);
const swatch = (key) => h('span', { class: `swatch sw-${key}`, 'aria-hidden': 'true' });
const none = () => h('p', { class: 'none' }, 'None found.');

/**
 * Opens the panel.
 * @param {ReturnType<import('./findings.js').findings>} model
 * @param {{ show: (ranges: Range[]) => void, close: () => void }} actions
 * @returns {{ host: HTMLElement, remove: () => void }}
 */
export function openPanel(model, actions) {
  const show = (ranges) => () => actions.show(ranges);

  const percent = (x) => `${Math.round(x * 100)}%`;
  // Words as <ins>/<del> text nodes; the page's words never become markup.
  const words = (tag, list) => list.flatMap((w) => [h(tag, null, clip(w, 80)), ' ']);
  const change = (c) => {
    const what = [];
    if (c.reordered) what.push('sentences in another order');
    if (c.inserted.length) what.push('added ', ...words('ins', c.inserted));
    if (c.deleted.length) what.push('removed ', ...words('del', c.deleted));
    if (!what.length) what.push(c.similarity === 1 ? 'same words (punctuation differs)' : 'no word changes');
    return h('li', null,
      // Its name is its text, so a screen reader hears the words that changed.
      h('button', { class: 'item', type: 'button', onclick: show(c.ranges) },
        h('strong', null, `Copy ${c.copy}`), ` (${percent(c.similarity)}): `, what));
  };
  const repeatItem = (g) =>
    h('li', null,
      h('p', { class: 'excerpt' }, `“${clip(g.excerpt, 120)}”`,
        h('span', { class: 'times' }, `×${g.copies.length}`)),
      h('span', { class: 'meta' },
        g.kind === 'verbatim' ? 'verbatim' : `edited, ${percent(g.similarity)} similar`),
      g.changes.length > 0 && h('ul', { class: 'changes', 'aria-label': 'What changed against copy 1' },
        g.changes.map(change)),
      h('div', { class: 'copies' },
        g.copies.map((ranges, i) =>
          h('button', {
            class: 'item', type: 'button', onclick: show(ranges),
            'aria-label': `Show copy ${i + 1} of ${g.copies.length}`,
          }, `Copy ${i + 1}`))));
  // Repeats in the article first; those only in page furniture (navigation, footers, captions
  // repeated by layout) folded below them.
  const article = model.repeats.filter((g) => !g.furniture);
  const furniture = model.repeats.filter((g) => g.furniture);
  const repeats = [
    article.length > 0 && h('ul', null, article.map(repeatItem)),
    furniture.length > 0 && h('details', { class: 'furniture' },
      h('summary', null, `In page furniture (${furniture.length})`),
      h('ul', null, furniture.map(repeatItem))),
  ].filter(Boolean);

  const drift = model.drift.map((d) =>
    h('li', null, h('button', { class: 'item', type: 'button', onclick: show(d.ranges) },
      h('strong', null, d.speaker), ` (${percent(d.similarity)} similar)`,
      // A quote's text carries its own quote marks.
      h('span', { class: 'meta' }, clip(d.earlier, 90)),
      h('span', { class: 'meta' }, `later: ${clip(d.later, 90)}`),
      h('span', { class: 'meta' },
        d.inserted.length > 0 && ['added ', ...words('ins', d.inserted)],
        d.deleted.length > 0 && ['removed ', ...words('del', d.deleted)]))));

  const quotes = model.quoteGroups.map((group) =>
    h('div', { class: 'group' },
      h('h4', null, group.name, ' ', h('span', { class: 'count' },
        `(${group.items.length})`)),
      h('ul', null, group.items.map((q) =>
        h('li', null, h('button', { class: 'item', type: 'button', onclick: show(q.ranges) },
          clip(q.text),
          (q.via || q.paragraphs > 1) && h('span', { class: 'meta' },
            [q.via && `as “${q.via}”`, q.paragraphs > 1 && `${q.paragraphs} paragraphs`]
              .filter(Boolean).join(' · '))))))));

  const officials = model.officials.map((o) =>
    h('li', null, h('button', { class: 'item', type: 'button', onclick: show(o.ranges) },
      h('strong', null, o.name),
      o.titles.length > 0 && h('span', { class: 'meta' }, o.titles.join(', ')),
      o.where.length > 0 && h('span', { class: 'meta' }, o.where.join(' · ')),
      h('span', { class: 'meta' },
        `${plural(o.mentions, 'mention')} · ${plural(o.quotes, 'quote')}`))));

  const section = (key, title, count, items, list = true) =>
    h('section', { 'aria-label': title },
      h('h3', null, swatch(key), `${title} (${count})`),
      items.length ? (list ? h('ul', null, items) : items) : none());

  const closeButton = h('button', {
    class: 'close', type: 'button', 'aria-label': 'Close factlens', onclick: actions.close,
  }, '×');
  const panel = h('aside', { class: 'panel', 'aria-label': 'factlens findings' },
    h('header', null,
      h('h2', null, 'factlens'),
      h('p', { class: 'summary' }, [
        plural(model.repeats.length, 'repeat'),
        plural(model.quoteCount, 'quote'),
        plural(model.officials.length, 'official'),
      ].join(' · ')),
      closeButton),
    h('div', { class: 'body' },
      section('repeat', 'Repeated paragraphs', model.repeats.length, repeats, false),
      // Shown only when a speaker's quote reappears reworded.
      drift.length > 0 && section('quote', 'Quote drift', drift.length, drift),
      section('quote', 'Quotes', model.quoteCount, quotes, false),
      section('official', 'Officials', model.officials.length, officials)),
    h('div', { class: 'legend', 'aria-hidden': 'true' },
      Object.keys(SWATCH).map((k) => h('span', null, swatch(k), k))));

  const host = document.createElement(HOST_TAG);
  for (const [prop, value] of [
    ['all', 'initial'], ['position', 'fixed'], ['top', '12px'], ['right', '12px'],
    ['z-index', '2147483647'], ['display', 'block'],
  ]) host.style.setProperty(prop, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  if ('adoptedStyleSheets' in root) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SHEET_TEXT + SWATCH_RULES);
    root.adoptedStyleSheets = [sheet];
  }
  root.append(panel);

  const onKey = (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) actions.close();
  };
  document.addEventListener('keydown', onKey);
  document.documentElement.append(host);

  return {
    host,
    remove() {
      document.removeEventListener('keydown', onKey);
      host.remove();
    },
  };
}
