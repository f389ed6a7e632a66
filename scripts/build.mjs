#!/usr/bin/env node
// npm run build: Rust -> wasm32 -> wasm-bindgen -> wasm-opt -> esbuild bundles in dist/.
//
//   dist/factlens.js              ES module exporting scan, clear, export (wasm inlined)
//   dist/factlens.bundle.js       classic script defining window.factlens (wasm inlined)
//   dist/factlens.standalone.js   the same with the wasm2js core inlined too (the CLI injects it)
//   dist/factlens.wasm2js.js      the wasm2js core, loaded by the bundle where a page's CSP
//   dist/factlens.wasm2js.mjs       forbids WebAssembly (and its ES module twin for factlens.js)
//   dist/factlens.export.js       export('w3c')'s writer, loaded by the bundle on first use
//   dist/factlens.export.mjs        (and its ES module twin for factlens.js)
//   dist/factlens.worker.js       the analysis in a Web Worker for large pages, loaded by the
//   dist/factlens.worker.mjs        bundle the first time it needs it (and its ES module twin)
//   dist/factlens.d.ts            types of the API and the Report
//   dist/bookmarklet-page.js      the two bookmarklets, for www/bookmarklet.html
//
// The wasm2js core is the same crate built a second time for target-cpu=mvp (wasm2js translates
// neither reference types nor multi-value returns, which wasm-bindgen uses when it can), bound by
// wasm-bindgen's bundler-target glue and translated by npm binaryen's wasm2js.
//
// The short bookmarklet loads factlens.bundle.js from the folder that served the bookmarklet page;
// FACTLENS_BASE_URL=https://host/path/ (or --base-url URL) fixes that base at build time, and
// FACTLENS_HELP_URL the page its failure messages point to.
//
// Intermediate files go to build/. A step is skipped when its output is newer than its input;
// cargo decides for itself. Prints the sizes (raw and gzipped) of the optimised .wasm, the wasm2js
// core, the JS shell (the bundle without the inlined wasm, written to build/factlens.shell.js),
// and the bookmarklets' lengths, and writes them to dist/sizes.json (scripts/check-size.mjs
// holds them to their budget, measuring the files again).

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { VERSION, build, common, lazyPartsFrom, minified } from './esbuild-config.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => join(ROOT, ...p);
const RAW_WASM = at('target/wasm32-unknown-unknown/release/factlens.wasm');
const BINDGEN_DIR = at('build/wasm');
const BINDGEN_WASM = join(BINDGEN_DIR, 'factlens_bg.wasm');
const OPT_WASM = join(BINDGEN_DIR, 'factlens_bg.opt.wasm');
const DIST = at('dist');
const MVP_TARGET = at('target/mvp');
const MVP_RAW_WASM = join(MVP_TARGET, 'wasm32-unknown-unknown/release/factlens.wasm');
const W2J_DIR = at('build/wasm2js');
const W2J_INPUT = join(W2J_DIR, 'factlens.wasm'); // the mvp build without its target_features
const W2J_BINDGEN_WASM = join(W2J_DIR, 'factlens_bg.wasm');
const W2J_OPT_WASM = join(W2J_DIR, 'factlens_bg.opt.wasm');
const W2J_RAW_JS = join(W2J_DIR, 'factlens_bg.wasm2js.raw.js'); // wasm2js's own output
const W2J_JS = join(W2J_DIR, 'factlens_bg.wasm2js.js'); // the same, growing memory as wasm does
// A self-contained bookmarklet longer than this does not fit in a Firefox bookmark.
const BOOKMARKLET_LIMIT = 1 << 20;

// What rustc's wasm32-unknown-unknown target emits and wasm-bindgen 0.2.130's output uses
// (table.fill, externref tables, multivalue returns, memory.copy/fill). wasm-opt also reads the
// module's target_features section; these flags keep it working if that section is stripped.
const WASM_FEATURES = [
  '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue',
  '--enable-mutable-globals', '--enable-call-indirect-overlong',
];
// The mvp build for wasm2js: the same minus reference types and multi-value (Rust's precompiled
// std still brings bulk memory, sign extension and saturating conversions; wasm2js lowers those).
const W2J_FEATURES = WASM_FEATURES.filter((f) => !/reference-types|multivalue/.test(f));

