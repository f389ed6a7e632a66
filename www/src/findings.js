// Report + blocks -> what the overlay shows: Ranges per highlight category and the panel's
// entries (repeat groups with what changed in edited copies, quotations grouped by speaker,
// quote drift, officials, other people), each with its Ranges.

import { blockRange, rangeOf, relocate, spanRange } from './anchor.js';

const UNATTRIBUTED = 'Unattributed';

/**
 * @param {import('./factlens').Report} report
 * @param {import('./flatten.js').Block[]} blocks
 */
export function findings(report, blocks) {
  const keep = (list) => list.filter(Boolean);
  const paint = { repeat: [], edited: [], quote: [], unattributed: [], speaker: [], official: [] };
  const officials = report.officials || [];
  const people = report.people || [];

  // Word runs ({ text, block, start, end }) as the Report has them: the panel reads their text
  // for the entries it draws (a long page has a hundred thousand of them).
  const runs = (list) => list || [];
  const repeats = report.repeats.map((g) => {
    const copies = g.blocks.map((b) => {
      const range = blockRange(blocks, b);
      return range ? [range] : [];
    });
    paint[g.kind === 'edited' ? 'edited' : 'repeat'].push(...copies.flat());
    let changes;
    return {
      kind: g.kind, similarity: g.similarity, excerpt: g.excerpt, copies, furniture: !!g.furniture,
      // For edited groups: what each later copy changed, against the first (copy 1). Made when
      // the panel first asks (it draws a few groups; a long page has tens of thousands).
      get changes() {
        return (changes ??= (g.changes || []).map((c) => ({
          copy: g.blocks.indexOf(c.block) + 1,
          similarity: c.similarity,
          reordered: c.reordered,
          inserted: runs(c.inserted),
          deleted: runs(c.deleted),
          // The inserted words in the copy, else the copy itself; made on a click.
          ranges: () => keep(runs(c.inserted).map((r) => spanRange(blocks, r)).concat(blockRange(blocks, c.block))),
        })));
      },
    };
  });

  // A quote segment's Range, anchored by its text (TextQuoteSelector: exact, then prefix and
  // suffix), not by offsets alone.
  const quoteRange = (q) => {
    const at = relocate(blocks, { exact: q.text, prefix: q.prefix, suffix: q.suffix, block: q.block, start: q.start });
    return at && rangeOf(blocks, at.block, at.start, at.end);
  };

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
    const range = quoteRange(q);
    if (range) entry.ranges.push(range);
    // The official's or person's name, else the resolved name, else the mention as written
    // (shown quoted: not resolved to a name).
    entry.speaker ??= officials[q.official]?.name ?? people[q.person]?.name ?? q.speaker_resolved ??
      (q.speaker ? `“${q.speaker}” (unresolved)` : null);
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

  // Officials, then the other people named; a mention that is a surname several of them share
  // counts as ambiguous.
  const named = (list, official) => list.map((o) => {
    const ranges = keep(o.mentions.map((m) => spanRange(blocks, m)));
    if (official) paint.official.push(...ranges);
    return {
      name: o.name,
      titles: o.titles || [],
      where: [o.country, o.organisation].filter(Boolean),
      mentions: o.mentions.length,
      ambiguous: o.mentions.filter((m) => m.ambiguous).length,
      quotes: o.quotes,
      ranges,
    };
  });

  // The same speaker quoted twice in slightly different words.
  const drift = (report.quote_drift || []).map((d) => {
    const [a, b] = d.quotes.map((i) => report.quotes[i]);
    return {
      speaker: d.speaker,
      similarity: d.similarity,
      earlier: a.text,
      later: b.text,
      inserted: runs(d.inserted),
      deleted: runs(d.deleted),
      ranges: keep([quoteRange(a), quoteRange(b)]),
    };
  });

  return {
    paint, repeats, quoteGroups, officials: named(officials, true), people: named(people, false),
    quoteCount: quotations.size, drift,
  };
}
