#!/usr/bin/env node
// The size budget, a step of `npm test`: fails when the WebAssembly core after wasm-opt is over
// 150 KB gzipped, or the JS shell (the classic bundle without the wasm) over 15 KB gzipped.
//
// The build (scripts/build.mjs) lists the files it made and their sizes in dist/sizes.json; this
// check takes the file names from there but measures the files themselves (raw, and gzip at zlib
// level 9, as the build prints them; 1 KB = 1024 bytes). It also fails when the listed sizes are
// not those of the files (a stale dist/sizes.json) or when the shipped bundle does not carry the
// budgeted wasm. Exit status 1 on any failure, 2 when there is no build.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
/** Gzipped budgets, in bytes. */
const BUDGETS = { wasm: 150 * KB, shell: 15 * KB };

const listing = join(ROOT, 'dist', 'sizes.json');
if (!existsSync(listing)) {
  console.error('check-size: dist/sizes.json is missing: run `npm run build` first');
  process.exit(2);
}
const sizes = JSON.parse(readFileSync(listing, 'utf8'));
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
let failed = 0;
const fail = (why) => {
  console.error(`check-size: ${why}`);
  failed++;
};

console.log(`${'file'.padEnd(40)} ${'raw'.padStart(9)} ${'gzipped'.padStart(9)} ${'budget'.padStart(9)}`);
for (const [key, budget] of Object.entries(BUDGETS)) {
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
  console.log(`${entry.file.padEnd(40)} ${kb(bytes.length).padStart(9)} ${kb(gzip).padStart(9)} ${kb(budget).padStart(9)}  ${over ? 'OVER' : 'ok'}`);
  if (over) fail(`${entry.file} is ${kb(gzip)} gzipped, over its ${kb(budget)} budget by ${kb(gzip - budget)}`);
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

console.log(failed ? `check-size: ${failed} problem(s)` : 'check-size: within budget');
process.exit(failed ? 1 : 0);
