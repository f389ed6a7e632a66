// What both bookmarklets do once window.factlens is there: scan and open the panel, or close it
// when it is open, so that running a bookmarklet twice toggles the panel. Failures are shown, never
// swallowed: an alert (the one thing a page's CSP cannot hide) and the same text on the console.

/** The panel's host element (panel.js HOST_TAG; the bookmarklet e2e tests catch a rename). */
const HOST_TAG = 'factlens-overlay';
/** Set while a bookmarklet is loading or scanning: a second click then does nothing. */
export const BUSY = Symbol.for('factlens.busy');

/** Opens the panel with a fresh scan, or closes it. */
export function toggle(factlens, help) {
  if (window[BUSY]) return;
  if (document.querySelector(HOST_TAG)) {
    factlens.clear();
    return;
  }
  window[BUSY] = true;
  factlens.scan().then(
    () => { window[BUSY] = false; },
    (e) => {
      window[BUSY] = false;
      fail(e && e.message ? e.message : String(e), help);
    },
  );
}

/** Says why factlens cannot run here and what else to try. */
export function fail(why, help) {
  const message = `factlens cannot run on this page: ${String(why).replace(/^factlens: /, '')}\n\n` +
    'Other ways to check it: the self-contained factlens bookmarklet (for pages that block ' +
    'scripts from other sites), factlens embedded in your own reading page, or the check command ' +
    `(npx factlens check <url>). See ${help}`;
  console.error(message);
  try {
    alert(message);
  } catch {
    // A sandboxed page without allow-modals: the console has it.
  }
}
