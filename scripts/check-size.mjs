#!/usr/bin/env node
// The size budget, a step of `npm test`: fails when the WebAssembly core after wasm-opt is over
// 150 KB gzipped, or the JS shell (the classic bundle without the wasm) over 15 KB gzipped.
//
// The build (scripts/build.mjs) lists the files it made and their sizes in dist/sizes.json; this
// check takes the file names from there but measures the files themselves (raw, and gzip at zlib
// level 9, as the build prints them; 1 KB = 1024 bytes). It also fails when the listed sizes are
// not those of the files (a stale dist/sizes.json) or when the shipped bundle does not carry the
// budgeted wasm. Exit status 1 on any failure, 2 when there is no build.
//
// A file may have a temporary allowance above its budget (a ratchet): over the budget but within
// the allowance it is reported as over and does not fail, past the allowance it fails. The JS
// shell has one since the overlay of issues 5-7 was merged (README, "Sizes"); it went from
// 18.5 KB to 17.8 KB when export('w3c') moved to a file of its own, and up to 19.0 KB for issue 9
// (heavy and unusual pages): the panel's "Show N more" lists, the routing of large pages to a
// worker (whose code is a file of its own), finding the article in slices, and highlights in
// same-origin frames and shadow roots; and down to 17.9 KB for issue 8 (the shell at 17.8 KB:
// terser as a second minifier, wasm-bindgen's glue without its encodeInto stand-in, smaller
// highlight and panel code). Lower the allowance as the shell shrinks, and delete it once the
// shell is within 15 KB again.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
/** Gzipped budgets, in bytes, and temporary allowances above them. */
const BUDGETS = {
  wasm: { budget: 150 * KB },
  shell: { budget: 15 * KB, allowance: 17.9 * KB, why: 'the overlay of issues 5-7 and 9 (README, "Sizes")' },
};

const listing = join(ROOT, 'dist', 'sizes.json');
if (!existsSync(listing)) {
  console.error('check-size: dist/sizes.json is missing: run `npm run build` first');
  process.exit(2);
}
const sizes = JSON.parse(readFileSync(listing, 'utf8'));
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
let failed = 0;
let allowedOver = 0;
const fail = (why) => {
  console.error(`check-size: ${why}`);
  failed++;
};

console.log(`${'file'.padEnd(40)} ${'raw'.padStart(9)} ${'gzipped'.padStart(9)} ${'budget'.padStart(9)}`);
for (const [key, { budget, allowance, why }] of Object.entries(BUDGETS)) {
  const entry = sizes[key];
  if (!entry?.file) {
    fail(`dist/sizes.json lists no ${key} file`);
    continue;
  }
  const file = join(ROOT, entry.file);
  if (!existsSync(file)) {
    fail(`${entry.file} (${key}) is missing`);
    continue;
  }
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const over = gzip > budget;
  const allowed = over && allowance !== undefined && gzip <= allowance;
  const verdict = !over ? 'ok' : allowed ? `OVER (allowed up to ${kb(allowance)} for now)` : 'OVER';
  console.log(`${entry.file.padEnd(40)} ${kb(bytes.length).padStart(9)} ${kb(gzip).padStart(9)} ${kb(budget).padStart(9)}  ${verdict}`);
  if (allowed) {
    allowedOver++;
    console.log(`check-size: warning: ${entry.file} is ${kb(gzip)} gzipped, over its ${kb(budget)} budget by ${kb(gzip - budget)}; ` +
      `allowed up to ${kb(allowance)} for now: ${why}`);
  } else if (over) {
    fail(`${entry.file} is ${kb(gzip)} gzipped, over its ${kb(budget)} budget by ${kb(gzip - budget)}` +
      (allowance === undefined ? '' : ` and over its temporary allowance of ${kb(allowance)}`));
  }
  if (entry.raw !== bytes.length || entry.gzip !== gzip) {
    fail(`dist/sizes.json says ${entry.file} is ${entry.raw} bytes (${entry.gzip} gzipped), the file is ${bytes.length} (${gzip}): rebuild`);
  }
}

// The bundle must carry the wasm that was measured (esbuild inlines it as base64).
const wasmFile = sizes.wasm?.file && join(ROOT, sizes.wasm.file);
const bundleFile = join(ROOT, 'dist', 'factlens.bundle.js');
if (wasmFile && existsSync(wasmFile) && existsSync(bundleFile)) {
  const head = readFileSync(wasmFile).subarray(0, 3 * 4096).toString('base64');
  if (!readFileSync(bundleFile, 'utf8').includes(head)) {
    fail(`dist/factlens.bundle.js does not inline ${sizes.wasm.file}: rebuild`);
  }
}

console.log(failed ? `check-size: ${failed} problem(s)`
  : allowedOver ? `check-size: within the allowances (${allowedOver} file(s) over budget)` : 'check-size: within budget');
process.exit(failed ? 1 : 0);
