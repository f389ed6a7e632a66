// The short bookmarklet: loads factlens.bundle.js from FACTLENS_BASE (the origin that served the
// bookmarklet page, or a base URL set at build time), then scans. Run again, it toggles the panel
// instead of loading twice. Where the page's Content-Security-Policy or Trusted Types rules refuse
// the script, it says so (fail()) and points to the self-contained bookmarklet and the other ways.

import { BUSY, fail, toggle } from './bookmarklet-run.js';
import { scriptURL } from './trusted.js';

/* global FACTLENS_BASE, FACTLENS_HELP */
const help = FACTLENS_HELP;

try {
  const existing = window.factlens;
  if (existing && typeof existing.scan === 'function') {
    toggle(existing, help);
  } else if (!window[BUSY]) {
    const url = new URL('factlens.bundle.js', FACTLENS_BASE).href;
    let refused = null;
    const onViolation = (e) => {
      if (/^script-src/.test(e.effectiveDirective || e.violatedDirective || '')) refused = e;
    };
    const script = document.createElement('script');
    const done = () => {
      window[BUSY] = false;
      document.removeEventListener('securitypolicyviolation', onViolation);
      script.remove();
    };
    script.onload = () => {
      done();
      if (window.factlens) toggle(window.factlens, help);
      else fail(`${url} loaded but did not define factlens`, help);
    };
    // The violation event and the error event are separate tasks: let the first one land.
    script.onerror = () => setTimeout(() => {
      done();
      fail(refused
        ? `its Content-Security-Policy (${refused.effectiveDirective || refused.violatedDirective}) does not allow scripts from ${new URL(url).origin}, so ${url} was blocked`
        : `${url} did not load (blocked by the page's Content-Security-Policy, or the server cannot be reached)`, help);
    }, 0);
    script.referrerPolicy = 'no-referrer'; // the server need not learn which page is read
    script.src = scriptURL(url); // throws where Trusted Types refuse it
    document.addEventListener('securitypolicyviolation', onViolation);
    window[BUSY] = true;
    (document.head || document.documentElement).append(script);
  }
} catch (e) {
  window[BUSY] = false;
  fail(e && e.message ? e.message : String(e), help);
}
