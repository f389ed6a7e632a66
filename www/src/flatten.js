// Page -> blocks: one walk over the visible text under a root element.
//
// A block is the text of one paragraph-level element. Its string is exactly the concatenation
// of its text nodes' data, so an offset into the block maps 1:1 back to a text node (see
// anchor.js). The analysis core normalises whitespace itself; nothing is trimmed or collapsed
// here.

/** Elements whose text is never article text, or that a reader cannot see as text. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG',
  'MATH', 'VIDEO', 'AUDIO', 'TEXTAREA', 'SELECT', 'DATALIST', 'HEAD', 'TITLE',
]);

/** Elements that start and end a block (HTML's block-level and table elements). */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS',
  'DIALOG', 'DIR', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI',
  'LISTING', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY',
  'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'XMP', 'BUTTON', 'OPTION',
]);

/**
 * Page furniture rather than article text: navigation, headers, footers, asides, captions
 * (and the ARIA landmarks of the same kinds).
 */
const FURNITURE = 'nav,header,footer,aside,figcaption,[role="navigation"],[role="banner"],' +
  '[role="contentinfo"],[role="complementary"],[role="menu"],[role="menubar"]';

/** List items and lists: a block there whose text is mostly links is a link list (furniture). */
const LIST = 'li,dt,dd,ul,ol,menu,dl';

/** Share of a list block's letters that must lie inside links for it to count as furniture. */
const LINK_DENSE = 0.5;

/** Letters and digits (anything but whitespace) in a string. */
function weight(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029)) n++;
  }
  return n;
}

/** Is this element hidden from a reader (and so is its whole subtree)? */
export function hidden(el) {
  if (el.hidden || el.getAttribute('aria-hidden') === 'true') return true;
  let visible;
  if (typeof el.checkVisibility === 'function') {
    visible = el.checkVisibility({ visibilityProperty: true });
    if (visible) return false;
  }
  // checkVisibility() is false for `display: contents` (no box of its own), yet the children
  // are drawn; without checkVisibility() fall back to the computed style.
  const style = getComputedStyle(el);
  if (style.display === 'contents') return false;
  return visible === false || style.display === 'none' || style.visibility === 'hidden';
}

/**
 * One block of page text, the text nodes it was made from (`starts[i]`: offset of `nodes[i]` in
 * `text`) and the element it belongs to (its paragraph-level element, or the walk's root).
 * `furniture` is true for a block inside navigation, a header, footer, aside or caption, or a
 * list item that is mostly links.
 * @typedef {{ text: string, nodes: Text[], starts: number[], el: Element, furniture: boolean }} Block
 */

/**
 * Walks the visible text under `root` once.
 * @param {Element} root
 * @param {(el: Element) => boolean} [exclude] true for elements to leave out (the widget's own UI)
 * @returns {Block[]} non-blank blocks in document order
 */
export function flatten(root, exclude) {
  const steps = walk(root, exclude);
  let step;
  while (!(step = steps.next()).done);
  return step.value;
}

/**
 * flatten() in steps: yields the number of blocks read so far every 2048 text nodes or 64 K
 * characters (a page of few, long paragraphs), so that a caller can let the page run in between;
 * returns the blocks.
 */
export function* walk(root, exclude = () => false) {
  const doc = root.ownerDocument || root; // root: an element, or an open shadow root
  /** Element -> the block element it belongs to (itself when it is one). */
  const owner = new Map();
  /** Element -> whether it lies inside a link. */
  const linked = new Map();
  let broke = false; // a <br> was passed since the last text node
  const hosts = []; // elements with an open shadow root, read after the light tree
  const frames = []; // bodies of same-origin iframes, read last
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const tag = node.tagName.toUpperCase();
      if (node !== root && (SKIP.has(tag) || exclude(node) || hidden(node))) {
        if (tag === 'IFRAME' && !exclude(node) && !hidden(node)) {
          // A frame of the page's own origin (srcdoc, about:blank, same-site embeds) can be read;
          // another origin's throws or gives null.
          let body = null;
          try { body = node.contentDocument?.body; } catch { /* another origin */ }
          if (body) frames.push(body);
        }
        return NodeFilter.FILTER_REJECT;
      }
      if (tag === 'BR') broke = true;
      if (node.shadowRoot) hosts.push(node);
      owner.set(node, BLOCK.has(tag) || node === root ? node : owner.get(node.parentNode) || root);
      linked.set(node, (tag === 'A' && node.hasAttribute('href')) || linked.get(node.parentNode) || false);
      return NodeFilter.FILTER_SKIP;
    },
  });

  const blocks = [];
  let current = null;
  let currentOwner = null;
  /** Block element -> whether it lies in furniture (the landmark test walks up once). */
  const inFurniture = new Map();
  const furnitureOf = (el) => {
    if (!inFurniture.has(el)) inFurniture.set(el, !!(el.closest && el.closest(FURNITURE)));
    return inFurniture.get(el);
  };
  const end = () => {
    if (current && /\S/.test(current.text)) {
      const { el, letters, linkLetters } = current;
      const linkList = !!(el.closest && el.closest(LIST)) && letters > 0 && linkLetters / letters >= LINK_DENSE;
      blocks.push({
        text: current.text, nodes: current.nodes, starts: current.starts, el,
        furniture: furnitureOf(el) || linkList,
      });
    }
    current = null;
  };
  let n = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(++n & 2047) || chars > 65536) {
      chars = 0;
      yield blocks.length;
    }
    const data = node.data;
    if (!data) continue;
    chars += data.length;
    const blockOwner = owner.get(node.parentNode) || root;
    if (broke || blockOwner !== currentOwner) end();
    broke = false;
    currentOwner = blockOwner;
    if (!current) current = { text: '', nodes: [], starts: [], el: blockOwner, letters: 0, linkLetters: 0 };
    current.starts.push(current.text.length);
    current.nodes.push(node);
    current.text += data;
    const letters = weight(data);
    current.letters += letters;
    if (linked.get(node.parentNode)) current.linkLetters += letters;
  }
  end();
  // Open shadow roots: their text is read as blocks of their own, after the page's light tree
  // (whose slotted children were read in place). Closed ones cannot be read.
  for (const host of hosts) blocks.push(...(yield* walk(host.shadowRoot, exclude)));
  // Same-origin frames likewise, after both.
  for (const body of frames) blocks.push(...(yield* walk(body, exclude)));
  return blocks;
}

/** Is this a paragraph-level element, one that starts and ends a block? */
export const isBlock = (el) => BLOCK.has(el.tagName.toUpperCase());
