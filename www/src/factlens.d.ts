// Types of the factlens browser API (dist/factlens.js, and window.factlens from
// dist/factlens.bundle.js) and of the Report it resolves to.
//
// The Report is produced by the Rust core (src/report.rs) and is identical to the one the
// native CLI prints with `factlens analyze --offsets utf16`.

/** Options of {@link scan}. */
export interface ScanOptions {
  /**
   * Element whose visible text is read. Default: the article, as `scope` says.
   */
  root?: Element;
  /**
   * Without `root`: "article" (default) reads the main article — a semantic element
   * (`[itemprop~=articleBody]`, `article`, `main`, `[role=main]`) that agrees with a
   * Readability-style text-density score, else the densest text container, without its
   * furniture (navigation, asides, related-story and share boxes, galleries, link lists), else
   * the body; "page" reads the whole body. The panel's "Whole page" toggle switches between them.
   */
  scope?: 'article' | 'page';
  /**
   * Follow the page's changes (default true): a debounced MutationObserver reads the changed
   * parts again, analyses again when their text changed, and re-anchors the highlights.
   */
  watch?: boolean;
  /** Called with the new Report after each change that `watch` or the scope toggle made. */
  onUpdate?: (report: ScanReport) => void;
  /** Highlight the findings in the page text (CSS Custom Highlight API). Default true. */
  highlight?: boolean;
  /** Open the panel listing the findings. Default true. */
  panel?: boolean;
  /**
   * Which build of the analysis core runs: "wasm" (WebAssembly), "wasm2js" (the same core
   * translated to JavaScript, for pages whose Content-Security-Policy forbids WebAssembly; same
   * Report, slower), or "auto" (default: WebAssembly where the page lets it compile, else wasm2js).
   */
  engine?: 'auto' | 'wasm' | 'wasm2js';
  /**
   * Analyse in a Web Worker, so that the page stays responsive: true (always), false (never),
   * or, by default, when the text read is longer than 500 000 characters (about 50 ms of
   * analysis). The worker's code is loaded on first use (factlens.worker.js / .mjs beside the
   * bundle or module, inline in the standalone build) and started from a blob: URL; where the
   * page's Content-Security-Policy or Trusted Types forbid that, or with the wasm2js core, the
   * analysis runs on the main thread. `report.offThread` says which.
   */
  worker?: boolean;
}

/**
 * Scans the page: reads the visible text under `root` once (one block per paragraph-level
 * element or `<br>`-separated line), analyses it, highlights the findings and opens the panel.
 * A previous scan's overlay is cleared first. Rejects with an Error whose message starts with
 * "factlens:" when the analysis module cannot load or fails; the page is then left as it was.
 */
export function scan(options?: ScanOptions): Promise<ScanReport>;

/** Removes every highlight, the highlight stylesheet and the panel. Safe to call any time. */
export function clear(): void;

/**
 * The last scan's findings for other tools: "w3c" gives a W3C Web Annotation AnnotationPage
 * (one Annotation per quote segment, per copy of a repeated paragraph and per mention of an
 * official or another named person, each with a TextQuoteSelector and a TextPositionSelector against the document body's
 * text, positions in code points); "json" gives a plain copy of the Report. Rejects with an
 * Error ("factlens: nothing to export yet ...") before the first scan, a TypeError for another
 * format. The W3C writer is a separate file (factlens.export.js / .mjs beside the bundle or
 * module), loaded on the first export("w3c").
 */
declare function exportFindings(format: 'w3c', options?: ExportOptions): Promise<AnnotationPage>;
declare function exportFindings(format: 'json'): Promise<Report>;
export { exportFindings as export };

/** Options of `export('w3c')`. */
export interface ExportOptions {
  /** The IRI the annotations target. Default: the page's URL without its fragment. */
  source?: string;
}

/**
 * What {@link scan} resolves to: the Report, plus the time each stage took, the core used and
 * what was read.
 */
export type ScanReport = Report & {
  /** Not enumerable: absent from `JSON.stringify` and structured clones of the Report. */
  readonly timings: ScanTimings;
  /** Not enumerable: which build of the core analysed the page. */
  readonly engine: 'wasm' | 'wasm2js';
  /** Not enumerable: whether the analysis ran in a Web Worker (see `ScanOptions.worker`). */
  readonly offThread: boolean;
  /** Not enumerable. What was read. */
  readonly scope: ScanScope;
};

