// The npm package as someone else gets it: `npm pack` here, `npm install <tarball>` in a fresh
// project in a temp folder, then `import { scan } from 'factlens'` in Node (it must load without
// touching a DOM, and scan() must say clearly that it needs a page), the other entry points and
// the types resolve, and `npx factlens check` works from the installed package.
//
// npm installs the package's one dependency (playwright-core) from its cache when it can
// (--prefer-offline); npm ci during set-up has put it there.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, it } from 'node:test';
import { demoPage } from './fixtures.mjs';
import { CHROMIUM, ROOT, suite } from './harness.mjs';

const run = promisify(execFile);
const npm = (args, cwd) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
  cwd, maxBuffer: 64 << 20, timeout: 10 * 60 * 1000, env: { ...process.env, npm_config_update_notifier: 'false' },
});

suite('npm package', null, () => {
  let dir;
  let packed;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factlens-package-'));
    // The build is npm test's step before this one; --ignore-scripts skips prepack's rebuild.
    const { stdout } = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
    [packed] = JSON.parse(stdout);
    const project = join(dir, 'project');
    await run('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'reader', private: true, type: 'module' }));
    await npm(['install', '--prefer-offline', join(dir, packed.filename)], project);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const project = () => join(dir, 'project');
  const node = (code) => run(process.execPath, ['--input-type=module', '-e', code], { cwd: project() });

  it('packs the built widget, its types and the CLI, and nothing else', () => {
    const files = packed.files.map((f) => f.path).sort();
    assert.deepEqual(files, [
      'README.md',
      'bin/factlens.mjs',
      'bin/lib/check.mjs',
      'bin/lib/progress.mjs',
      'bin/lib/server.mjs',
      'bin/lib/summary.mjs',
      'dist/factlens.bundle.js',
      'dist/factlens.d.ts', 'dist/factlens.export.js', 'dist/factlens.export.mjs',
      'dist/factlens.js',
      'dist/factlens.standalone.js',
      'dist/factlens.wasm2js.js',
      'dist/factlens.wasm2js.mjs',
      'dist/factlens.worker.js',
      'dist/factlens.worker.mjs',
      'package.json',
    ]);
  });

  it('imports in Node without a DOM, and scan() says it needs a page', async () => {
    const { stdout } = await node(`
      import * as factlens from 'factlens';
      import { scan, clear } from 'factlens';
      const out = { exports: Object.keys(factlens).sort(), document: typeof document };
      clear();
      out.scan = await scan().then(() => 'resolved', (e) => e.message);
      out.export = await factlens.export('w3c').then(() => 'resolved', (e) => e.message);
      console.log(JSON.stringify(out));
    `);
    const got = JSON.parse(stdout);
    assert.deepEqual(got.exports, ['clear', 'export', 'scan']);
    assert.equal(got.document, 'undefined');
    assert.match(got.scan, /^factlens: scan\(\) reads a web page and there is no document here; .*npx factlens check/);
    assert.equal(got.export, 'factlens: nothing to export yet: call scan() first');
  });

  it('resolves the bundles and the types through its exports', async () => {
    const { stdout } = await node(`
      const r = (s) => import.meta.resolve(s).replace(/^.*node_modules\\//, '');
      console.log(JSON.stringify([r('factlens'), r('factlens/bundle'), r('factlens/standalone'), r('factlens/wasm2js')]));
    `);
    assert.deepEqual(JSON.parse(stdout), [
      'factlens/dist/factlens.js',
      'factlens/dist/factlens.bundle.js',
      'factlens/dist/factlens.standalone.js',
      'factlens/dist/factlens.wasm2js.js',
    ]);
    const installed = join(project(), 'node_modules', 'factlens');
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.ok(existsSync(join(installed, pkg.exports['.'].types)));
    assert.match(readFileSync(join(installed, 'dist/factlens.d.ts'), 'utf8'), /export function scan\(options\?: ScanOptions\): Promise<ScanReport>;/);
  });

  it('runs `npx factlens check` from the installed package', async () => {
    const demo = demoPage();
    writeFileSync(join(project(), 'demo.html'), demo.html);
    writeFileSync(join(project(), 'demo.css'), demo.css);
    const version = await run('npx', ['--no-install', 'factlens', '--version'], { cwd: project() });
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const { stdout } = await run('npx', ['--no-install', 'factlens', 'check', '--json', 'demo.html'], {
      cwd: project(), env: { ...process.env, FACTLENS_BROWSER: CHROMIUM },
    });
    const report = JSON.parse(stdout);
    assert.equal(report.page, 'demo.html');
    assert.ok(report.quotes.length > 0 && report.repeats.length > 0);
  });
});
