// Shared set-up of the end-to-end tests: the in-process server, headless Chromium that talks
// to nothing but that server (every page it opens is checked for what factlens may send or leave
// behind after each test: privacy.mjs), and a reading of the panel as a user (and a screen reader) gets
// it: the accessibility tree, which reaches into the panel's closed shadow root.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { RECORD_START, watch } from './privacy.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// FACTLENS_SHARED points elsewhere (or at nothing, to see the skips a user's clone gets).
export const SHARED = process.env.FACTLENS_SHARED || join(ROOT, '..', 'shared');
export const DIST = join(ROOT, 'dist');
export const BUNDLE = join(DIST, 'factlens.bundle.js');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Why the e2e tests cannot run here, or null when they can. */
export function missing() {
  if (!existsSync(BUNDLE)) return `${BUNDLE} is missing: run \`npm run build\` first`;
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: run \`npm run setup -- --browsers\``;
  return null;
}

/** Why a test that reads ../shared cannot run, or null. */
export function missingShared(...paths) {
  for (const p of paths) {
    if (!existsSync(join(SHARED, p))) return `../shared/${p} is absent (a user's clone): skipped`;
  }
  return null;
}

/**
 * A describe() block; or one failing test when the build or the browser is missing (that is
 * an error, not a reason to skip); or, when `skipReason` is set (../shared is absent), one
 * skipped test carrying the reason, so that a run counts and shows the skip.
 */
export function suite(name, skipReason, fn) {
  const broken = missing();
  if (broken) {
    it(name, () => {
      throw new Error(broken);
    });
  } else if (skipReason) {
    it(name, { skip: skipReason }, () => {});
  } else {
    describe(name, fn);
  }
}

export const bundleSource = () => readFileSync(BUNDLE, 'utf8');

/**
 * Starts the server and the browser. `mounts` are extra server folders ({'/pages/': dir}).
 * Returns { url, browser, newPage(options), close() }.
 */
export async function start(mounts = {}) {
  const server = await startServer({
    port: 0,
    mounts: { '/': join(ROOT, 'www'), '/dist/': DIST, ...mounts },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url: server.url,
    browser,
    /**
     * A page in a fresh context that may reach only the server. With `pageScripts: false` the
     * server's HTML documents get a CSP that lets no page script run (saved pages' own scripts
     * fail offline and rewrite the DOM on timers); WebAssembly stays allowed.
     */
    async newPage({ pageScripts = true, viewport = { width: 1280, height: 900 } } = {}) {
      const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
      await context.addInitScript(RECORD_START);
      const page = watch(await context.newPage(), 'playwright');
      await page.route('**/*', async (route) => {
        const request = route.request();
        if (!request.url().startsWith(server.url)) return route.abort();
        if (pageScripts || request.resourceType() !== 'document') return route.continue();
        const response = await route.fetch();
        return route.fulfill({
          response,
          headers: {
            ...response.headers(),
            'content-security-policy': "script-src 'wasm-unsafe-eval'; object-src 'none'",
          },
        });
      });
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Every factlens highlight in CSS.highlights with its number of ranges. */
export const highlightSizes = (page) => page.evaluate(() => {
  const out = {};
  if (globalThis.CSS && CSS.highlights) {
    for (const [name, h] of CSS.highlights) if (name.startsWith('factlens')) out[name] = h.size;
  }
  return out;
});

/**
 * The panel as the accessibility tree presents it: a flat, ordered list of
 * { role: 'heading'|'button'|'text', name, level?, backendNodeId? } under the landmark named
 * "factlens findings", or null when there is no panel.
 */
export async function panelOutline(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const panel = nodes.find((n) => n.name?.value === 'factlens findings' && !n.ignored);
    if (!panel) return null;
    const out = [];
    const walk = (node) => {
      if (!node) return;
      const role = node.role?.value;
      const name = node.name?.value ?? '';
      if (!node.ignored && (role === 'heading' || role === 'button')) {
        const level = node.properties?.find((p) => p.name === 'level')?.value.value;
        out.push({ role, name, level, backendNodeId: node.backendDOMNodeId });
        return; // their text is their name
      }
      if (!node.ignored && role === 'StaticText' && name.trim()) out.push({ role: 'text', name });
      for (const id of node.childIds || []) walk(byId.get(id));
    };
    walk(panel);
    return out;
  } finally {
    await cdp.detach();
  }
}

/**
 * The panel's content by section: { [h3 title, lower case]: { heading, entries, groups } };
 * `groups` are the entries under each h4 (the quotes section's speakers): { [speaker]: [button
 * names] }. (Section headings are shown in capitals, so the names come as shown.)
 */
export function panelSections(outline) {
  const sections = {};
  let section = null;
  let speaker = null;
  for (const item of outline) {
    if (item.role === 'heading' && item.level === 3) {
      const title = item.name.replace(/\s*\(\d+\)$/, '').toLowerCase();
      section = sections[title] = { heading: item.name, entries: [], groups: {} };
      speaker = null;
    } else if (!section) {
      continue;
    } else if (item.role === 'heading' && item.level === 4) {
      speaker = item.name.replace(/\s*\(\d+\)$/, '');
      section.groups[speaker] = [];
    } else {
      section.entries.push(item);
      if (speaker && item.role === 'button') section.groups[speaker].push(item.name);
    }
  }
  return sections;
}

/** Clicks a panel button like a user: scrolls it into view, then a real mouse click. */
export async function clickPanelButton(page, backendNodeId) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: 0 });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId });
    const [x1, y1, , , x3, y3] = model.border;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}