/** The part of the page a scan read. */
export interface ScanScope {
  /** The element read (without its furniture, for an article). */
  root: Element;
  /** "semantic" (an article element), "density" (the densest text), "page" (the body: the
   * whole page asked for, or no article found) or "given" (`options.root`). */
  how: 'semantic' | 'density' | 'page' | 'given';
  /** The text of each block, as analysed. */
  texts: string[];
}

/** Milliseconds spent in each stage of one scan. */
export interface ScanTimings {
  /** Loading and instantiating the WebAssembly module (near 0 after the first scan). */
  load: number;
  /** Walking the page into blocks. */
  flatten: number;
  /** The analysis in WebAssembly, including passing the blocks in and the Report out. */
  analyze: number;
  /** Turning the Report's findings into DOM Ranges (by offsets checked against the quote text). */
  anchor: number;
  /** Highlighting and building the panel. (`timings` belongs to the Report scan() resolved to.) */
  render: number;
  /** All of the above. */
  total: number;
}

/** Everything found in one page. Offsets count UTF-16 code units, as DOM Ranges do. */
export interface Report {
  /** Format version; raised whenever a field changes meaning or is removed. Currently 1. */
  version: number;
  /** Unit of every `start`/`end` offset: "utf16" in the browser (the CLI can give others). */
  offset_unit: 'utf16' | 'utf8' | 'codepoint';
  /** Number of blocks (paragraph-level texts) the page was read as. */
  blocks: number;
  /** Groups of blocks that repeat one another. */
  repeats: RepeatGroup[];
  /** Direct quotations, one entry per block-level segment, in page order. */
  quotes: Quote[];
  /** Named people holding a public office, with their titles and mentions. */
  officials: Official[];
  /** Other named people (no title of office found), with their mentions. */
  people: Person[];
  /** Pairs of quotes of one speaker whose wording differs slightly: a possible misquote. */
  quote_drift: QuoteDrift[];
}

/** Blocks that are copies of one another. */
export interface RepeatGroup {
  /** "verbatim": equal after normalising Unicode compatibility forms (NFKC), case,
   * whitespace, quote, apostrophe and dash variants and trailing punctuation; "edited":
   * near-copies that differ by edits (blocks under 8 words are only grouped verbatim). */
  kind: 'verbatim' | 'edited';
  /** Indices of the blocks, ascending; at least two. */
  blocks: number[];
  /** Similarity of the copies (3 decimals), 1 for verbatim repeats; for edited groups the
   * lowest similarity of a copy to the first block. */
  similarity: number;
  /** The first block's text, shortened to at most 120 characters, for display. */
  excerpt: string;
  /** True when every copy lies in page furniture (navigation, header, footer, aside,
   * caption, a link-dense list), as the scan saw the page. */
  furniture: boolean;
  /** For edited groups, how each block after the first differs from the first, in the
   * order of `blocks`; empty for verbatim groups. */
  changes: CopyChanges[];
}

/** How one copy in an edited group differs from the group's first block, word by word. */
export interface CopyChanges {
  /** The copy's block index. */
  block: number;
  /** Similarity to the first block (3 decimals): the word-level LCS ratio, or for reordered
   * copies the share of words in shared sentences; 1 when only punctuation differs. */
  similarity: number;
  /** True when the copy has the first block's sentences in another order. */
  reordered: boolean;
  /** Runs of words the copy has and the first block lacks (in the copy's block). */
  inserted: WordRun[];
  /** Runs of words of the first block the copy lacks (in the first block). */
  deleted: WordRun[];
}

/** Consecutive words in one block. */
export interface WordRun extends Span {
  /** The words as written in the block. */
  text: string;
}

/** Two quotes of the same (resolved) speaker in nearly the same words. */
export interface QuoteDrift {
  /** The speaker's resolved name. */
  speaker: string;
  /** Indices in `quotes` of the earlier and the later quote. */
  quotes: [number, number];
  /** Word-level LCS ratio of the two quotes (3 decimals), at least 0.7 and below 1. */
  similarity: number;
  /** Words the later quote has and the earlier lacks (in the later quote's block). */
  inserted: WordRun[];
  /** Words of the earlier quote the later lacks (in the earlier quote's block). */
  deleted: WordRun[];
}