function baseFromArgs() {
  const i = process.argv.findIndex((a) => a === '--base-url' || a.startsWith('--base-url='));
  const raw = i < 0 ? process.env.FACTLENS_BASE_URL : process.argv[i].includes('=')
    ? process.argv[i].slice(process.argv[i].indexOf('=') + 1) : process.argv[i + 1];
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (!/^https?:$/.test(url.protocol)) throw new Error('not http(s)');
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    console.error(`build: FACTLENS_BASE_URL / --base-url must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
}
const CONFIGURED_BASE = baseFromArgs();
const CONFIGURED_HELP = process.env.FACTLENS_HELP_URL || null;

function run(cmd, args, env = {}) {
  const shown = Object.entries(env).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  console.log(`$ ${[...shown, cmd, ...args].join(' ')}`);
  try {
    execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  } catch (e) {
    const why = e.code === 'ENOENT' ? `${cmd} not found (run \`npm run setup\`)` : `${cmd} failed`;
    console.error(`build: ${why}`);
    process.exit(1);
  }
}

const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : -1);
const fresh = (out, input) => mtime(out) >= mtime(input) && mtime(out) > 0;

function findTool(name) {
  const local = join(homedir(), '.cargo', 'bin', name);
  return existsSync(local) ? local : name;
}

/**
 * wasm-bindgen `args` on `input` into `dir`, unless its `output` is newer than the input and was
 * made with the same arguments (recorded beside it). `--encode-into always`: every browser the
 * shell targets (ES2020) has TextEncoder#encodeInto, so the glue needs no stand-in for it.
 */
function bindgen(what, args, input, dir, output) {
  const all = [...args, '--encode-into', 'always'];
  const stamp = join(dir, 'wasm-bindgen-args');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === all.join(' ') && fresh(output, input)) {
    console.log(`${what}: up to date`);
    return;
  }
  run(findTool('wasm-bindgen'), [...all, '--out-dir', dir, input]);
  writeFileSync(stamp, all.join(' '));
}

// 1. Rust -> wasm32
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib']);

// 2. wasm-bindgen: JS glue + the module it expects
bindgen('wasm-bindgen', ['--target', 'web'], RAW_WASM, BINDGEN_DIR, BINDGEN_WASM);

// 3. wasm-opt -Oz (npm binaryen; Debian's wasm-opt cannot read this output)
if (fresh(OPT_WASM, BINDGEN_WASM)) {
  console.log('wasm-opt: up to date');
} else {
  run(at('node_modules/.bin/wasm-opt'), ['-Oz', ...WASM_FEATURES, BINDGEN_WASM, '-o', OPT_WASM]);
}

// 4. The wasm2js core: the crate for target-cpu=mvp, in a target dir of its own so that neither
//    build invalidates the other's cache.
//    Built for size (opt-level "z"): it is the fallback where WebAssembly is forbidden, and it is
//    inlined in the self-contained bookmarklet, which must stay under 1 MiB.
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib'], {
  CARGO_TARGET_DIR: MVP_TARGET,
  CARGO_PROFILE_RELEASE_OPT_LEVEL: 'z',
  RUSTFLAGS: `${process.env.RUSTFLAGS ? `${process.env.RUSTFLAGS} ` : ''}-C target-cpu=mvp`,
});
mkdirSync(W2J_DIR, { recursive: true });
if (fresh(W2J_INPUT, MVP_RAW_WASM)) {
  console.log('target_features strip: up to date');
} else {
  // The precompiled std still lists +reference-types in the target_features section, and
  // wasm-bindgen would then plan an externref table the mvp-built crate does not have.
  writeFileSync(W2J_INPUT, withoutCustomSection(readFileSync(MVP_RAW_WASM), 'target_features'));
}
bindgen('wasm-bindgen (bundler, for wasm2js)', ['--target', 'bundler'], W2J_INPUT, W2J_DIR, W2J_BINDGEN_WASM);
if (fresh(W2J_OPT_WASM, W2J_BINDGEN_WASM)) {
  console.log('wasm-opt (for wasm2js): up to date');
} else {
  run(at('node_modules/.bin/wasm-opt'), ['-Oz', ...W2J_FEATURES, W2J_BINDGEN_WASM, '-o', W2J_OPT_WASM]);
}
if (fresh(W2J_RAW_JS, W2J_OPT_WASM)) {
  console.log('wasm2js: up to date');
} else {
  run(at('node_modules/.bin/wasm2js'), ['-Oz', ...W2J_FEATURES, W2J_OPT_WASM, '-o', W2J_RAW_JS]);
}
writeFileSync(W2J_JS, detachOnGrow(readFileSync(W2J_RAW_JS, 'utf8')));

/**
 * wasm2js grows memory by copying into a new ArrayBuffer and leaves the old one intact, while
 * WebAssembly.Memory.grow detaches it. wasm-bindgen's glue relies on the detaching: it keeps a
 * Uint8Array and a DataView of memory and makes them again only once their buffer is detached.
 * With wasm2js they went on reading the old buffer after a grow (strings of big pages came back
 * empty). Growing through ArrayBuffer.prototype.transfer, or copying and then detaching with
 * structuredClone, gives the glue what it expects.
 */
