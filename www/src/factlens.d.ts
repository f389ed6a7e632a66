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

/** What {@link scan} resolves to: the Report, plus the time each stage took and what was read. */
export type ScanReport = Report & {
  /** Not enumerable: absent from `JSON.stringify` and structured clones of the Report. */
  readonly timings: ScanTimings;
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
}

/** Blocks that are copies of one another. */
export interface RepeatGroup {
  /** "verbatim": equal after normalising case, whitespace, quote, apostrophe and dash
   * variants; "edited": near-copies that differ by edits. */
  kind: 'verbatim' | 'edited';
  /** Indices of the blocks, ascending; at least two. */
  blocks: number[];
  /** Similarity of the copies, 1 for verbatim repeats. */
  similarity: number;
  /** The first block's text, shortened to at most 120 characters, for display. */
  excerpt: string;
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
  /** Index in `quotes` of the first segment of a quotation spanning several blocks; null for
   * a quotation that lies in one block. */
  chain: number | null;
}

/** One place where an official is named or referred to. */
export interface Mention extends Span {
  /** The mention's exact text ("(Russian) President (Vladimir) Putin", "Medvedev"). */
  text: string;
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

/** The global the classic-script bundle defines. */
declare global {
  interface Window {
    factlens: { scan: typeof scan; clear: typeof clear };
  }
}
