// Highlights: the CSS Custom Highlight API where the browser has it, else boxes drawn behind the
// text in a layer of our own. Either way no page node is wrapped, moved or restyled.
//
// One named highlight per category. Each category sets both its background and its text colour,
// one palette for light pages and one for dark ones (the page's own background decides), so the
// text keeps a contrast of at least 4.5:1 whatever colours the page uses (tests/e2e/contrast).
// Underline styles tell apart the categories that may overlap, without relying on colour.

/** Background and text colour of each category, on light and on dark pages; `flash` is the
 * temporary one that flashes a finding. */
export const PALETTE = {
  light: {
    repeat: ['#ffd8a8', '#000'],
    edited: ['#fff3bf', '#000'],
    quote: ['#d0e4ff', '#000'],
    unattributed: ['#ffd6dc', '#000'],
    speaker: ['#b9f0c6', '#000'],
    official: ['#e8ddff', '#000'],
    flash: ['#1a1a1a', '#fff'],
  },
  dark: {
    repeat: ['#6e3c00', '#fff'],
    edited: ['#574800', '#fff'],
    quote: ['#17407a', '#fff'],
    unattributed: ['#7c1a2c', '#fff'],
    speaker: ['#134a22', '#fff'],
    official: ['#4a2c85', '#fff'],
    flash: ['#f2f2f2', '#000'],
  },
};

/** Underlines, in the text colour: overlapping categories stay apart without colour. */
export const LINE = { edited: 'dashed', unattributed: 'wavy', speaker: 'solid', official: 'dotted' };

const PRIORITY = { repeat: 0, edited: 0, quote: 1, unattributed: 1, official: 2, speaker: 3, flash: 10 };

/** The highlight name of a category (factlens-repeat, ...). */
const NAME = (key) => `factlens-${key}`;

export const supported = () =>
  typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function';

/** The `::highlight()` rules of one palette. */
export function highlightCss(theme) {
  return Object.entries(PALETTE[theme]).map(([key, [bg, fg]]) =>
    // !important, and adopted after the page's sheets: a page's ::highlight rules for these
    // names lose to ours.
    `::highlight(${NAME(key)}){background-color:${bg}!important;color:${fg}!important` +
    (LINE[key] ? `;text-decoration:underline ${LINE[key]} ${fg} 2px!important;text-underline-offset:2px!important` : '') + '}').join('');
}

/** sRGB channels 0–255 of a CSS colour, or null (alpha ≤ .5 counts as none). */
function rgb(color) {
  const m = /^rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+%?))?/.exec(color);
  if (!m) return null;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4];
  return a > 0.5 ? [+m[1], +m[2], +m[3]] : null;
}

