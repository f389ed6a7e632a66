// The script of www/bookmarklet.html (built into dist/bookmarklet-page.js): fills in the two
// bookmarklet links. The short loader fetches factlens.bundle.js from CONFIGURED_BASE when the
// build set one (FACTLENS_BASE_URL), else from the folder this script was served from; failure
// messages point back to this page (or FACTLENS_HELP_URL).

import { bookmarkletURL } from './bookmarklet-url.js';

/* global LOADER_CODE, SELFCONTAINED_CODE, CONFIGURED_BASE, CONFIGURED_HELP */
const here = document.currentScript && document.currentScript.src;
const base = CONFIGURED_BASE || new URL('./', here || location.href).href;
const help = CONFIGURED_HELP || location.href.replace(/#.*$/, '');

/** The code with its placeholders (string literals, see scripts/build.mjs) filled in. */
const fill = (code) => code
  .split('"@@BASE@@"').join(JSON.stringify(base))
  .split('"@@HELP@@"').join(JSON.stringify(help));

const kb = (n) => (n < 10240 ? `${n.toLocaleString('en')} characters` : `${Math.round(n / 1024).toLocaleString('en')} KB`);

for (const [id, code] of [['loader', LOADER_CODE], ['selfcontained', SELFCONTAINED_CODE]]) {
  const link = document.getElementById(id);
  if (!link) continue;
  const href = bookmarkletURL(fill(code));
  link.href = href;
  link.removeAttribute('aria-disabled');
  const size = document.getElementById(`${id}-size`);
  if (size) size.textContent = kb(href.length);
}
for (const el of document.querySelectorAll('[data-base]')) el.textContent = base;
document.documentElement.dataset.ready = 'true';
