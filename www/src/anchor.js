// Block offsets -> DOM Ranges.
//
// A block's text is the concatenation of its text nodes (flatten.js), so a UTF-16 offset into
// the block is found in the last node that starts at or before it (binary search over starts).

/** Index of the last node whose start is <= offset (or < offset when `end` is true). */
function nodeAt(starts, offset, end) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < offset || (!end && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A Range over [start, end) of block `index`, or null when the offsets do not fit the block.
 * @param {import('./flatten.js').Block[]} blocks
 */
export function rangeOf(blocks, index, start, end) {
  const block = blocks[index];
  if (!block || !(start >= 0) || !(end >= start) || end > block.text.length) return null;
  const a = nodeAt(block.starts, start, false);
  const b = nodeAt(block.starts, end, true);
  const range = new Range();
  try {
    range.setStart(block.nodes[a], start - block.starts[a]);
    range.setEnd(block.nodes[b], end - block.starts[b]);
  } catch {
    return null; // a node changed since the walk
  }
  return range;
}

/** A Range over the whole of block `index` without its leading and trailing whitespace. */
export function blockRange(blocks, index) {
  const text = blocks[index]?.text;
  // Found in place, not by trimming: no copy of the text is made (a long page has 100 000 blocks).
  const start = text ? text.search(/\S/) : -1;
  if (start < 0) return null;
  let end = text.length;
  while (/\s/.test(text[end - 1])) end--;
  return rangeOf(blocks, index, start, end);
}

/** A Range for a `{block, start, end}` span. */
export const spanRange = (blocks, span) => span && rangeOf(blocks, span.block, span.start, span.end);

/** How many characters `a` and `b` share, counted from their starts (or, `back`, their ends). */
function agree(a, b, back) {
  let n = 0;
  const m = Math.min(a.length, b.length);
  while (n < m && (back ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
  return n;
}

/**
 * Finds a text again, as a W3C Web Annotation TextQuoteSelector is found: `exact` where it was
 * (`block`, `start`); else its only occurrence in that block; else, of every occurrence in any
 * block, the one whose surrounding text agrees best with `prefix` and `suffix` (the nearer block
 * on a tie). Lets a finding follow its text when the page around it changed.
 * @param {import('./flatten.js').Block[]} blocks
 * @param {{ exact: string, prefix?: string, suffix?: string, block?: number, start?: number }} sel
 * @returns {{ block: number, start: number, end: number } | null}
 */
export function relocate(blocks, sel) {
  const { exact, prefix = '', suffix = '', block = -1, start = -1 } = sel;
  if (!exact) return null;
  const span = (b, s) => ({ block: b, start: s, end: s + exact.length });
  if (blocks[block]?.text.startsWith(exact, start)) return span(block, start);
  const hits = [];
  blocks.forEach(({ text }, b) => {
    for (let s = text.indexOf(exact); s >= 0; s = text.indexOf(exact, s + 1)) hits.push([b, s]);
  });
  const here = hits.filter(([b]) => b === block);
  if (here.length === 1) return span(...here[0]);
  let best = null;
  let bestScore = -Infinity;
  for (const [b, s] of hits) {
    const text = blocks[b].text;
    const score = agree(prefix, text.slice(Math.max(0, s - prefix.length), s), true) +
      agree(suffix, text.slice(s + exact.length, s + exact.length + suffix.length), false) -
      Math.abs(b - block) / (blocks.length + 1);
    if (score > bestScore) [best, bestScore] = [span(b, s), score];
  }
  return best;
}