/** WCAG relative luminance of sRGB channels 0–255. */
export function luminance([r, g, b]) {
  const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * "dark" when the page shows `el` on a dark background: the first opaque background from `el`
 * up; with none, light text means a dark canvas.
 */
export function pageTheme(el) {
  for (let a = el; a && a.nodeType === 1; a = a.parentElement) {
    const bg = rgb(getComputedStyle(a).backgroundColor);
    if (bg) return luminance(bg) < 0.18 ? 'dark' : 'light';
  }
  const fg = el && el.nodeType === 1 && rgb(getComputedStyle(el).color);
  return fg && luminance(fg) > 0.4 ? 'dark' : 'light';
}

let sheet = null;
let flashTimer = 0;
/** The fallback layer: { host, root, painted: {key: Range[]}, theme } */
let layer = null;
let index = null; // [key, range, rects in page coordinates] for hit tests without highlightsFromPoint
const ranges = {}; // what is painted, by category
/** Style sheets of ours adopted: in the document (`sheet`), open shadow roots and same-origin frames. */
let adopted = [];

/** Makes our own element, styled inline with !important so page CSS cannot touch it. */
export function ownHost(tag, styles, mode) {
  const host = document.createElement(tag);
  for (const [prop, value] of [['all', 'initial'], ...styles]) host.style.setProperty(prop, value, 'important');
  return [host, host.attachShadow({ mode })];
}

/**
 * Shows ranges by category: `{ repeat: Range[], quote: Range[], ... }` in the palette of
 * `theme`. Uses the Highlight API, else draws boxes (in a shadow root of ours on <html>).
 * @returns {'api' | 'boxes'}
 */
export function paint(groups, theme = 'light', shadowMode = 'closed') {
  unpaint();
  Object.assign(ranges, groups);
  if (supported()) {
    adoptSheet(theme);
    // Ranges in a same-origin frame go to that frame's registry; the ::highlight rules go to
    // every document and open shadow root that holds a range (they style only their own tree).
    const byDoc = new Map([[document, {}]]);
    const sheets = new Map([[document, sheet]]);
    const roots = new Set();
    for (const [key, list] of Object.entries(groups)) {
      for (const range of list) {
        const node = range.startContainer;
        const doc = node.ownerDocument;
        if (!byDoc.has(doc)) {
          byDoc.set(doc, {});
          sheets.set(doc, adopt(doc, new doc.defaultView.CSSStyleSheet(), theme));
        }
        (byDoc.get(doc)[key] ??= []).push(range);
        const root = node.getRootNode();
        if (root !== doc && !roots.has(root) && sheets.get(doc)) {
          roots.add(root);
          adopt(root, sheets.get(doc));
        }
      }
    }
    for (const [doc, lists] of byDoc) {
      const view = doc.defaultView;
      for (const [key, list] of Object.entries(lists)) {
        // Added one by one: spreading tens of thousands of ranges into the constructor's
        // arguments can pass the engine's argument limit.
        const h = new view.Highlight();
        for (const range of list) h.add(range);
        h.priority = PRIORITY[key] || 0;
        view.CSS.highlights.set(NAME(key), h);
      }
    }
    return 'api';
  }
  const [host, root] = ownHost('factlens-marks', [
    ['position', 'absolute'], ['top', '0'], ['left', '0'], ['width', '0'], ['height', '0'],
    ['overflow', 'visible'], ['pointer-events', 'none'], ['z-index', '2147483646'], ['display', 'block'],
  ], shadowMode);
  const css = new CSSStyleSheet();
  // Behind the text in effect: multiply (light pages) keeps dark text dark over the colour,
  // screen (dark pages) keeps light text light.
  css.replaceSync(`div{position:absolute;pointer-events:none;mix-blend-mode:${theme === 'dark' ? 'screen' : 'multiply'}}` +
    Object.entries(PALETTE[theme]).map(([k, [bg]]) =>
      `.${k}{background:${bg}${LINE[k] ? `;border-bottom:2px ${LINE[k] === 'wavy' ? 'dashed' : LINE[k]} ${theme === 'dark' ? '#fff' : '#000'}` : ''}}`).join(''));
  root.adoptedStyleSheets = [css];
  document.documentElement.append(host);
  layer = { host, root, theme };
  drawBoxes();
  addEventListener('resize', relayout, { passive: true });
  layer.resize = new ResizeObserver(relayout);
  layer.resize.observe(document.body || document.documentElement);
  return 'boxes';
}

let relayoutFrame = 0;
function relayout() {
  index = null;
  if (!layer || relayoutFrame) return;
  relayoutFrame = requestAnimationFrame(() => {
    relayoutFrame = 0;
    drawBoxes();
  });
}

/** (Re)draws one box per client rect of every painted range, flash included. */
function drawBoxes() {
  if (!layer) return;
  const origin = layer.host.getBoundingClientRect();
  const boxes = [];
  for (const key of Object.keys(PALETTE.light)) {
    for (const range of ranges[key] || []) {
      // A frame's ranges have the frame's own coordinates: the layer cannot place them.
      if (range.startContainer.ownerDocument !== document) continue;
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        const box = document.createElement('div');
        box.className = key;
        for (const [p, v] of [['left', r.left - origin.left], ['top', r.top - origin.top], ['width', r.width], ['height', r.height]]) {
          box.style.setProperty(p, `${v}px`);
        }
        boxes.push(box);
      }
    }
  }
  layer.root.replaceChildren(...boxes);
}

