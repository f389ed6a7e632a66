// Text contrast of every highlight category (WCAG 2 relative luminance), computed from the palette
// the shell ships (www/src/highlight.js), on light and dark pages. No browser needed.
//
// With the Highlight API each category sets its own text colour, so the ratio is the palette's
// alone. The fallback boxes cannot recolour text: they blend with it (multiply on light pages,
// screen on dark ones), so the ratio is computed for the usual body-text colours of each theme.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LINE, PALETTE, luminance } from '../../www/src/highlight.js';

const hex = (c) => {
  const h = c.replace('#', '');
  const full = h.length === 3 ? [...h].map((x) => x + x).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
};
const ratio = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const multiply = (a, b) => a.map((v, i) => (v * b[i]) / 255);
const screen = (a, b) => a.map((v, i) => 255 - ((255 - v) * (255 - b[i])) / 255);
const fmt = (x) => x.toFixed(2).padStart(6);

// Page themes: background, and body-text colours from black to the palest common grey.
const PAGES = {
  light: { backgrounds: ['#ffffff', '#fbfaf7', '#f4f4f4'], texts: ['#000000', '#1b1b1b', '#333333', '#444444', '#555555'] },
  dark: { backgrounds: ['#000000', '#121417', '#1e1e1e'], texts: ['#ffffff', '#e8e8e8', '#dddddd', '#cccccc'] },
};

describe('highlight colours keep text contrast ≥ 4.5:1', () => {
  const rows = [];

  for (const theme of ['light', 'dark']) {
    for (const [key, [bg, fg]] of Object.entries(PALETTE[theme])) {
      it(`${theme} pages, ${key} (Highlight API: own text colour)`, () => {
        const r = ratio(hex(fg), hex(bg));
        rows.push([theme, key, 'api', fg, bg, r]);
        assert.ok(r >= 4.5, `${fg} on ${bg}: ${r.toFixed(2)}`);
        if (LINE[key]) assert.ok(r >= 3, 'the underline (in the text colour) is a visible non-text mark');
      });
      if (key === 'flash') continue;
      it(`${theme} pages, ${key} (fallback boxes blended with the page's text)`, () => {
        const blend = theme === 'light' ? multiply : screen;
        let worst = Infinity;
        let at = '';
        for (const pageBg of PAGES[theme].backgrounds) {
          for (const text of PAGES[theme].texts) {
            const r = ratio(blend(hex(text), hex(bg)), blend(hex(pageBg), hex(bg)));
            if (r < worst) [worst, at] = [r, `${text} on ${pageBg}`];
          }
        }
        rows.push([theme, key, 'boxes', at, bg, worst]);
        assert.ok(worst >= 4.5, `worst ${worst.toFixed(2)} (${at})`);
      });
    }
  }

  it('prints the table', () => {
    console.log(['contrast of highlighted text (worst case for the fallback boxes):',
      ...rows.map(([theme, key, how, fg, bg, r]) =>
        `${theme.padEnd(5)} ${key.padEnd(12)} ${how.padEnd(5)} ${fmt(r)}:1  text ${fg} on ${bg}`)].join('\n'));
    assert.ok(rows.length > 0);
  });
});
