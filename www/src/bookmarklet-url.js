// A script as a javascript: URL. Browsers percent-decode the URL before running it, so every `%`
// must be escaped, and whitespace is escaped so that the link survives being dragged and stored.
// esbuild writes ASCII only (non-ASCII as \u escapes). `"`, `<`, `>` and backquotes are escaped
// too, as Chromium's link.href (what a dragged bookmark stores) escapes them: so the length the
// build checks against Firefox's 1 MiB is the length a bookmark has.

/** @param {string} code */
export function bookmarkletURL(code) {
  return `javascript:${code.trim().replace(/[%\s"<>`]|[^\x20-\x7e]/g, (c) => encodeURIComponent(c))}`;
}
