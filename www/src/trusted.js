// Script URLs under Trusted Types. A page with `require-trusted-types-for 'script'` refuses a
// plain string for <script src>; factlens then asks for a policy named "factlens" that passes
// only its own script files, and blob: URLs of the page's own origin (the worker for large pages,
// offthread.js, which only a script already running on the page can make). One policy per page,
// shared by the loader and the bundle.

const KEY = Symbol.for('factlens.trustedTypes');
const OWN = /\/factlens\.(bundle|wasm2js|export|worker)\.js$/;

/**
 * `url` as a TrustedScriptURL where the browser has Trusted Types, else as is. Throws a TypeError
 * when the page's `trusted-types` directive does not allow a "factlens" policy.
 */
export function scriptURL(url) {
  const tt = globalThis.trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function') return url;
  let policy = globalThis[KEY];
  if (!policy) {
    try {
      policy = tt.createPolicy('factlens', {
        createScriptURL(u) {
          if (OWN.test(new URL(u, location.href).pathname) || u.startsWith(`blob:${location.origin}/`)) return u;
          throw new TypeError(`factlens: refusing to load ${u}`);
        },
      });
    } catch (e) {
      // The page allows only its own policies; a plain string still works where nothing is enforced.
      if (tt.isScriptURL && !enforced()) return url;
      throw new TypeError(`factlens: this page's Trusted Types rules do not allow a "factlens" policy (${e && e.message})`);
    }
    globalThis[KEY] = policy;
  }
  return policy.createScriptURL(url);
}

/** Does the page enforce Trusted Types for scripts? (Assigning a plain string throws then.) */
function enforced() {
  try {
    document.createElement('script').src = 'data:,';
    return false;
  } catch {
    return true;
  }
}
