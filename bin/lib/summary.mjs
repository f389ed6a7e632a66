// What `factlens check` prints for a page in its default, readable format.

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const clip = (s, n) => {
  const flat = String(s).replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1).trimEnd()}…` : flat;
};

/** One entry per quotation (the segments of a multi-paragraph quote share `chain`). */
export function quotations(report) {
  const chains = new Map();
  report.quotes.forEach((q, i) => {
    const key = q.chain ?? i;
    if (!chains.has(key)) chains.set(key, []);
    chains.get(key).push(q);
  });
  return [...chains.values()].map((segments) => {
    const said = segments.find((q) => q.speaker_resolved || q.speaker) || segments[0];
    return {
      text: segments.map((q) => q.text).join(' '),
      speaker: said.speaker_resolved || (said.speaker ? `“${said.speaker}” (unresolved)` : null),
    };
  });
}

/** Which --fail-on conditions a Report meets. */
export function failures(report, conditions) {
  const out = [];
  if (conditions.includes('repeats') && report.repeats.length > 0) out.push('repeats');
  if (conditions.includes('unattributed') && quotations(report).some((q) => !q.speaker)) out.push('unattributed');
  return out;
}

/**
 * @param {{ label: string, title?: string, report?: object, error?: string, ms?: number,
 *   blocked?: number, failed?: string[] }} page
 * @param {number} width columns to fit quotes and excerpts into
 */
export function summary(page, width = 100) {
  const lines = [page.title ? `${page.label} — ${clip(page.title, 80)}` : page.label];
  if (page.error) {
    lines.push(`  error: ${page.error}`);
    return `${lines.join('\n')}\n`;
  }
  const r = page.report;
  const quotes = quotations(r);
  const unattributed = quotes.filter((q) => !q.speaker);
  lines.push(`  ${[
    plural(r.blocks, 'block'),
    plural(r.repeats.length, 'repeated paragraph'),
    `${plural(quotes.length, 'quote')}${unattributed.length ? `, ${unattributed.length} unattributed` : ''}`,
    plural(r.officials.length, 'official'),
    `${Math.round(page.ms)} ms`,
  ].join(' · ')}`);
  if (page.failed && page.failed.length) lines.push(`  FAIL: ${page.failed.join(', ')} (--fail-on)`);
  if (r.blocks === 0) lines.push('  no text read: is the page empty, or its text hidden until a script shows it?');
  const room = Math.max(40, width - 12);

  if (r.repeats.length) {
    lines.push('  Repeated paragraphs:');
    for (const g of r.repeats) {
      const how = g.kind === 'verbatim' ? '' : ` (edited, ${Math.round(g.similarity * 100)}%)`;
      lines.push(`    ×${g.blocks.length}${how} “${clip(g.excerpt, room - 30)}” (blocks ${g.blocks.join(', ')})`);
    }
  }
  if (quotes.length) {
    lines.push('  Quotes:');
    const bySpeaker = new Map();
    for (const q of quotes) {
      const name = q.speaker || 'Unattributed';
      if (!bySpeaker.has(name)) bySpeaker.set(name, []);
      bySpeaker.get(name).push(q.text);
    }
    // Named speakers first, in order of their first quote; the unattributed last.
    const names = [...bySpeaker.keys()].sort((a, b) => (a === 'Unattributed') - (b === 'Unattributed'));
    for (const name of names) {
      const said = bySpeaker.get(name);
      lines.push(`    ${name} (${said.length}):`);
      for (const text of said) lines.push(`      ${clip(text, room)}`);
    }
  }
  if (r.officials.length) {
    lines.push('  Officials:');
    for (const o of r.officials) {
      const what = [o.titles.join(', '), o.country, o.organisation].filter(Boolean).join('; ');
      lines.push(`    ${o.name}${what ? ` — ${what}` : ''} (${plural(o.mentions.length, 'mention')}, ${plural(o.quotes, 'quote')})`);
    }
  }
  if (page.blocked) {
    lines.push(`  blocked ${plural(page.blocked, 'request')} to other sites (--allow-network lets them through)`);
  }
  return `${lines.join('\n')}\n`;
}
