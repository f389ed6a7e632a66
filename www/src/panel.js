// The panel, and the card that hovering or clicking highlighted text shows.
//
// A host element on <html> (outside <body>, so the page's text is untouched) with a closed
// shadow root styled only by constructable stylesheets (allowed under `style-src 'self'`); the
// host's own position is set inline with !important so page CSS cannot move it. Page text
// reaches it only as text nodes, never as HTML. The panel is the accessible surface of factlens
// (highlights are invisible to screen readers): a labelled complementary landmark with headed,
// collapsible sections of buttons, arrow-key navigation, a live announcement of the results.

import { PALETTE, ownHost, rangesAt } from './highlight.js';

/** Tag of the host element; flatten() never walks into it. */
export const HOST_TAG = 'factlens-overlay';

/**
 * Shadow root mode of the panel and the fallback layer. Always "closed" in dist/; the e2e tests
 * build a copy with "open" so that axe-core and the keyboard tests can look inside.
 */
export const settings = { shadow: 'closed' };

/** The keyboard shortcut that shows, enters and hides the panel (README: "The overlay"). */
export const SHORTCUT = 'Alt+Shift+F';

// Colours are variables, so that the dark scheme only swaps the variables.
const SHEET_TEXT = `
*{box-sizing:border-box}
.panel,.card{--bg:#fff;--fg:#1b1f24;--mute:#4f5761;--line:#c9ced6;--soft:#f3f5f8;--on:#0b63ce;--onfg:#fff;--bar:#3b78c4;--anon:#c23a4e;--ins:#dff5e1;--insfg:#0d4a1a;--del:#fde2e2;--delfg:#7a1010;
 font:13px/1.4 system-ui,sans-serif;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:10px;box-shadow:0 6px 24px #0004}
.panel{width:min(380px,calc(100vw - 24px));max-height:calc(100vh - 24px);display:flex;flex-direction:column;overflow:hidden}
.collapsed{width:auto}
header{display:flex;align-items:center;gap:8px;padding:8px 10px 8px 12px;background:var(--soft)}
h2{font-size:15px;margin:0}
.summary,.meta,.none,.foot,.scope,.count,.sec{color:var(--mute);font-size:12px}
.summary{flex:1;white-space:nowrap}
button{font:inherit;color:inherit;cursor:pointer;background:none}
.tool{font-size:12px;min-width:28px;height:28px;padding:0 8px;border:1px solid var(--line);border-radius:6px}
button:hover{background:var(--soft)}
button:focus-visible{outline:2px solid var(--on);outline-offset:1px}
.body{overflow:auto;padding:4px 12px 12px;border-top:1px solid var(--line)}
.scope{display:flex;align-items:center;gap:8px;margin:8px 0 0}
.scope span{flex:1}
[aria-pressed=true]{background:var(--on);border-color:var(--on);color:var(--onfg)}
h3{margin:12px 0 6px}
.sec{display:flex;width:100%;align-items:center;gap:6px;border:0;padding:2px 0;font-weight:700;text-transform:uppercase;text-align:left}
.chev{margin-left:auto}.chev::after{content:"▾"}
[aria-expanded=false] .chev::after{content:"▸"}
h4{font-size:13px;margin:10px 0 4px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;flex:none;border:1px solid #0004}
ul{list-style:none;margin:0;padding:0}
li{margin:0 0 6px}
.item{display:block;width:100%;text-align:left;border:1px solid var(--line);border-radius:6px;padding:6px 8px}
.meta{display:block}
p{margin:0}
.excerpt{margin:0 0 4px}
.copies{display:flex;flex-wrap:wrap;gap:4px}
.copies .item{width:auto;padding:2px 8px}
.times{font-weight:700;margin-left:4px}
.changes{margin:4px 0;font-size:12px}
ins,del{text-decoration:none;border-radius:3px;padding:0 3px;margin-right:3px;background:var(--ins);color:var(--insfg)}
del{background:var(--del);color:var(--delfg);text-decoration:line-through}
summary{cursor:pointer;color:var(--mute);font-size:12px;padding:4px 0}
.chart{margin:0 0 8px;padding:8px;border:1px solid var(--line);border-radius:6px;font-size:12px}
.chart li{display:grid;grid-template-columns:minmax(0,9em) 1fr 2.4em;align-items:center;gap:6px;margin:0 0 3px}
.who{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar{height:10px;border-radius:2px;background:var(--bar);min-width:2px}
.anon .bar{background:var(--anon)}
.n{text-align:right}
.foot{display:flex;flex-wrap:wrap;gap:4px 10px;padding:6px 12px;border-top:1px solid var(--line)}
.legend{display:flex;flex-wrap:wrap;gap:4px 10px}
.legend span{display:inline-flex;align-items:center;gap:4px}
.keys{flex-basis:100%}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.card{position:fixed;max-width:min(340px,calc(100vw - 16px));pointer-events:none;font-size:12px;border-radius:8px;padding:6px 10px}
.t{font-weight:700}
[hidden]{display:none!important}
@media (prefers-reduced-motion:no-preference){.panel,.card{transition:opacity .12s}}
@media (prefers-color-scheme:dark){.panel,.card{color-scheme:dark;--bg:#1e2227;--fg:#e6e8eb;--mute:#b1b9c3;--line:#4a525c;--soft:#2a3038;--on:#8ab4f8;--onfg:#111;--bar:#7aa7e6;--anon:#f08a9a;--ins:#1d3b24;--insfg:#bfe8c8;--del:#43201f;--delfg:#f3c2c0}}
@media print{.panel,.card{display:none}}
`;