/** A span of text inside one block. */
export interface Span {
  /** Block index. */
  block: number;
  /** Start offset inside the block. */
  start: number;
  /** End offset (exclusive) inside the block. */
  end: number;
}

/** One direct quotation segment: the part of a quotation that lies in one block. */
export interface Quote {
  /** Block index. */
  block: number;
  /** Offset of the opening quote mark (or of the block start for a continuation without one). */
  start: number;
  /** Offset just after the closing quote mark, or the block end when the quote runs on. */
  end: number;
  /** The segment's exact text, quote marks included. */
  text: string;
  /** Up to 32 characters before the segment in its block (W3C TextQuoteSelector prefix). */
  prefix: string;
  /** Up to 32 characters after the segment in its block (W3C TextQuoteSelector suffix). */
  suffix: string;
  /** The speaker mention as written ("he", "the White House spokesman", "Earnest"), or null. */
  speaker: string | null;
  /** Where that mention is, or null. */
  speaker_span: Span | null;
  /** The full name the mention refers to ("Josh Earnest"), or null when unresolved. */
  speaker_resolved: string | null;
  /** Index in `officials` of the official the quote is attributed to, or null. */
  official: number | null;
  /** Index in `people` of the person (without a title) the quote is attributed to, or null. */
  person: number | null;
  /** Index in `quotes` of the first segment of a quotation spanning several blocks; null for
   * a quotation that lies in one block. */
  chain: number | null;
}

/** One place where an official or a person is named or referred to. */
export interface Mention extends Span {
  /** The mention's exact text ("(Russian) President (Vladimir) Putin", "Medvedev"). */
  text: string;
  /** True for a bare surname that several people on the page share ("Clinton" beside Bill and
   * Hillary Clinton): it was given to the one named in full nearest before it. */
  ambiguous: boolean;
}

/** A named person with a public-office title; every mention of them merged into one entry. */
export interface Official {
  /** The fullest form of the name found ("Vladimir Putin"). */
  name: string;
  /** Titles as written, without country or organisation ("President", "Press Secretary"). */
  titles: string[];
  /** Country, when a modifier states it ("Russia" from "Russian Foreign Minister"), or null. */
  country: string | null;
  /** Organisation, when a modifier states it ("White House"), or null. */
  organisation: string | null;
  /** Every mention, in page order. */
  mentions: Mention[];
  /** How many quote segments are attributed to this official. */
  quotes: number;
}

/** A named person without a title of office; every mention merged into one entry. */
export interface Person {
  /** The fullest form of the name found. */
  name: string;
  /** Every mention, in page order. */
  mentions: Mention[];
  /** How many quote segments are attributed to this person. */
  quotes: number;
}

/** A W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as `export('w3c')` makes it. */
export interface Annotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  /** A fresh urn:uuid: per export. */
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  /** When the export was made (ISO 8601). */
  created: string;
  generator: { type: 'Software'; name: 'factlens'; version: string };
  /**
   * What factlens says about the text: a comment ("Quote by Josh Earnest, Press Secretary"), a
   * tag ("factlens:quote", "factlens:unattributed", "factlens:repeat", "factlens:official", "factlens:person") and
   * for officials the name they are identified as.
   */
  body: Array<{ type: 'TextualBody'; purpose: 'commenting' | 'tagging' | 'identifying'; value: string; format?: 'text/plain' }>;
  target: {
    source: string;
    /** Alternatives: the quote, and where the page's text is still as scanned, the position. */
    selector: Array<TextQuoteSelector | TextPositionSelector>;
  };
}

/** The text itself with up to 32 code points of context on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Start and end, in Unicode code points, within the document body's text (body.textContent). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The annotations of one page. */
export interface AnnotationPage {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'AnnotationPage';
  startIndex: 0;
  items: Annotation[];
}

/** The global the classic-script bundles define. */
declare global {
  interface Window {
    factlens: { scan: typeof scan; clear: typeof clear; export: typeof exportFindings };
  }
}
