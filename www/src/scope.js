// Article scope: which part of the page a scan reads.
//
// Semantic elements first (`[itemprop~=articleBody]`, `article`, `main`, `[role=main]`), checked
// against a text-density score in the spirit of Readability (mozilla/readability's
// `_grabArticle`): paragraphs score by length and commas, their ancestors collect the scores,
// link-heavy containers lose theirs. Unlike Readability this reads the live DOM and changes
// nothing: no node is removed, rewritten or moved; "unlikely" containers are skipped, not
// deleted.

import { hidden } from './flatten.js';

// Class/id words, as Readability has them (REGEXPS.unlikelyCandidates, okMaybeItsACandidate,
// positive, negative).
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const NOT_CONTENT = /^(NAV|ASIDE|FOOTER|BUTTON|SELECT|DIALOG|MENU|SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/;
const NOT_CONTENT_ROLE = /^(menu|menubar|navigation|complementary|alert|alertdialog|dialog|search|banner|contentinfo)$/;
const SEMANTIC = ['[itemprop~="articleBody"]', 'article', 'main', '[role="main"]'];

const words = (el) => el.textContent.replace(/\s+/g, ' ').trim();

/** What JavaScript's `\s` matches. */
const isSpace = (c) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
  c === 0x3000 || c === 0xfeff;

/** `t.replace(/\s+/g, ' ').trim().length` without building the string (a 20 MB article's text). */
function collapsedLength(t) {
  let n = 0;
  let gap = false;
  for (let i = 0; i < t.length; i++) {
    if (isSpace(t.charCodeAt(i))) {
      gap = n > 0;
    } else {
      n += gap ? 2 : 1;
      gap = false;
    }
  }
  return n;
}

/** `words(el).length`, faster. */
const textLength = (el) => collapsedLength(el.textContent);
const classAndId = (el) => `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;

/** Readability's class weight: ±25 for a positive or negative class name or id. */
function classWeight(el) {
  const s = classAndId(el);
  return (NEGATIVE.test(s) ? -25 : 0) + (POSITIVE.test(s) ? 25 : 0);
}

/** Readability's initial score of a container by its tag. */
function tagScore(el) {
  switch (el.localName) {
    case 'div': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

/** Is `el` (or an ancestor below `top`) furniture: navigation, asides, comments, share bars? */
function unlikely(el, top, seen) {
  for (let a = el; a && a !== top; a = a.parentElement) {
    let v = seen.get(a);
    if (v === undefined) {
      const s = classAndId(a);
      v = NOT_CONTENT.test(a.tagName) || NOT_CONTENT_ROLE.test(a.getAttribute('role') || '') ||
        (UNLIKELY.test(s) && !MAYBE.test(s) && a.localName !== 'article' && a.localName !== 'body');
      seen.set(a, v);
    }
    if (v) return true;
  }
  return false;
}

/**
 * Share of an element's text that sits inside links (in-page `#` links count 0.3); `length` is
 * its text's length, or a function giving it (not asked for when there are no links).
 */
function linkDensity(el, length) {
  let linked = 0;
  for (const a of el.querySelectorAll('a')) {
    const href = a.getAttribute('href');
    linked += textLength(a) * (href && href[0] === '#' ? 0.3 : 1);
  }
  if (!linked) return 0;
  const total = typeof length === 'function' ? length() : length;
  return total ? Math.min(1, linked / total) : 0;
}

/**
 * Scores the containers of the page's paragraphs, as Readability does, without changing the DOM.
 * A generator (see articleSteps): returns the candidates.
 * @returns {{ el: Element, score: number }[]} candidates, best first; `.prose`
 *   lists the paragraphs that were scored with their text lengths
 */
function* densityCandidates(doc) {
  const body = doc.body;
  if (!body) return [];
  const scores = new Map();
  const seen = new Map();
  const prose = [];
  let n = 0;
  for (const p of body.querySelectorAll('p,pre,td,div,section,h2,h3,h4,h5,h6')) {
    if (!(++n & 1023)) yield;
    // A div or section counts as a paragraph only for text directly inside it.
    const direct = p.localName === 'div' || p.localName === 'section';
    const raw = direct ? [...p.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('') : p.textContent;
    const length = collapsedLength(raw);
    if (length < 25 || unlikely(p, body, seen) || hidden(p)) continue;
    prose.push([p, length]);
    const score = 1 + (raw.match(/[,，、،]/g) || []).length + Math.min(Math.floor(length / 100), 3);
    let level = 0;
    for (let a = direct ? p : p.parentElement; a && level < 5; a = a.parentElement, level++) {
      if (a === doc.documentElement) break;
      let entry = scores.get(a);
      if (!entry) scores.set(a, (entry = { el: a, score: tagScore(a) + classWeight(a) }));
      entry.score += score / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  const out = [...scores.values()];
  for (const c of out) c.score *= 1 - linkDensity(c.el, () => textLength(c.el));
  out.sort((a, b) => b.score - a.score);
  out.prose = prose;
  return out;
}

/**
 * The best density candidate, widened as Readability widens it: to the ancestor that several
 * near-best candidates share, then up while the parent scores higher, then past wrappers with a
 * single child, then to the parent when siblings belong to the article.
 * A generator (see articleSteps): returns the root.
 * @returns {{ el: Element, skip: Set<Element>, prose: (el: Element, skip: Set<Element>) => number } | null}
 *   `skip`: children of `el` left out; `prose(el, skip)`: length of the scored paragraphs in `el`
 */
function* densityRoot(doc) {
  const candidates = yield* densityCandidates(doc);
  if (!candidates.length) return null;
  const prose = (el, skip) => {
    let n = 0;
    for (const [p, len] of candidates.prose) {
      if (el.contains(p) && ![...skip].some((s) => s.contains(p))) n += len;
    }
    return n;
  };
  const byEl = new Map(candidates.map((c) => [c.el, c.score]));
  let top = candidates[0].el;
  const best = candidates[0].score;
  const close = candidates.slice(1, 5).filter((c) => c.score / best >= 0.75).map((c) => c.el);
  if (close.length >= 3) {
    for (let a = top.parentElement; a && a !== doc.body; a = a.parentElement) {
      if (close.filter((c) => a.contains(c)).length >= 3) {
        top = a;
        break;
      }
    }
  }
  let last = byEl.get(top) ?? best;
  const floor = last / 3;
  for (let p = top.parentElement; p && p !== doc.body; p = p.parentElement) {
    const s = byEl.get(p);
    if (s === undefined) continue;
    if (s < floor) break;
    if (s > last) {
      top = p;
      break;
    }
    last = s;
  }
  while (top.parentElement && top.parentElement !== doc.body && top.parentElement.children.length === 1) {
    top = top.parentElement;
  }
  // Siblings that score well enough, or read as prose, belong to the article too (an article
  // split into several containers by ad slots, a list article of many items): the scope is then
  // the parent without the siblings left out.
  const parent = top.parentElement;
  const topScore = byEl.get(top) ?? best;
  const threshold = Math.max(10, topScore * 0.2);
  const skip = new Set();
  let joined = false;
  if (parent && parent !== doc.body && parent !== doc.documentElement) {
    for (const sib of parent.children) {
      if (sib === top) continue;
      const bonus = sib.className && sib.className === top.className ? topScore * 0.2 : 0;
      let take = (byEl.get(sib) ?? -Infinity) + bonus >= threshold;
      if (!take && sib.localName === 'p') {
        const text = words(sib);
        const density = linkDensity(sib, text.length);
        take = (text.length > 80 && density < 0.25) ||
          (text.length > 0 && text.length <= 80 && density === 0 && /\.( |$)/.test(text));
      }
      if (take) joined = true;
      else skip.add(sib);
    }
  }
  const out = joined ? { el: parent, skip } : { el: top, skip: new Set() };
  out.prose = prose;
  return out;
}

/**
 * The part of the page a scan reads: `{ root, skip, how }` — read `root` without the elements in
 * `skip`; `how` is "semantic" (an article element that agrees with the density score),
 * "density" (the densest text container) or "page" (the body, when neither finds an article).
 *
 * A semantic element wins when it holds the densest part and that part is most of its text
 * (the innermost such element: `articleBody` before `article` before `main`), or when it lies
 * inside the densest part and holds most of that part's text. Otherwise the densest part wins:
 * an `article` or `main` that also holds comments, related stories and link lists is wider than
 * the article.
 */
export function articleScope(doc = document, minShare = 0.5) {
  const steps = articleSteps(doc, minShare);
  let step;
  while (!(step = steps.next()).done);
  return step.value;
}

/**
 * articleScope() in steps: yields (nothing) every 1024 paragraphs it scores, so that a caller
 * can let the page run in between (a page of 100 000 paragraphs); returns the scope.
 */
export function* articleSteps(doc = document, minShare = 0.5) {
  const body = doc.body || doc.documentElement;
  const dense = yield* densityRoot(doc);
  const semantic = [];
  for (const sel of SEMANTIC) {
    for (const el of doc.querySelectorAll(sel)) if (!hidden(el)) semantic.push(el);
  }
  const none = new Set();
  const scope = (root, skip, how) => ({ root, skip: furniture(root, skip), how });
  if (dense) {
    const denseProse = dense.prose(dense.el, dense.skip);
    const holder = semantic.filter((el) => el.contains(dense.el))
      .map((el) => [el, dense.prose(el, none)])
      .sort((a, b) => a[1] - b[1])[0];
    if (holder && denseProse >= holder[1] * minShare) return scope(holder[0], none, 'semantic');
    const inside = semantic
      .filter((el) => dense.el.contains(el))
      .map((el) => [el, dense.prose(el, none)])
      .filter(([, n]) => n >= denseProse * 0.6)
      .sort((a, b) => b[1] - a[1])[0];
    if (inside) return scope(inside[0], none, 'semantic');
    return scope(dense.el, dense.skip, 'density');
  }
  if (semantic.length) {
    const words = (el) => el.textContent.length;
    return scope(semantic.sort((a, b) => words(b) - words(a))[0], none, 'semantic');
  }
  return { root: body, skip: none, how: 'page' };
}

const MEDIA = /gallery|slideshow|carousel|video-js|player|lightbox|copyright|newsletter/i;

/**
 * Furniture inside an article root, left out of the scope as Readability's conditional
 * cleaning would drop it: navigation and asides, related-story and share boxes, galleries and
 * media players, link lists.
 */
function furniture(root, skip) {
  const out = new Set(skip);
  for (const el of root.querySelectorAll('*')) {
    const s = classAndId(el);
    if (NOT_CONTENT.test(el.tagName) || NOT_CONTENT_ROLE.test(el.getAttribute('role') || '') ||
        (UNLIKELY.test(s) && !MAYBE.test(s)) || MEDIA.test(s) ||
        ((el.localName === 'ul' || el.localName === 'ol') && linkDensity(el, () => textLength(el)) > 0.5)) {
      out.add(el);
    }
  }
  return out;
}
