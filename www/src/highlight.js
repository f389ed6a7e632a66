// Highlights through the CSS Custom Highlight API: no change to the page's DOM or layout.
//
// One named highlight per category; their ::highlight() rules live in one constructed
// stylesheet adopted by the document and removed again by clear().

/** Highlight names, one per category, and the temporary one that flashes a finding. */
export const NAMES = {
  repeat: 'factlens-repeat',
  quote: 'factlens-quote',
  unattributed: 'factlens-unattributed',
  speaker: 'factlens-speaker',
  official: 'factlens-official',
  flash: 'factlens-flash',
};

// Light backgrounds keep any text colour readable; the categories that overlap others
// (speakers and officials inside or beside quotes) also get an underline of their own.
const CSS_TEXT = `
::highlight(factlens-repeat){background-color:rgba(255,170,60,.32)}
::highlight(factlens-quote){background-color:rgba(90,160,255,.26)}
::highlight(factlens-unattributed){background-color:rgba(240,70,90,.24);text-decoration:underline wavy rgb(200,30,50);text-decoration-thickness:1px}
::highlight(factlens-speaker){background-color:rgba(60,190,110,.34);text-decoration:underline solid rgb(20,130,60) 2px}
::highlight(factlens-official){background-color:rgba(150,90,230,.16);text-decoration:underline dotted rgb(130,60,200) 2px}
::highlight(factlens-flash){background-color:rgb(255,225,0);color:#000}
`;

const PRIORITY = { repeat: 0, quote: 1, unattributed: 1, official: 2, speaker: 3, flash: 10 };

export const supported = () =>
  typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function';

let sheet = null;
let flashTimer = 0;

/**
 * Shows ranges by category: `{ repeat: Range[], quote: Range[], ... }`. Does nothing where the
 * Highlight API is missing (the panel still lists everything).
 */
export function paint(groups) {
  if (!supported()) return false;
  adoptSheet();
  for (const [key, ranges] of Object.entries(groups)) {
    if (!ranges.length) continue;
    const h = new Highlight(...ranges);
    h.priority = PRIORITY[key] || 0;
    CSS.highlights.set(NAMES[key], h);
  }
  return true;
}

/** Flashes ranges for a moment with the `factlens-flash` highlight. */
export function flash(ranges, ms = 1600) {
  if (!supported() || !ranges.length) return;
  adoptSheet();
  clearTimeout(flashTimer);
  const h = new Highlight(...ranges);
  h.priority = PRIORITY.flash;
  CSS.highlights.set(NAMES.flash, h);
  flashTimer = setTimeout(() => CSS.highlights.delete(NAMES.flash), ms);
}

/** Removes every factlens highlight and the stylesheet. */
export function unpaint() {
  clearTimeout(flashTimer);
  if (supported()) for (const name of Object.values(NAMES)) CSS.highlights.delete(name);
  if (sheet) {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    sheet = null;
  }
}

function adoptSheet() {
  if (sheet || !('adoptedStyleSheets' in document)) return;
  sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS_TEXT);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
