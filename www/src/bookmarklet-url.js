// A script as a javascript: URL. Browsers percent-decode the URL before running it, so every `%`
// must be escaped, and whitespace is escaped so that the link survives being dragged and stored.
// esbuild writes ASCII only (non-ASCII as \u escapes), so nothing else needs escaping.

/** @param {string} code */
export function bookmarkletURL(code) {
  return `javascript:${code.trim().replace(/[%\s]|[^\x20-\x7e]/g, (c) => encodeURIComponent(c))}`;
}
