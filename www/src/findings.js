// Report + blocks -> what the overlay shows: Ranges per highlight category and the panel's
// entries (repeat groups, quotations grouped by speaker, officials), each with its Ranges.

import { blockRange, rangeOf, relocate, spanRange } from './anchor.js';

const UNATTRIBUTED = 'Unattributed';

/**
 * @param {import('./factlens').Report} report
 * @param {import('./flatten.js').Block[]} blocks
 */
export function findings(report, blocks) {
  const keep = (list) => list.filter(Boolean);
  const paint = { repeat: [], edited: [], quote: [], unattributed: [], speaker: [], official: [] };

  const repeats = report.repeats.map((g) => {
    const copies = g.blocks.map((b) => keep([blockRange(blocks, b)]));
    paint[g.kind === 'edited' ? 'edited' : 'repeat'].push(...copies.flat());
    return { kind: g.kind, similarity: g.similarity, excerpt: g.excerpt, copies };
  });

  // One entry per quotation: the segments of a multi-paragraph quotation share `chain`.
  const quotations = new Map();
  report.quotes.forEach((q, i) => {
    const key = q.chain ?? i;
    let entry = quotations.get(key);
    if (!entry) {
      entry = { text: [], ranges: [], speaker: null, via: null, official: null, speakerRanges: [] };
      quotations.set(key, entry);
    }
    entry.text.push(q.text);
    // Anchored by its text (TextQuoteSelector: exact, then prefix/suffix), not by offsets alone.
    const at = relocate(blocks, { exact: q.text, prefix: q.prefix, suffix: q.suffix, block: q.block, start: q.start });
    const range = at && rangeOf(blocks, at.block, at.start, at.end);
    if (range) entry.ranges.push(range);
    // The resolved name, else the mention as written (shown quoted: not resolved to a name).
    entry.speaker ??= q.speaker_resolved ?? (q.speaker ? `“${q.speaker}” (unresolved)` : null);
    entry.via ??= q.speaker;
    entry.official ??= q.official;
    const speakerRange = spanRange(blocks, q.speaker_span);
    if (speakerRange) {
      paint.speaker.push(speakerRange);
      entry.speakerRanges.push(speakerRange);
    }
  });
  const groups = new Map();
  for (const entry of quotations.values()) {
    (entry.speaker ? paint.quote : paint.unattributed).push(...entry.ranges);
    const name = entry.speaker || UNATTRIBUTED;
    if (!groups.has(name)) groups.set(name, { name, attributed: !!entry.speaker, items: [] });
    groups.get(name).items.push({
      text: entry.text.join(' '),
      paragraphs: entry.text.length,
      via: entry.via && entry.via !== name && !name.startsWith('“') ? entry.via : null,
      ranges: entry.ranges,
      official: entry.official,
      speakerRanges: entry.speakerRanges,
    });
  }
  // Named speakers in order of first quotation, the unattributed last.
  const quoteGroups = [...groups.values()].sort((a, b) => b.attributed - a.attributed);

  const officials = report.officials.map((o) => {
    const ranges = keep(o.mentions.map((m) => spanRange(blocks, m)));
    paint.official.push(...ranges);
    return {
      name: o.name,
      titles: o.titles,
      where: [o.country, o.organisation].filter(Boolean),
      mentions: o.mentions.length,
      quotes: o.quotes,
      ranges,
    };
  });

  return { paint, repeats, quoteGroups, officials, quoteCount: quotations.size };
}
