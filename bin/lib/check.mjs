// factlens check: pages -> headless Chromium -> the widget's own scan -> summary / JSON / W3C.
//
// Local files are served from 127.0.0.1 (one mount per folder, so relative resources load), URLs
// are loaded as they are. Requests to other origins are aborted unless --allow-network: a page
// is checked as its own text, without the third parties it would call. The widget is injected
// as dist/factlens.standalone.js (both cores inside) into a context that bypasses the page's CSP,
// the way a bookmarklet runs; it scans without highlights or panel.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { progressBar } from './progress.mjs';
import { serve } from './server.mjs';
import { failures, summary } from './summary.mjs';

const STANDALONE = fileURLToPath(new URL('../../dist/factlens.standalone.js', import.meta.url));
const DEFAULT_BROWSER = process.env.FACTLENS_BROWSER || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--mute-audio',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions',
];
const FAIL_ON = ['repeats', 'unattributed'];
const FORMATS = ['text', 'json', 'w3c'];

class UsageError extends Error {}

function options(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      jobs: { type: 'string' },
      browser: { type: 'string' },
      'allow-network': { type: 'boolean' },
      root: { type: 'string' },
      timeout: { type: 'string' },
      progress: { type: 'boolean' },
      'no-progress': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const format = values.json ? 'json' : (values.format ?? 'text');
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (values.json && values.format && values.format !== 'json') throw new UsageError('--json and --format disagree');
  const failOn = (values['fail-on'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = failOn.filter((c) => !FAIL_ON.includes(c));
  if (unknown.length) throw new UsageError(`--fail-on knows ${FAIL_ON.join(', ')}, not ${unknown.join(', ')}`);
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const jobs = values.jobs === undefined ? Math.max(1, Math.min(4, cores)) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError('--jobs must be a whole number from 1 to 64');
  const timeout = values.timeout === undefined ? 60 : Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError('--timeout must be a number of seconds above 0');
  return {
    help: values.help,
    format,
    failOn,
    jobs,
    timeoutMs: timeout * 1000,
    browser: values.browser ?? DEFAULT_BROWSER,
    allowNetwork: !!values['allow-network'],
    root: values.root ?? null,
    progress: values['no-progress'] ? false : values.progress ? true : null,
    inputs: positionals,
  };
}

/** Arguments -> pages: URLs as given, files, and the .html/.htm files of folders (sorted). */
function pages(inputs) {
  const out = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      out.push({ label: input, url: input });
      continue;
    }
    const path = resolve(/^file:/i.test(input) ? fileURLToPath(input) : input);
    let info = null;
    try {
      info = statSync(path);
    } catch {
      out.push({ label: input, error: 'no such file or folder' });
      continue;
    }
    if (info.isDirectory()) {
      const files = readdirSync(path).filter((f) => /\.html?$/i.test(f)).sort();
      if (!files.length) out.push({ label: input, error: 'folder without .html files' });
      for (const f of files) out.push({ label: join(input, f), file: join(path, f) });
    } else {
      out.push({ label: input, file: path });
    }
  }
  return out;
}

/**
 * Runs `factlens check` with these arguments; resolves to the exit status.
 * @param {string[]} argv
 */
