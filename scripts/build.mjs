#!/usr/bin/env node
// npm run build: Rust -> wasm32 -> wasm-bindgen -> wasm-opt -> esbuild bundles in dist/.
//
//   dist/factlens.js         ES module exporting scan, clear (wasm inlined)
//   dist/factlens.bundle.js  classic script defining window.factlens (wasm inlined)
//   dist/factlens.d.ts       types of the API and the Report
//
// Intermediate files go to build/. A step is skipped when its output is newer than its input;
// cargo decides for itself. Prints the sizes (raw and gzipped) of the optimised .wasm and of the
// JS shell (the bundle without the inlined wasm).

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => join(ROOT, ...p);
const RAW_WASM = at('target/wasm32-unknown-unknown/release/factlens.wasm');
const BINDGEN_DIR = at('build/wasm');
const BINDGEN_WASM = join(BINDGEN_DIR, 'factlens_bg.wasm');
const OPT_WASM = join(BINDGEN_DIR, 'factlens_bg.opt.wasm');
const DIST = at('dist');

// What rustc's wasm32-unknown-unknown target emits and wasm-bindgen 0.2.130's output uses
// (table.fill, externref tables, multivalue returns, memory.copy/fill). wasm-opt also reads the
// module's target_features section; these flags keep it working if that section is stripped.
const WASM_FEATURES = [
  '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-reference-types', '--enable-multivalue',
  '--enable-mutable-globals', '--enable-call-indirect-overlong',
];

function run(cmd, args) {
  console.log(`$ ${[cmd, ...args].join(' ')}`);
  try {
    execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
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

// 1. Rust -> wasm32
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib']);

// 2. wasm-bindgen: JS glue + the module it expects
if (fresh(BINDGEN_WASM, RAW_WASM)) {
  console.log('wasm-bindgen: up to date');
} else {
  run(findTool('wasm-bindgen'), ['--target', 'web', '--out-dir', BINDGEN_DIR, RAW_WASM]);
}

// 3. wasm-opt -Oz (npm binaryen; Debian's wasm-opt cannot read this output)
if (fresh(OPT_WASM, BINDGEN_WASM)) {
  console.log('wasm-opt: up to date');
} else {
  run(at('node_modules/.bin/wasm-opt'), ['-Oz', ...WASM_FEATURES, BINDGEN_WASM, '-o', OPT_WASM]);
}

// 4. esbuild: the shell + glue + inlined wasm bytes
mkdirSync(DIST, { recursive: true });
const common = {
  bundle: true,
  minify: true,
  target: ['es2020'],
  legalComments: 'none',
  loader: { '.wasm': 'binary' },
  // The glue's fallback `new URL('factlens_bg.wasm', import.meta.url)` is never reached: the
  // bytes are always passed in. Defining it keeps the IIFE build free of import.meta.
  define: { 'import.meta.url': '"about:blank"' },
  logLevel: 'warning',
};
const iife = { ...common, entryPoints: [at('www/src/global.js')], format: 'iife' };

await esbuild.build({
  ...common, entryPoints: [at('www/src/index.js')], format: 'esm', outfile: join(DIST, 'factlens.js'),
});
await esbuild.build({ ...iife, outfile: join(DIST, 'factlens.bundle.js') });
copyFileSync(at('www/src/factlens.d.ts'), join(DIST, 'factlens.d.ts'));

// The shell alone: the same bundle with an empty stand-in for the wasm bytes.
const shell = await esbuild.build({
  ...iife,
  write: false,
  plugins: [{
    name: 'no-wasm',
    setup(b) {
      b.onLoad({ filter: /\.wasm$/ }, () => ({ contents: 'export default new Uint8Array(0)', loader: 'js' }));
    },
  }],
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const size = (label, bytes) => {
  console.log(`${label.padEnd(42)} ${kb(bytes.length).padStart(9)} raw  ${kb(gzipSync(bytes, { level: 9 }).length).padStart(9)} gzip`);
};
console.log('\nsizes:');
size('wasm (wasm-opt -Oz)', readFileSync(OPT_WASM));
size('JS shell (bundle without the wasm)', Buffer.from(shell.outputFiles[0].contents));
size('dist/factlens.js (ES module, all in)', readFileSync(join(DIST, 'factlens.js')));
size('dist/factlens.bundle.js (classic, all in)', readFileSync(join(DIST, 'factlens.bundle.js')));