/** Category swatches in the light palette (the panel's key to the page's colours); made when
 * the panel opens, so that loading factlens uses no built-in a page may have replaced. */
const swatchRules = () => Object.entries(PALETTE.light).map(([k, [bg]]) => `.sw-${k}{background:${bg}}`).join('');

/** Makes an element; string children become text nodes. */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null) continue;
    if (k === 'onclick') el.addEventListener('click', v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  for (const c of children.flat(9)) if (c != null && c !== false) el.append(c);
  return el;
}

const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const percent = (x) => `${Math.round(x * 100)}%`;
const clip = (s, n = 160) => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);
const swatch = (key) => key && h('span', { class: `swatch sw-${key}`, 'aria-hidden': 'true' });
const none = () => h('p', { class: 'none' }, 'None found.');
const editable = (el) => !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
const NO_SOURCE = 'No named source';
/** Text in quote marks, unless it starts with one of its own. */
const quoted = (t) => (/^["“‘'«„]/.test(t) ? t : `“${t}”`);

/** Entries a list shows at first, and how many more each "Show more" adds. */
const LIMIT = 50;

/** The key of a repeat group's category. */
const repeatKey = (g) => (g.kind === 'edited' ? 'edited' : 'repeat');

/**
 * Opens the panel and the hover card.
 * @param {{ show: (ranges: Range[]) => void, close: () => void, rescope: (scope: string) => void }} actions
 * @returns {{ host: HTMLElement, update: Function, blur: () => void, remove: () => void }}
 */
export function openPanel(actions) {
  const [host, root] = ownHost(HOST_TAG, [
    ['position', 'fixed'], ['top', '12px'], ['right', '12px'], ['left', 'auto'],
    ['z-index', '2147483647'], ['display', 'block'],
  ], settings.shadow);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(SHEET_TEXT + swatchRules());
  root.adoptedStyleSheets = [sheet];

  let collapsed = false;
  let first = true;
  let returnTo = null; // where focus was before it entered the panel
  let lastKey = null; // the item last focused, for the shortcut to come back to
  let said = '';
  let scopeEl = null;
  let notes = new Map(); // Range -> what the card says about it
  let folded = null; // the fold of furniture repeats, and whether the reader opened it
  let furnitureOpen = false;
  const closedSections = new Set();
  const shown = new Map(); // list -> how many of its entries the reader had shown

  /**
   * `all` as entries (`make(entry, i)`) in `box`, `first` of them at first: with thousands of
   * findings the panel draws a screenful, not thousands of entries. A "Show N more" button
   * after the box adds LIMIT more and moves focus to the first of them; an update keeps as
   * many shown as the reader had.
   */
  const batched = (id, all, make, first = LIMIT, box = h('ul')) => {
    let n = 0;
    const add = (k) => {
      for (const end = Math.min(all.length, n + k); n < end; n++) box.append(make(all[n], n));
      shown.set(id, n);
      return all.length - n;
    };
    const label = () => `Show ${Math.min(all.length - n, LIMIT)} more of ${all.length - n}`;
    const more = add(Math.max(first, shown.get(id) || 0)) > 0 && h('button', {
      class: 'tool', type: 'button', 'data-key': `m-${id}`,
      onclick: () => {
        const at = n;
        if (add(LIMIT)) more.textContent = label();
        else more.remove();
        const el = box.children[at];
        (el.querySelector('button,summary') || el).focus();
      },
    }, label());
    return [box, more];
  };

  const live = h('p', { role: 'status', 'aria-live': 'polite', class: 'sr' });
  const summary = h('p', { class: 'summary' });
  const toggle = h('button', {
    class: 'tool', type: 'button', 'aria-expanded': 'true', 'aria-controls': 'fl-body', 'data-key': 'toggle',
    title: `Show or hide the findings (${SHORTCUT})`, onclick: () => collapse(!collapsed, collapsed),
  }, 'Hide');
  // Not a Tab stop of its own (Firefox makes scrolling boxes one): its buttons are.
  const body = h('div', { class: 'body', id: 'fl-body', tabindex: '-1' });
  const foot = h('div', { class: 'foot' },
    h('div', { class: 'legend', 'aria-hidden': 'true' }, ...Object.keys(PALETTE.light).filter((k) => k !== 'flash')
      .map((k) => h('span', null, swatch(k), k))),
    h('span', { class: 'keys' }, `${SHORTCUT}: show, enter or hide · ↑ ↓: move · Esc: hide`));
  const panel = h('aside', { class: 'panel', 'aria-label': 'factlens findings' },
    h('header', null, h('h2', null, 'factlens'), summary, toggle,
      h('button', {
        class: 'tool', type: 'button', 'aria-label': 'Close factlens', 'data-key': 'close', onclick: actions.close,
      }, '×')),
    body, foot, live);
  const card = h('div', { class: 'card', hidden: '' });
  root.append(panel, card);

  const buttons = () => [...root.querySelectorAll('button,summary')]
    .filter((b) => !b.closest('[hidden],details:not([open])>:not(summary)'));
  const focusKey = (key) => {
    const el = key && root.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (!el || el.closest('[hidden]')) return false;
    el.focus();
    return true;
  };
  const enter = () => focusKey(lastKey) || buttons()[0]?.focus();
  const leave = () => {
    if (returnTo && returnTo.isConnected && returnTo !== document.body) returnTo.focus({ preventScroll: true });
    root.activeElement?.blur();
    returnTo = null;
  };

  /** Hides the findings (`shut`) or shows them; `focus`: then gives focus back, or enters. */
  function collapse(shut, focus) {
    collapsed = shut;
    if (!shut) dock();
    panel.classList.toggle('collapsed', shut);
    body.hidden = foot.hidden = shut;
    toggle.setAttribute('aria-expanded', `${!shut}`);
    toggle.textContent = shut ? 'Show' : 'Hide';
    if (focus) (shut ? leave : enter)();
  }

  /** Beside the article when there is room; false when the panel would cover its text.
   *  `r`: the article's box, when the caller measured it before changing anything (measuring
   *  after the highlights' style sheet went in would lay the page out on the spot). */
  function dock(r = scopeEl && scopeEl.isConnected ? scopeEl.getBoundingClientRect() : null) {
    const width = Math.min(380, innerWidth - 24) + 24;
    const right = !r || innerWidth - r.right >= width;
    const left = !right && r.left >= width;
    host.style.setProperty('right', left ? 'auto' : '12px', 'important');
    host.style.setProperty('left', left ? '12px' : 'auto', 'important');
    return right || left;
  }

  // Keyboard inside the panel: arrows move between its buttons, Esc hides it.
  root.addEventListener('keydown', (e) => {
    const list = buttons();
    const at = list.indexOf(root.activeElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (to !== undefined && at >= 0 && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      list[Math.max(0, Math.min(list.length - 1, to))].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      collapse(true, true);
    }
  });
  root.addEventListener('focusin', (e) => {
    if (e.relatedTarget && e.relatedTarget !== host && !returnTo) returnTo = e.relatedTarget;
    const key = e.target.getAttribute?.('data-key');
    if (key && key !== 'toggle' && key !== 'close') lastKey = key;
  });

  // The shortcut, and Esc for a pinned card. Nothing else is touched, nothing is prevented.
  const onKey = (e) => {
    if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyF' &&
        !(editable(e.target) && e.target !== host)) {
      e.preventDefault();
      if (collapsed) {
        returnTo = document.activeElement === host ? returnTo : document.activeElement;
        collapse(false, true);
      } else if (root.activeElement) {
        collapse(true, true);
      } else {
        returnTo = document.activeElement;
        enter();
      }
    } else if (e.key === 'Escape' && pinned) {
      hideCard();
    }
  };

  // The card: hover shows it, a click on highlighted text pins it until the next click.
  let pinned = false;
  let frame = 0;
  let pointer = [0, 0];
  const hideCard = () => {
    card.hidden = true;
    pinned = false;
  };
  const showAt = (x, y) => {
    const hits = host.contains(document.elementFromPoint(x, y)) ? [] : rangesAt(x, y);
    const lines = [];
    for (const [, range] of hits) {
      let note = notes.get(range);
      note = typeof note === 'function' ? note() : note;
      if (note && !lines.some((l) => l[0] === note[0])) lines.push(note);
    }
    if (!lines.length) {
      card.hidden = true;
      return false;
    }
    card.replaceChildren(...lines.slice(0, 2).flatMap(([title, ...rest]) =>
      [h('p', { class: 't' }, title), ...rest.map((t) => h('p', null, t))]));
    card.hidden = false;
    const w = card.offsetWidth;
    const ht = card.offsetHeight;
    const left = Math.max(8, Math.min(x + 14, innerWidth - w - 8));
    const top = y + 18 + ht > innerHeight - 8 ? Math.max(8, y - ht - 12) : y + 18;
    card.style.setProperty('left', `${left}px`);
    card.style.setProperty('top', `${top}px`);
    return true;
  };
  const onMove = (e) => {
    pointer = [e.clientX, e.clientY];
    if (pinned || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!pinned) showAt(...pointer);
    });
  };
  const onClick = (e) => {
    if (e.target === host) return;
    pinned = showAt(e.clientX, e.clientY);
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('pointermove', onMove, { passive: true });
  document.addEventListener('click', onClick, { passive: true });
  document.documentElement.append(host);

  /**
   * Shows a model (ReturnType of findings()) read from `info.root` ("article" or "page" scope).
   * Keeps what the reader did: collapsed sections, the focused item, the body's scroll.
   */
  function update(model, info) {
    scopeEl = info.root;
    const focused = root.activeElement?.getAttribute('data-key');
    // Reading or setting scrollTop lays the page out there and then: only a panel that was
    // already shown (and may be scrolled) pays for it.
    const scrolled = first ? 0 : body.scrollTop;
    notes = new Map();
    // An entry's button: "go to" its ranges (a list, or a function that makes it on the click).
    const item = (key, ranges, ...children) => h('button', {
      class: 'item', type: 'button', 'data-key': key, onclick: () => actions.show(ranges.call ? ranges() : ranges),
    }, ...children);

    // Words as <ins>/<del> text nodes; the page's words never become markup.
    const words = (tag, list) => list.flatMap((w) => [h(tag, null, clip(w.text, 80)), ' ']);
    const diff = (c) => [c.inserted.length > 0 && ['added ', ...words('ins', c.inserted)],
      c.deleted.length > 0 && ['removed ', ...words('del', c.deleted)]];
    const joined = (list) => list.map((w) => w.text).join(', ');

    // Repeats: one entry per group, a button per copy; for an edited group, what each copy
    // changed against copy 1. The card's text for a copy is made when the card shows it.
    const repeatNote = (g, i) => {
      const c = g.changes.find((c) => c.copy === i + 1);
      const others = [];
      g.copies.forEach(([r], j) => j !== i && r && others.length < 3 && others.push(`Copy ${j + 1}: ${quoted(clip(r.toString().trim(), 70))}`));
      return [`${repeatKey(g) === 'edited' ? `Edited repeat, ${percent(g.similarity)} similar` : 'Repeated paragraph'} — copy ${i + 1} of ${g.copies.length}`, c && [c.reordered && 'sentences in another order',
        c.inserted.length > 0 && `added ${joined(c.inserted)}`, c.deleted.length > 0 && `removed ${joined(c.deleted)}`]
        .filter(Boolean).join(' · '), ...others].filter(Boolean);
    };
    const indexed = model.repeats.map((g, gi) => {
      g.copies.forEach((ranges, i) => {
        const note = () => repeatNote(g, i);
        for (const r of ranges) notes.set(r, note);
      });
      return [g, gi];
    });
    const repeatItem = ([g, gi]) => {
      const key = repeatKey(g);
      const copy = (ranges, i) => {
        const b = item(`r${gi}.${i}`, ranges, `Copy ${i + 1}`);
        b.setAttribute('aria-label', `Show copy ${i + 1} of ${g.copies.length}`);
        return b;
      };
      // Its name is its text, so a screen reader hears the words that changed.
      const change = (c) => {
        const what = [c.reordered && 'sentences in another order', ...diff(c)].filter(Boolean);
        if (!what.length) what.push(c.similarity === 1 ? 'same words (punctuation differs)' : 'no word changes');
        return h('li', null, item(`c${gi}.${c.copy}`, c.ranges,
          h('strong', null, `Copy ${c.copy}`), ` (${percent(c.similarity)}): `, what));
      };
      return h('li', null,
        h('p', { class: 'excerpt' }, swatch(key), ' ', quoted(clip(g.excerpt, 120)), h('span', { class: 'times' }, `×${g.copies.length}`)),
        h('span', { class: 'meta' }, key === 'edited' ? `edited, ${percent(g.similarity)} similar` : 'verbatim'),
        g.changes.length > 0 && batched(`c${gi}`, g.changes, change, 10, h('ul', { class: 'changes', 'aria-label': 'What changed against copy 1' })),
        batched(`r${gi}`, g.copies, copy, 20, h('div', { class: 'copies' })));
    };
    // Repeats in the article first; those only in page furniture (navigation, footers, captions
    // repeated by layout) folded below them.
    const inFurniture = indexed.filter(([g]) => g.furniture);
    const inArticle = indexed.filter(([g]) => !g.furniture);
    if (folded) furnitureOpen = folded.open;
    const fold = inFurniture.length > 0 && h('details', { open: furnitureOpen ? '' : null },
      h('summary', { 'data-key': 'furniture' }, `In page furniture (${inFurniture.length})`), batched('furniture', inFurniture, repeatItem));
    folded = fold || null;
    const repeats = [inArticle.length > 0 && batched('repeats', inArticle, repeatItem), fold].filter(Boolean);

    // The same speaker quoted twice in slightly different words.
    const drift = batched('drift', model.drift, (d, i) =>
      h('li', null, item(`d${i}:${d.speaker}`, d.ranges,
        h('strong', null, d.speaker), ` (${percent(d.similarity)} similar)`,
        // A quote's text carries its own quote marks.
        h('span', { class: 'meta' }, clip(d.earlier, 90)),
        h('span', { class: 'meta' }, `later: ${clip(d.later, 90)}`),
        h('span', { class: 'meta' }, diff(d)))));

    // Quotes: the chart of who gets the voice, then the quotes under each speaker (with many
    // quotes, the first ten speakers and ten quotes of each at first).
    const seen = new Map();
    const keys = new Map();
    for (const group of model.quoteGroups) {
      const name = group.attributed ? group.name : NO_SOURCE;
      for (const q of group.items) {
        const official = q.official != null ? model.officials[q.official] : null;
        const title = official && official.titles.length ? official.titles.join(', ') : null;
        const note = [`Quote — ${name}`, title, q.via && `as “${q.via}”`,
          group.attributed && plural(group.items.length, 'quote') + ' from this speaker'].filter(Boolean);
        for (const r of q.ranges) notes.set(r, note);
        for (const r of q.speakerRanges) {
          notes.set(r, [`Speaker — ${name}`, title, plural(group.items.length, 'quote')].filter(Boolean));
        }
        const text = q.text.slice(0, 60);
        const n = (seen.get(text) || 0) + 1;
        seen.set(text, n);
        keys.set(q, `q${n}:${text}`);
      }
    }
    const few = model.quoteCount > LIMIT ? 10 : LIMIT;
    const quotes = model.quoteGroups.length > 0 && batched('quotes', model.quoteGroups, (group) => h('div', null,
      h('h4', null, group.name, ' ', h('span', { class: 'count' }, `(${group.items.length})`)),
      batched(`q:${group.name}`, group.items, (q) =>
        h('li', null, item(keys.get(q), q.ranges,
          clip(q.text),
          (q.via || q.paragraphs > 1) && h('span', { class: 'meta' },
            [q.via && `as “${q.via}”`, q.paragraphs > 1 && `${q.paragraphs} paragraphs`].filter(Boolean).join(' · ')))), few)), few, h('div'));
    const voices = model.quoteGroups.map((g) => [g.attributed ? g.name : NO_SOURCE, g.items.length, !g.attributed])
      .sort((a, b) => a[2] - b[2] || b[1] - a[1]);
    const named = voices.filter((v) => !v[2]);
    const rows = named.length > 6
      ? [...named.slice(0, 5), ['Others', named.slice(5).reduce((n, v) => n + v[1], 0), false]]
      : named;
    const anon = voices.find((v) => v[2]);
    const most = Math.max(1, ...rows.map((v) => v[1]), anon ? anon[1] : 0);
    const chart = voices.length > 0 && h('figure', { class: 'chart', 'aria-label': 'Quotes per speaker' },
      h('p', { class: 't', 'aria-hidden': 'true' }, 'Quotes per speaker'),
      h('ul', null, [...rows, ...(anon ? [anon] : [])].map(([who, n, isAnon]) => {
        const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
        bar.style.setProperty('width', `${Math.round((n / most) * 100)}%`);
        return h('li', { class: isAnon ? 'anon' : null },
          h('span', { class: 'who' }, who), bar, h('span', { class: 'n' }, `${n}`, h('span', { class: 'sr' }, n === 1 ? ' quote' : ' quotes')));
      })));

    // Officials, then the other people named; a bare surname several of them share is ambiguous.
    const lines = (o) => [o.titles.join(', '), o.where.join(' · '), `${plural(o.mentions, 'mention')} · ${plural(o.quotes, 'quote')}`,
      o.ambiguous > 0 && `${o.ambiguous} by a surname others share`].filter(Boolean);
    const people = (kind, list) => {
      for (const o of list) {
        const note = [`${kind} — ${o.name}`, ...lines(o)];
        for (const r of o.ranges) notes.set(r, note);
      }
      return list.length > 0 && batched(kind, list, (o, i) =>
        h('li', null, item(`${kind[0].toLowerCase()}${i}:${o.name}`, o.ranges,
          h('strong', null, o.name), ...lines(o).map((l) => h('span', { class: 'meta' }, l)))));
    };
    const officials = people('Official', model.officials);
    const others = people('Person', model.people);

    const section = (id, key, title, count, content) => {
      const open = !closedSections.has(id);
      const list = h('div', { id: `fl-${id}`, hidden: open ? null : '' }, content);
      const button = h('button', {
        class: 'sec', type: 'button', 'aria-expanded': `${open}`, 'aria-controls': `fl-${id}`, 'data-key': `s-${id}`,
        onclick: () => {
          const now = list.hidden;
          list.hidden = !now;
          button.setAttribute('aria-expanded', `${now}`);
          if (now) closedSections.delete(id);
          else closedSections.add(id);
        },
      }, swatch(key), `${title} (${count})`, h('span', { class: 'chev', 'aria-hidden': 'true' }));
      return h('section', { 'aria-label': title }, h('h3', null, button), list);
    };

    const page = info.scope === 'page';
    const unnamed = model.quoteGroups.filter((g) => !g.attributed).reduce((n, g) => n + g.items.length, 0);
    body.replaceChildren(...[
      h('p', { class: 'scope' },
        h('span', null, page ? 'Reading the whole page.' : info.how === 'page' ? 'No article found: reading the whole page.' : 'Reading the article.'),
        info.how !== 'given' && h('button', {
          class: 'tool', type: 'button', 'aria-pressed': `${page}`, 'data-key': 'scope',
          onclick: () => actions.rescope(page ? 'article' : 'page'),
        }, 'Whole page')),
      section('repeats', 'repeat', 'Repeated paragraphs', model.repeats.length, repeats.length ? repeats : none()),
      // Shown only when a speaker's quote reappears reworded, or people without a title are named.
      model.drift.length > 0 && section('drift', 'quote', 'Quote drift', model.drift.length, drift),
      section('quotes', 'quote', 'Quotes', model.quoteCount, quotes ? [chart, quotes] : none()),
      section('officials', 'official', 'Officials', model.officials.length, officials || none()),
      others && section('people', null, 'People', model.people.length, others),
    ].filter(Boolean));
    if (scrolled) body.scrollTop = scrolled;
    summary.textContent = [plural(model.repeats.length, 'repeat'), plural(model.quoteCount, 'quote'),
      plural(model.officials.length, 'official')].join(' · ');

    if (first) {
      first = false;
      if (!dock(info.rect)) collapse(true, false);
    }
    if (focused) focusKey(focused) || focusKey('toggle');

    const speakers = model.quoteGroups.filter((g) => g.attributed).length;
    const text = `factlens: ${plural(model.repeats.length, 'repeated paragraph')}, ${plural(model.quoteCount, 'quote')} ` +
      `from ${plural(speakers, 'named speaker')} (${unnamed} with no named source), ${plural(model.officials.length, 'official')}` +
      `${model.people.length ? ` and ${plural(model.people.length, 'other person', 'other people')}` : ''} in ${page || info.how === 'page' ? 'the whole page' : 'the article'}.`;
    if (text !== said) {
      said = text;
      // Filled in after the region exists, so that screen readers announce it.
      setTimeout(() => {
        live.textContent = text;
      }, 150);
    }
  }

  /** While a scan runs: what it is doing (the × button stops it). */
  const busy = (text) => (summary.textContent = text);

  /** A scan failed: says why, as text; the page is as it was. */
  function fail(text) {
    busy('Scan failed');
    body.replaceChildren(h('p', { role: 'alert' }, text));
  }

  return {
    host,
    update,
    busy,
    fail,
    /** Whether the panel has found its place beside the article (on its first findings). */
    docked: () => !first,
    /** Takes focus out of the panel (a "go to" moves it to the page). */
    blur: () => root.activeElement?.blur(),
    remove() {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointermove', onMove);
      document.removeEventListener('click', onClick);
      cancelAnimationFrame(frame);
      host.remove();
    },
  };
}