/** Flashes ranges for a moment with the `factlens-flash` highlight (or boxes). */
export function flash(list, ms = 1600) {
  if (!list.length) return;
  clearTimeout(flashTimer);
  const end = () => {
    ranges.flash = [];
    if (supported()) CSS.highlights.delete(NAME('flash'));
    else drawBoxes();
  };
  ranges.flash = list;
  if (supported()) {
    adoptSheet('light');
    const h = new Highlight(...list);
    h.priority = PRIORITY.flash;
    CSS.highlights.set(NAME('flash'), h);
  } else {
    drawBoxes();
  }
  flashTimer = setTimeout(end, ms);
}

/** Removes every factlens highlight, box and stylesheet. */
export function unpaint() {
  clearTimeout(flashTimer);
  for (const key of Object.keys(ranges)) delete ranges[key];
  index = null;
  if (supported()) for (const key of Object.keys(PRIORITY)) CSS.highlights.delete(NAME(key));
  sheet = null;
  for (const { target, css } of adopted) {
    try {
      target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== css);
      if (target.nodeType === 9) for (const key of Object.keys(PRIORITY)) target.defaultView?.CSS.highlights.delete(NAME(key));
    } catch { /* a frame that left the page */ }
  }
  adopted = [];
  if (layer) {
    removeEventListener('resize', relayout);
    layer.resize.disconnect();
    layer.host.remove();
    layer = null;
  }
}

/** Adopts `css` (our ::highlight rules in `theme`, filled in when empty) in a document or shadow root. */
function adopt(target, css, theme) {
  if (theme) css.replaceSync(highlightCss(theme));
  target.adoptedStyleSheets = [...target.adoptedStyleSheets, css];
  adopted.push({ target, css });
  return css;
}

/** Our ::highlight rules in the document, once. */
function adoptSheet(theme) {
  if (!sheet && 'adoptedStyleSheets' in document) sheet = adopt(document, new CSSStyleSheet(), theme);
}

/**
 * The painted ranges under a point of the viewport, `[category, Range][]`, the most specific
 * category first: `CSS.highlights.highlightsFromPoint` where the browser has it, else an index
 * of the ranges' client rects (rebuilt after the layout changes).
 */
export function rangesAt(x, y) {
  const hits = [];
  const registry = supported() && CSS.highlights;
  if (registry && typeof registry.highlightsFromPoint === 'function') {
    const keyOf = new Map(Object.keys(PRIORITY).map((k) => [registry.get(NAME(k)), k]));
    for (const hit of registry.highlightsFromPoint(x, y)) {
      const key = keyOf.get(hit.highlight);
      if (key && key !== 'flash') for (const range of hit.ranges) hits.push([key, range]);
    }
  } else {
    // The layout changed when the width or the page height did: build the index again.
    const layout = `${innerWidth}:${document.documentElement.scrollHeight}`;
    if (!index || index.layout !== layout) {
      index = [];
      index.layout = layout;
      for (const [key, list] of Object.entries(ranges)) {
        if (key === 'flash') continue;
        for (const range of list) {
          if (range.startContainer.ownerDocument !== document) continue; // a frame's own coordinates
          const rects = [...range.getClientRects()].map((r) =>
            [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY]);
          index.push([key, range, rects]);
        }
      }
    }
    const px = x + scrollX;
    const py = y + scrollY;
    for (const [key, range, rects] of index) {
      if (rects.some(([l, t, r, b]) => px >= l && px <= r && py >= t && py <= b)) hits.push([key, range]);
    }
  }
  return hits.sort((a, b) => PRIORITY[b[0]] - PRIORITY[a[0]]);
}