export async function check(argv, { usage, stdout = process.stdout, stderr = process.stderr } = {}) {
  let opts;
  try {
    opts = options(argv);
  } catch (e) {
    stderr.write(`factlens check: ${e.message}\n\n${usage}\n`);
    return 2;
  }
  if (opts.help) {
    stdout.write(`${usage}\n`);
    return 0;
  }
  if (!opts.inputs.length) {
    stderr.write(`factlens check: name at least one file, folder or URL\n\n${usage}\n`);
    return 2;
  }
  if (!existsSync(STANDALONE)) {
    stderr.write(`factlens check: ${STANDALONE} is missing (in a checkout, run \`npm run build\` first)\n`);
    return 2;
  }
  const list = pages(opts.inputs);

  // One mount per folder holding a local page.
  const folders = [...new Set(list.filter((p) => p.file).map((p) => dirname(p.file)))];
  const mounts = Object.fromEntries(folders.map((dir, i) => [`/${i}/`, dir]));
  const server = folders.length ? await serve({ mounts }) : null;
  for (const p of list) {
    if (p.file) {
      p.url = `${server.url}${folders.indexOf(dirname(p.file))}/${encodeURIComponent(basename(p.file))}`;
      p.source = pathToFileURL(p.file).href;
    }
  }

  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath: opts.browser, args: CHROMIUM_ARGS, headless: true });
  } catch (e) {
    await server?.close();
    const why = String(e && e.message).split('\n').find((l) => l.trim()) || 'it did not start';
    stderr.write(`factlens check: cannot start the browser at ${opts.browser}: ${why}\n` +
      'Install Chromium (Debian: apt-get install chromium) or name one with --browser PATH.\n');
    return 2;
  }
  const stop = () => {
    browser.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);

  const standalone = readFileSync(STANDALONE, 'utf8');
  const showProgress = opts.progress ?? (!!stderr.isTTY && list.length > 1);
  const bar = showProgress ? progressBar(list.length, stderr) : null;
  const sharesTerminal = bar && stdout.isTTY && stderr.isTTY;
  const started = performance.now();
  const results = new Array(list.length);
  let printed = 0;

  const write = (text) => {
    if (sharesTerminal) bar.hide();
    stdout.write(text);
    if (sharesTerminal) bar.show();
  };
  const flush = () => {
    while (printed < list.length && results[printed]) {
      const page = results[printed++];
      if (opts.format === 'text') {
        write(`${summary(page, stdout.columns || 100)}\n`);
      } else if (opts.format === 'json') {
        write(`${JSON.stringify(page.error ? { page: page.label, error: page.error } : { page: page.label, ...page.report })}\n`);
      } else if (page.error) {
        if (bar) bar.hide();
        stderr.write(`factlens check: ${page.label}: ${page.error}\n`);
        if (bar) bar.show();
      } else {
        write(`${JSON.stringify(page.w3c)}\n`);
      }
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      const p = list[i];
      results[i] = p.error ? p : await checkPage(browser, p, opts, standalone, server);
      if (results[i].report) results[i].failed = failures(results[i].report, opts.failOn);
      bar?.tick(basename(p.label));
      flush();
    }
  };
  bar?.start();
  try {
    await Promise.all(Array.from({ length: Math.min(opts.jobs, list.length) }, worker));
  } finally {
    process.removeListener('SIGINT', stop);
    bar?.end();
    await browser.close();
    await server?.close();
  }

  const seconds = (performance.now() - started) / 1000;
  const errors = results.filter((r) => r.error).length;
  const failed = results.filter((r) => r.failed && r.failed.length).length;
  stderr.write(`factlens check: ${list.length} page${list.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s ` +
    `(--jobs ${opts.jobs})${errors ? `, ${errors} not checked` : ''}` +
    `${opts.failOn.length ? `, ${failed} failing --fail-on ${opts.failOn.join(',')}` : ''}\n`);
  if (errors) return 3;
  return failed ? 1 : 0;
}

/** Loads one page in a context of its own and scans it. */
async function checkPage(browser, p, opts, standalone, server) {
  const context = await browser.newContext({
    bypassCSP: true,
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 900 },
  });
  const own = new URL(p.url).origin;
  let blocked = 0;
  try {
    if (!opts.allowNetwork) {
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if ((server && url.startsWith(server.url)) || new URL(url).origin === own) return route.continue();
        blocked += 1;
        return route.abort('blockedbyclient');
      });
    }
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs);
    const response = await page.goto(p.url, { waitUntil: 'domcontentloaded', timeout: opts.timeoutMs });
    if (response && response.status() >= 400) {
      return { label: p.label, error: `HTTP ${response.status()} ${response.statusText()}`.trim() };
    }
    // Scripts that build the article run by `load`; a page that never gets there is read as is.
    await page.waitForLoadState('load', { timeout: Math.min(opts.timeoutMs, 15000) }).catch(() => {});
    await page.evaluate(standalone);
    const result = await page.evaluate(async ({ root, w3c, source }) => {
      const el = root ? document.querySelector(root) : undefined;
      if (root && !el) return { error: `no element matches --root ${root}` };
      try {
        const report = await window.factlens.scan({ root: el, highlight: false, panel: false });
        return {
          report: JSON.parse(JSON.stringify(report)),
          ms: report.timings.total,
          engine: report.engine,
          title: document.title,
          w3c: w3c ? await window.factlens.export('w3c', { source }) : null,
        };
      } catch (e) {
        return { error: String((e && e.message) || e) };
      }
    }, { root: opts.root, w3c: opts.format === 'w3c', source: p.source || null });
    return { label: p.label, blocked, ...result };
  } catch (e) {
    const why = String((e && e.message) || e).split('\n')[0];
    return { label: p.label, error: why };
  } finally {
    await context.close().catch(() => {});
  }
}
