// esbuild options shared by the build (scripts/build.mjs) and the e2e tests' open-root copy of
// the bundle (tests/e2e/browsers.mjs openBundle()), so that both bundle the same way; and the
// second minification of the shipped shell (minified()).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { minify } from 'terser';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

export const common = {
  bundle: true,
  minify: true,
  target: ['es2020'],
  legalComments: 'none',
  loader: { '.wasm': 'binary' },
  // The glue's fallback `new URL('factlens_bg.wasm', import.meta.url)` is never reached: the
  // bytes are always passed in. Defining it keeps the IIFE build free of import.meta.
  define: { 'import.meta.url': '"about:blank"', __FACTLENS_VERSION__: JSON.stringify(VERSION) },
  logLevel: 'warning',
};

/** The worker's code (www/src/worker.js: the core's glue and a message handler) as one script. */
let workerSource = null;
const buildWorker = async () => (workerSource ??= (await minified((await esbuild.build({
  ...common, entryPoints: [join(ROOT, 'www/src/worker.js')], format: 'iife', write: false,
})).outputFiles[0].text, false)).trim());

/**
 * Where the parts loaded on first use lead in each build, by the build's `factlens:wasm2js` file
 * (`wasm2js-<how>.js`, with `how` one of script, module, inline): `import ... from
 * 'factlens:wasm2js'` (core.js) to that file, `'factlens:export'` (index.js) to
 * `export-<how>.js` and `'factlens:worker'` (index.js) to `worker-<how>.js`. For the ES module
 * build the sibling dist files are left as runtime imports. `'factlens:worker-source'`
 * (offthread.js) is the worker's code as a string.
 */
export const lazyPartsFrom = (file) => ({
  name: 'factlens-lazy-parts',
  setup(b) {
    b.onResolve({ filter: /^factlens:wasm2js$/ }, () => ({ path: join(ROOT, 'www/src', file) }));
    for (const part of ['export', 'worker']) {
      b.onResolve({ filter: new RegExp(`^factlens:${part}$`) }, () => ({ path: join(ROOT, 'www/src', file.replace('wasm2js-', `${part}-`)) }));
    }
    b.onResolve({ filter: /^factlens:worker-source$/ }, () => ({ path: 'worker-source', namespace: 'factlens' }));
    b.onLoad({ filter: /^worker-source$/, namespace: 'factlens' }, async () => ({
      contents: `export default ${JSON.stringify(await buildWorker())};`, loader: 'js',
    }));
    b.onResolve({ filter: /^\.\/factlens\.(wasm2js|export|worker)\.mjs$/ }, (args) => ({ path: args.path, external: true }));
  },
});

/**
 * esbuild's minified output minified again by terser: its names and its compression of the
 * shell's code gzip smaller (the shell 18.8 -> 17.9 KB gzipped, README "Sizes"). ASCII only, as
 * esbuild writes it: a page that is not UTF-8 reads a classic script in its own encoding.
 * Getters are not taken for pure (reading a layout property lays the page out).
 * @param {string} code
 * @param {boolean} module an ES module (its top-level names are its own)
 */
export const minified = async (code, module) => (await minify(code, {
  ecma: 2020, module, compress: { pure_getters: false }, format: { ascii_only: true },
})).code;

/**
 * esbuild.build() of `options` (with an outfile), then minified() once more, written. For the
 * shipped shell and its lazy parts; not for files that carry the wasm2js core (binaryen's output
 * is minified already, and terser would take seconds over it for little).
 */
export async function build(options) {
  const [out] = (await esbuild.build({ ...options, write: false })).outputFiles;
  const code = await minified(out.text, options.format === 'esm');
  writeFileSync(out.path, code);
  return code;
}
