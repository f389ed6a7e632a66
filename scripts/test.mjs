// Runs every check and test of factlens, one after another, and ends with one line
// "N passed, M failed". Exits non-zero when anything failed.
//
// Steps: cargo fmt --check; clippy (native and wasm32) with -D warnings; native cargo test;
// the in-browser Rust tests (wasm-bindgen-test) in headless Chromium and headless Firefox;
// the build; the size budget (scripts/check-size.mjs); end-to-end tests in headless Chromium and
// headless Firefox (node --test tests/e2e/).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cargoBin = join(homedir(), '.cargo', 'bin');
const env = { ...process.env, PATH: `${cargoBin}:${process.env.PATH}` };
const geckodriver = [join(cargoBin, 'geckodriver'), '/usr/bin/geckodriver', '/usr/local/bin/geckodriver'].find(existsSync);
const wasmEnv = {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: 'wasm-bindgen-test-runner',
  WASM_BINDGEN_TEST_TIMEOUT: '120',
};

if (!existsSync(join(root, '..', 'shared'))) {
  console.log('note: ../shared is not beside this checkout: tests that need its seed and pages are skipped.');
}

/** Runs a command, streaming its output, and resolves to { code, output }. */
function run(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (stream, sink) => stream.on('data', (d) => { output += d; sink.write(d); });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on('error', (e) => resolve({ code: 127, output: `${output}\n${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Counts from cargo's "test result:" lines, or node's TAP "# pass"/"# fail"/"# skipped" lines. */
function counts(output) {
  let passed = 0, failed = 0, skipped = 0, seen = false;
  for (const m of output.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/g)) {
    passed += +m[1]; failed += +m[2]; skipped += +m[3]; seen = true;
  }
  const tap = (name) => +(output.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  if (/^# pass \d+$/m.test(output)) {
    passed += tap('pass'); failed += tap('fail'); skipped += tap('skipped') + tap('todo'); seen = true;
  }
  return { passed, failed, skipped, seen };
}

const steps = [
  ['cargo fmt --check', 'check', 'cargo', ['fmt', '--check']],
  ['clippy (native)', 'check', 'cargo', ['clippy', '--all-targets', '--', '-D', 'warnings']],
  ['clippy (wasm32)', 'check', 'cargo', ['clippy', '--all-targets', '--target', 'wasm32-unknown-unknown', '--', '-D', 'warnings']],
  // A user's clone has no ../shared: the code that needs it must still build warning-free.
  ['clippy without ../shared (native and wasm32)', 'check', 'bash', ['-c',
    'cargo clippy --all-targets -- -D warnings && ' +
    'cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings'],
    { FACTLENS_SHARED: '/nonexistent', CARGO_TARGET_DIR: 'target/no-shared' }],
  ['native cargo test', 'tests', 'cargo', ['test', '--no-fail-fast']],
  ['wasm tests in Chromium', 'tests', 'cargo', ['test', '--target', 'wasm32-unknown-unknown', '--test', 'web'],
    { ...wasmEnv, CHROMEDRIVER: '/usr/bin/chromedriver' }],
  ['wasm tests in Firefox', 'tests', 'cargo', ['test', '--target', 'wasm32-unknown-unknown', '--test', 'web'],
    { ...wasmEnv, GECKODRIVER: geckodriver ?? 'geckodriver' }],
  ['build (npm run build)', 'check', 'node', ['scripts/build.mjs']],
  ['size budget (wasm <= 150 KB, JS shell <= 15 KB, gzipped)', 'check', 'node', ['scripts/check-size.mjs']],
  ['end-to-end tests in Chromium and Firefox', 'tests', 'node', ['--test', '--test-reporter=tap', '--test-concurrency=1', 'tests/e2e/']],
];

let passed = 0, failed = 0, skipped = 0;
const failures = [];
for (const [name, kind, cmd, args, extraEnv] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const { code, output } = await run(cmd, args, extraEnv);
  if (kind === 'check') {
    if (code === 0) passed += 1; else { failed += 1; failures.push(name); }
    continue;
  }
  const c = counts(output);
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
  // A runner that crashed, or failed without saying how many, counts as one failure.
  if (code !== 0 && (!c.seen || c.failed === 0)) { failed += 1; failures.push(`${name} (exit ${code})`); }
  else if (c.failed > 0) failures.push(name);
}

console.log('');
if (failures.length) console.log(`failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