function detachOnGrow(js) {
  if (!js.includes("from './factlens_bg.js'")) {
    console.error('build: the wasm2js output does not import ./factlens_bg.js; the glue and the core would not meet');
    process.exit(1);
  }
  const grow = /var newBuffer = new ArrayBuffer\(newPages << 16\);\s*var newHEAP8 = new Int8Array\(newBuffer\);\s*newHEAP8\.set\(HEAP8\);/;
  if (!grow.test(js)) {
    console.error('build: wasm2js grows memory in a way this build does not know; see detachOnGrow()');
    process.exit(1);
  }
  const helper = `
function factlensGrowBuffer(old, size) {
  if (typeof old.transfer === 'function') return old.transfer(size);
  var grown = new ArrayBuffer(size);
  new Uint8Array(grown).set(new Uint8Array(old));
  structuredClone(old, { transfer: [old] });
  return grown;
}
`;
  const body = js.replace(grow, 'var newBuffer = factlensGrowBuffer(buffer, newPages << 16);');
  const afterImports = body.indexOf('\n', body.indexOf("from './factlens_bg.js'")) + 1;
  return body.slice(0, afterImports) + helper + body.slice(afterImports);
}

/** A wasm binary without the custom sections called `name`. */
function withoutCustomSection(bytes, name) {
  const leb = (i) => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[i++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return [value, i];
  };
  const kept = [bytes.subarray(0, 8)];
  let i = 8;
  while (i < bytes.length) {
    const start = i;
    const id = bytes[i++];
    let size;
    [size, i] = leb(i);
    const end = i + size;
    let keep = true;
    if (id === 0) {
      const [length, at] = leb(i);
      keep = bytes.subarray(at, at + length).toString() !== name;
    }
    if (keep) kept.push(bytes.subarray(start, end));
    i = end;
  }
  return Buffer.concat(kept);
}

// 5. esbuild: the shell + glue + inlined cores
mkdirSync(DIST, { recursive: true });
const iife = (entry, file, extra = {}) => ({
  ...common, entryPoints: [at('www/src', entry)], format: 'iife', plugins: [lazyPartsFrom(file)], ...extra,
});

await build({
  ...common, entryPoints: [at('www/src/index.js')], format: 'esm', outfile: join(DIST, 'factlens.js'),
  plugins: [lazyPartsFrom('wasm2js-module.js')],
});
await esbuild.build({
  ...common, entryPoints: [at('www/src/core-wasm2js.js')], format: 'esm', outfile: join(DIST, 'factlens.wasm2js.mjs'),
});
await build({ ...iife('global.js', 'wasm2js-script.js'), outfile: join(DIST, 'factlens.bundle.js') });
await esbuild.build({ ...iife('wasm2js-global.js', 'wasm2js-script.js'), outfile: join(DIST, 'factlens.wasm2js.js') });
await esbuild.build({ ...iife('global.js', 'wasm2js-inline.js'), outfile: join(DIST, 'factlens.standalone.js') });
// export('w3c')'s writer, loaded on its first use: beside the classic bundle and the ES module.
await build({ ...iife('export-global.js', 'wasm2js-script.js'), outfile: join(DIST, 'factlens.export.js') });
await build({
  ...common, entryPoints: [at('www/src/export.js')], format: 'esm', outfile: join(DIST, 'factlens.export.mjs'),
});
// The analysis in a worker for large pages, loaded the first time a page needs it, beside both.
await build({ ...iife('worker-global.js', 'wasm2js-script.js'), outfile: join(DIST, 'factlens.worker.js') });
await build({
  ...common, entryPoints: [at('www/src/offthread.js')], format: 'esm', outfile: join(DIST, 'factlens.worker.mjs'),
  plugins: [lazyPartsFrom('wasm2js-module.js')],
});
copyFileSync(at('www/src/factlens.d.ts'), join(DIST, 'factlens.d.ts'));

