// Dynamic pages: a debounced MutationObserver, and a re-read of only the parts that changed.

import { flatten, hidden, isBlock } from './flatten.js';

/**
 * Watches the page for changes under `root()` (and for `root()` leaving the page), ignoring our
 * own elements; calls `flush(records)` once the page has been quiet for `delay` ms, or at the
 * latest `maxWait` ms after the first change.
 * @returns {() => void} stops watching
 */
export function watchPage(root, isOurs, flush, delay = 300, maxWait = 1500) {
  let pending = [];
  let timer = 0;
  let first = 0;
  const run = () => {
    timer = 0;
    const records = pending;
    pending = [];
    flush(records);
  };
  const observer = new MutationObserver((records) => {
    const r0 = root();
    for (const r of records) {
      if (isOurs(r.target) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOurs))) continue;
      if (r0.contains(r.target) || (r.removedNodes.length && !r0.isConnected)) pending.push(r);
    }
    if (!pending.length) return;
    const now = Date.now();
    if (!timer) first = now;
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(delay, first + maxWait - now)));
  });
  observer.observe(document.documentElement, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ['class', 'style', 'hidden', 'aria-hidden', 'open'],
  });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}

/** Does the element hold text of its own (not only inside child elements)? */
const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && /\S/.test(n.data));

/**
 * The blocks after the changes in `records`: blocks under a changed part are read again, the
 * rest are kept. A changed part is the paragraph-level element holding the change — or a new
 * paragraph-level element on its own. Returns null when the scope's root has left the page.
 * @param {import('./flatten.js').Block[]} blocks the blocks before the changes
 * @param {Element} root
 * @param {MutationRecord[]} records
 * @param {(el: Element) => boolean} exclude elements never read (ours, the scope's furniture)
 */
export function reread(blocks, root, records, exclude) {
  if (!root.isConnected) return null;
  const excluded = (el) => {
    for (let a = el; a && a !== root; a = a.parentElement) if (exclude(a)) return true;
    return false;
  };
  const owner = (el) => {
    while (el !== root && !isBlock(el)) el = el.parentElement;
    return el;
  };
  const parts = new Set();
  for (const r of records) {
    const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    if (!t || !t.isConnected || !root.contains(t) || excluded(t)) continue;
    if (r.type === 'childList' && !ownText(t)) {
      // New paragraph-level elements are read on their own; removed ones take their blocks along.
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && isBlock(n)) parts.add(n);
        else if (n.nodeType === 1 || n.nodeType === 3) parts.add(owner(t));
      }
      if ([...r.removedNodes].some((n) => !(n.nodeType === 1 && isBlock(n)))) parts.add(owner(t));
    } else {
      parts.add(r.type === 'attributes' && isBlock(t) ? t : owner(t));
    }
  }
  const list = [...parts].filter((p) => p.isConnected && ![...parts].some((q) => q !== p && q.contains(p)));
  const kept = blocks.filter((b) =>
    b.nodes.every((n) => n.isConnected && root.contains(n)) && !list.some((p) => p.contains(b.el)));
  const fresh = list.flatMap((p) => (p !== root && hidden(p) ? [] : flatten(p, exclude)));
  return kept.concat(fresh).sort((a, b) =>
    a.nodes[0].compareDocumentPosition(b.nodes[0]) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
}

/** Same texts (and, with `nodes`, the same text nodes) in the same order? */
export function sameBlocks(a, b, nodes) {
  return a.length === b.length && a.every((x, i) => x.text === b[i].text &&
    (!nodes || (x.nodes.length === b[i].nodes.length && x.nodes.every((n, j) => n === b[i].nodes[j]))));
}
