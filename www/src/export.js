// export('w3c'): the last scan's findings for other tools as a W3C Web Annotation AnnotationPage
// (https://www.w3.org/TR/annotation-model/): one Annotation per quote segment, per copy of a
// repeated paragraph and per mention of an official or another named person, each targeting the
// page through a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start,
// end). Loaded on
// the first export('w3c') only (index.js): a reader who never exports never downloads it.
//
// Both selectors are taken against the text of the document's body (body.textContent, what
// Hypothesis and Apache Annotator anchor against), so prefix and suffix may run over paragraph
// edges, and positions count Unicode code points, as the model specifies. A finding whose text
// nodes have left the document since the scan keeps only its TextQuoteSelector, built from its
// block (the Report's own prefix and suffix for quotes).

import { blockRange, rangeOf } from './anchor.js';

const CONTEXT = 32; // code points of prefix and suffix, as in the Report
/* global __FACTLENS_VERSION__ */
// The package version, set by the build (unbundled, as in a test importing this file: 'dev').
const VERSION = typeof __FACTLENS_VERSION__ === 'string' ? __FACTLENS_VERSION__ : 'dev';
const GENERATOR = { type: 'Software', name: 'factlens', version: VERSION };

/** The last `n` code points of `s`. */
const lastCodePoints = (s, n) => {
  const cps = Array.from(s);
  return cps.slice(Math.max(0, cps.length - n)).join('');
};
/** The first `n` code points of `s`. */
const firstCodePoints = (s, n) => Array.from(s).slice(0, n).join('');

function uuid() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  if (c && c.getRandomValues) c.getRandomValues(b);
  else for (let i = 0; i < 16; i++) b[i] = (Math.random() * 256) | 0;
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The document's text (the concatenation of every text node under body, = body.textContent), each
 * text node's UTF-16 start in it, and a UTF-16 -> code point offset conversion.
 */
function documentText(doc) {
  const root = doc.body || doc.documentElement;
  const starts = new Map();
  let text = '';
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    starts.set(node, text.length);
    text += node.data;
  }
  // UTF-16 index of every low surrogate that completes a pair: each is one code point less.
  const pairs = [];
  for (const m of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) pairs.push(m.index + 1);
  const codePoint = (i) => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    return i - lo;
  };
  return { text, starts, codePoint };
}

/**
 * The findings of a scan as a W3C Web Annotation AnnotationPage.
 * @param {import('./factlens').Report} report
 * @param {import('./flatten.js').Block[]} blocks
 * @param {{ source?: string }} [options]
 */
export function annotationPage(report, blocks, options = {}) {
  const doc = document;
  const source = options.source || String(location.href).replace(/#.*$/, '');
  const created = new Date().toISOString();
  const page = documentText(doc);

  /** Selectors for a range of a block's text; `quote` supplies the Report's own context. */
  const selectors = (range, fallback) => {
    const a = range && page.starts.get(range.startContainer);
    const b = range && page.starts.get(range.endContainer);
    if (a === undefined || b === undefined) {
      return [{ type: 'TextQuoteSelector', ...fallback }];
    }
    const start = a + range.startOffset;
    const end = b + range.endOffset;
    return [
      {
        type: 'TextQuoteSelector',
        exact: page.text.slice(start, end),
        prefix: lastCodePoints(page.text.slice(Math.max(0, start - 2 * CONTEXT), start), CONTEXT),
        suffix: firstCodePoints(page.text.slice(end, end + 2 * CONTEXT), CONTEXT),
      },
      { type: 'TextPositionSelector', start: page.codePoint(start), end: page.codePoint(end) },
    ];
  };
  /** Exact text with prefix and suffix from inside its block, for a finding that lost its nodes. */
  const inBlock = (index, start, end) => {
    const text = blocks[index] ? blocks[index].text : '';
    return {
      exact: text.slice(start, end),
      prefix: lastCodePoints(text.slice(0, start), CONTEXT),
      suffix: firstCodePoints(text.slice(end), CONTEXT),
    };
  };
  const annotation = (comment, tag, selector, extra = []) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${uuid()}`,
    type: 'Annotation',
    motivation: 'commenting',
    created,
    generator: GENERATOR,
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: comment },
      ...extra,
      { type: 'TextualBody', purpose: 'tagging', value: tag },
    ],
    target: { source, selector },
  });
  const officialLine = (o) => [o.name, o.titles.join(', '), o.country, o.organisation].filter(Boolean).join(' — ');

  const items = [];

  report.repeats.forEach((group) => {
    const how = group.kind === 'verbatim' ? 'verbatim' : `edited, ${Math.round(group.similarity * 100)}% similar`;
    group.blocks.forEach((index, k) => {
      const text = blocks[index] ? blocks[index].text : '';
      const start = text.length - text.trimStart().length;
      const end = text.trimEnd().length;
      items.push(annotation(
        `Repeated paragraph: copy ${k + 1} of ${group.blocks.length} (${how})`,
        'factlens:repeat',
        selectors(blockRange(blocks, index), inBlock(index, start, end)),
      ));
    });
  });

  // A quotation over several paragraphs is one chain of segments sharing its attribution.
  const chains = new Map();
  report.quotes.forEach((q, i) => {
    const key = q.chain ?? i;
    if (!chains.has(key)) chains.set(key, []);
    chains.get(key).push(q);
  });
  for (const segments of chains.values()) {
    const said = segments.find((q) => q.speaker_resolved || q.speaker) || segments[0];
    const official = said.official != null ? report.officials[said.official] : null;
    let comment;
    if (said.speaker_resolved) {
      comment = `Quote by ${said.speaker_resolved}`;
      if (official && official.titles.length) comment += `, ${official.titles.join(', ')}`;
      if (said.speaker && said.speaker !== said.speaker_resolved) comment += ` (as “${said.speaker}”)`;
    } else if (said.speaker) {
      comment = `Quote by “${said.speaker}” (not resolved to a name)`;
    } else {
      comment = 'Unattributed quote: no speaker found';
    }
    const attributed = !!(said.speaker_resolved || said.speaker);
    segments.forEach((q, k) => {
      const part = segments.length > 1 ? ` · part ${k + 1} of ${segments.length}` : '';
      items.push(annotation(
        comment + part,
        attributed ? 'factlens:quote' : 'factlens:unattributed',
        selectors(rangeOf(blocks, q.block, q.start, q.end), { exact: q.text, prefix: q.prefix, suffix: q.suffix }),
      ));
    });
  }

  const named = (kind, tag, line) => (o) => {
    const counts = `${o.mentions.length} mention${o.mentions.length === 1 ? '' : 's'}, ${o.quotes} quote${o.quotes === 1 ? '' : 's'}`;
    for (const m of o.mentions) {
      items.push(annotation(
        `${kind}: ${line(o)} (${counts})`,
        tag,
        selectors(rangeOf(blocks, m.block, m.start, m.end), inBlock(m.block, m.start, m.end)),
        [{ type: 'TextualBody', purpose: 'identifying', value: o.name }],
      ));
    }
  };
  report.officials.forEach(named('Official', 'factlens:official', officialLine));
  (report.people || []).forEach(named('Person', 'factlens:person', (o) => o.name));

  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${uuid()}`,
    type: 'AnnotationPage',
    startIndex: 0,
    items,
  };
}
