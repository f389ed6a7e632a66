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
  const block = blocks[index];
  if (!block) return null;
  const text = block.text;
  const start = text.length - text.trimStart().length;
  return rangeOf(blocks, index, start, text.trimEnd().length);
}

/** A Range for a `{block, start, end}` span. */
export const spanRange = (blocks, span) => span && rangeOf(blocks, span.block, span.start, span.end);