// The bookmarklets. Their base URL and help page are string placeholders that
// dist/bookmarklet-page.js fills in when the page is viewed (or the build fills in now).
const PLACEHOLDERS = { FACTLENS_BASE: '"@@BASE@@"', FACTLENS_HELP: '"@@HELP@@"' };
const codeOf = async (options) => {
  const out = await esbuild.build({ ...options, write: false, define: { ...options.define, ...PLACEHOLDERS } });
  const code = out.outputFiles[0].text.trim();
  if (!code.includes(PLACEHOLDERS.FACTLENS_HELP)) {
    console.error('build: a bookmarklet lost its help-page placeholder');
    process.exit(1);
  }
  return code;
};
const loaderCode = await codeOf(iife('loader.js', 'wasm2js-script.js'));
// In the self-contained bookmarklet the wasm is inlined gzipped (base64 of 128 KB instead of
// 285 KB: a javascript: URL is stored and run uncompressed) and inflated by the browser's
// DecompressionStream on first use; where that is missing, the wasm fails to load and the scan
// runs on the wasm2js core, which is inline too.
const gzippedWasm = {
  name: 'gzipped-wasm',
  setup(b) {
    b.onLoad({ filter: /\.wasm$/ }, (args) => ({
      loader: 'js',
      contents: `const gz = ${JSON.stringify(gzipSync(readFileSync(args.path), { level: 9 }).toString('base64'))};
export default () => new Response(new Blob([Uint8Array.from(atob(gz), (c) => c.charCodeAt(0))]).stream()
  .pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();`,
    }));
  },
};
const selfContainedCode = await codeOf(iife('selfcontained.js', 'wasm2js-inline.js', {
  plugins: [lazyPartsFrom('wasm2js-inline.js'), gzippedWasm],
}));
if (!loaderCode.includes(PLACEHOLDERS.FACTLENS_BASE)) {
  console.error('build: the loader bookmarklet lost its base-URL placeholder');
  process.exit(1);
}
await esbuild.build({
  ...common,
  entryPoints: [at('www/src/bookmarklet-page.js')],
  format: 'iife',
  outfile: join(DIST, 'bookmarklet-page.js'),
  define: {
    ...common.define,
    LOADER_CODE: JSON.stringify(loaderCode),
    SELFCONTAINED_CODE: JSON.stringify(selfContainedCode),
    CONFIGURED_BASE: JSON.stringify(CONFIGURED_BASE),
    CONFIGURED_HELP: JSON.stringify(CONFIGURED_HELP),
  },
});

// The shell alone: the bundle with an empty stand-in for the wasm bytes (the wasm2js core is a
// separate file the bundle loads only where WebAssembly is forbidden).
const shell = await esbuild.build({
  ...iife('global.js', 'wasm2js-script.js'),
  write: false,
  plugins: [lazyPartsFrom('wasm2js-script.js'), {
    name: 'no-wasm',
    setup(b) {
      b.onLoad({ filter: /\.wasm$/ }, () => ({ contents: 'export default new Uint8Array(0)', loader: 'js' }));
    },
  }],
});

// The bookmarklets' lengths as the bookmarklet page of `npm start` makes them.
const { bookmarkletURL } = await import(pathToFileURL(at('www/src/bookmarklet-url.js')).href);
const example = (code) => bookmarkletURL(code
  .split(PLACEHOLDERS.FACTLENS_BASE).join(JSON.stringify(CONFIGURED_BASE || 'http://127.0.0.1:8080/dist/'))
  .split(PLACEHOLDERS.FACTLENS_HELP).join(JSON.stringify(CONFIGURED_HELP || 'http://127.0.0.1:8080/bookmarklet.html')));
const loaderURL = example(loaderCode);
const selfContainedURL = example(selfContainedCode);

const SHELL = at('build/factlens.shell.js');
writeFileSync(SHELL, await minified(shell.outputFiles[0].text, false));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = {};
const size = (key, label, file) => {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  sizes[key] = { file: file.slice(ROOT.length + 1), raw: bytes.length, gzip };
  console.log(`${label.padEnd(44)} ${kb(bytes.length).padStart(9)} raw  ${kb(gzip).padStart(9)} gzip`);
};
console.log('\nsizes:');
size('wasm', 'wasm (wasm-opt -Oz)', OPT_WASM);
size('wasm2js', 'wasm2js core (dist/factlens.wasm2js.js)', join(DIST, 'factlens.wasm2js.js'));
size('shell', 'JS shell (bundle without the wasm)', SHELL);
size('worker', 'worker for large pages (factlens.worker.js)', join(DIST, 'factlens.worker.js'));
size('module', 'dist/factlens.js (ES module, wasm in)', join(DIST, 'factlens.js'));
size('bundle', 'dist/factlens.bundle.js (classic, wasm in)', join(DIST, 'factlens.bundle.js'));
size('standalone', 'dist/factlens.standalone.js (both cores in)', join(DIST, 'factlens.standalone.js'));
writeFileSync(join(DIST, 'sizes.json'), `${JSON.stringify({
  version: VERSION,
  unit: 'bytes; gzip is zlib level 9',
  ...sizes,
  bookmarklets: { loader: loaderURL.length, selfContained: selfContainedURL.length },
}, null, 2)}\n`);
console.log(`${'loader bookmarklet'.padEnd(44)} ${String(loaderURL.length).padStart(9)} characters`);
console.log(`${'self-contained bookmarklet'.padEnd(44)} ${String(selfContainedURL.length).padStart(9)} characters (limit ${BOOKMARKLET_LIMIT})`);
if (selfContainedURL.length >= BOOKMARKLET_LIMIT) {
  console.error(`build: the self-contained bookmarklet is ${selfContainedURL.length} characters, over ${BOOKMARKLET_LIMIT}`);
  process.exit(1);
}
