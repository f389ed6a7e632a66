#!/usr/bin/env node
// npm run bench:peers — factlens's WebAssembly core beside compromise and wink-nlp, in one Node
// process, on the same news texts, alternating, and prints the median times and the ratios.
//
//   factlens    analyzeBlocks(blocks) of build/wasm (wasm-bindgen's glue, initSync with the
//               wasm-opt'd bytes dist/ inlines): repeats, quotes and speakers, officials, people
//   compromise  nlp(text), .people() and .quotations(), each read out as an array
//   wink-nlp    readDoc(text) with wink-eng-lite-web-model, .entities() read out
//
// Texts (the rules of benches/common/mod.rs, so native and wasm figures are on the same bytes):
// `articles`, the article of each saved page of ../shared/pages that has one (`.truth.json`
// articleBody, else Readability's `.expected.html`), and `quotes-dev`, the 84 documents of
// ../shared/eval/quotes-dev.jsonl; a block per line or block-level element. factlens gets the
// blocks, the others the blocks joined by newlines; MB/s counts the blocks' UTF-8 bytes.
//
// Each round runs every system once over every document of a set, in an order that rotates
// from round to round (factlens repeats its pass until it has run 200 ms, and counts the mean);
// the figure is the median over rounds. Also: factlens on the first tenth of all blocks as one
// page against all of them (time should grow no faster than the text).
//
// Usage: node scripts/bench-peers.mjs [--rounds N] [--sets articles,quotes-dev] [--json FILE]
//   (default 5 rounds; JSON to target/bench/peers.json). Needs `npm run build` (the npm script
//   runs it). Skips with a note when ../shared is absent.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bodyBlocks, pageBlocks } from './people-eval.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.FACTLENS_SHARED ? resolve(process.env.FACTLENS_SHARED) : join(ROOT, '..', 'shared');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const ROUNDS = Math.max(1, Number(opt('--rounds', 5)) | 0);
const SETS = opt('--sets', 'articles,quotes-dev').split(',');
const JSON_OUT = resolve(opt('--json', join(ROOT, 'target', 'bench', 'peers.json')));

if (!existsSync(join(SHARED, 'pages', 'README.md'))) {
  console.log('bench:peers: ../shared is not beside this checkout: nothing to measure');
  process.exit(0);
}

// ---- the texts ------------------------------------------------------------------------------

function articles() {
  const dir = join(SHARED, 'pages');
  const names = readdirSync(dir).sort();
  const docs = [];
  for (const name of names) {
    const stem = name.endsWith('.truth.json') ? name.slice(0, -11)
      : name.endsWith('.expected.html') ? name.slice(0, -14) : null;
    if (stem) docs.push({ name: stem, blocks: pageBlocks(join(dir, name)) });
  }
  return docs;
}

function quotesDev() {
  const file = join(SHARED, 'eval', 'quotes-dev.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
    const d = JSON.parse(line);
    return { name: d.doc, blocks: bodyBlocks(d.text ?? '') };
  });
}

const sets = { articles, 'quotes-dev': quotesDev };
const corpus = SETS.filter((s) => sets[s]).map((s) => {
  const docs = sets[s]().map((d) => ({ ...d, text: d.blocks.join('\n') }));
  const bytes = docs.reduce((n, d) => n + d.blocks.reduce((m, b) => m + Buffer.byteLength(b), 0), 0);
  return { name: s, docs, bytes };
});

// ---- the systems ----------------------------------------------------------------------------

async function loadFactlens() {
  const glue = join(ROOT, 'build', 'wasm', 'factlens.js');
  const bytes = join(ROOT, 'build', 'wasm', 'factlens_bg.opt.wasm');
  if (!existsSync(glue) || !existsSync(bytes)) {
    console.error('bench:peers: build/wasm is missing: run `npm run build` first');
    process.exit(2);
  }
  const m = await import(pathToFileURL(glue).href);
  m.initSync({ module: readFileSync(bytes) });
  return m.analyzeBlocks;
}

const analyzeBlocks = await loadFactlens();
const nlpCompromise = (await import('compromise')).default;
const winkNLP = (await import('wink-nlp')).default;
const winkModel = (await import('wink-eng-lite-web-model')).default;
const wink = winkNLP(winkModel);
const its = wink.its;

const systems = {
  factlens: (doc) => analyzeBlocks(doc.blocks).quotes.length,
  compromise: (doc) => {
    const d = nlpCompromise(doc.text);
    return d.people().out('array').length + d.quotations().out('array').length;
  },
  'wink-nlp': (doc) => wink.readDoc(doc.text).entities().out(its.detail).length,
};

// ---- timing ---------------------------------------------------------------------------------

const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let sink = 0;

/** Milliseconds one pass of `run` over `docs` takes; repeated for at least `atLeast` ms. */
function pass(run, docs, atLeast) {
  let n = 0;
  const t0 = now();
  let t;
  do {
    for (const d of docs) sink += run(d);
    n++;
    t = now() - t0;
  } while (t < atLeast);
  return t / n;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadBefore = load();
console.log(`bench:peers: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadBefore}, ${ROUNDS} rounds`);
for (const set of corpus) {
  console.log(`  ${set.name}: ${set.docs.length} documents, ${(set.bytes / 1e3).toFixed(1)} KB`);
}

// Warm-up: every system once over every set (JIT, lazy tables, the wink model).
for (const set of corpus) for (const run of Object.values(systems)) pass(run, set.docs, 0);

const names = Object.keys(systems);
const samples = {}; // set -> system -> [ms]
for (let r = 0; r < ROUNDS; r++) {
  for (const set of corpus) {
    samples[set.name] ??= {};
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      const ms = pass(systems[name], set.docs, name === 'factlens' ? 200 : 0);
      (samples[set.name][name] ??= []).push(ms);
    }
  }
  process.stderr.write(`  round ${r + 1}/${ROUNDS} done\n`);
}

// Scaling: factlens on the first tenth of all blocks (by bytes) as one page, and on all.
const allBlocks = corpus.flatMap((s) => s.docs.flatMap((d) => d.blocks));
const allBytes = allBlocks.reduce((n, b) => n + Buffer.byteLength(b), 0);
let tenth = 0;
for (let acc = 0; tenth < allBlocks.length && acc < allBytes / 10; tenth++) acc += Buffer.byteLength(allBlocks[tenth]);
const small = { blocks: allBlocks.slice(0, tenth) };
const large = { blocks: allBlocks };
const smallBytes = small.blocks.reduce((n, b) => n + Buffer.byteLength(b), 0);
const scale = { small: [], large: [] };
for (let r = 0; r < Math.max(ROUNDS, 5); r++) {
  scale.small.push(pass(systems.factlens, [small], 200));
  scale.large.push(pass(systems.factlens, [large], 0));
}

// ---- the table ------------------------------------------------------------------------------

const rows = [];
console.log('');
console.log('| text | system | median ms | MB/s | time / factlens |');
console.log('|---|---|---|---|---|');
for (const set of corpus) {
  const base = median(samples[set.name].factlens);
  for (const name of names) {
    const ms = median(samples[set.name][name]);
    const mbs = set.bytes / 1e6 / (ms / 1e3);
    rows.push({ set: set.name, bytes: set.bytes, system: name, ms, mbs, ratio: ms / base, samples: samples[set.name][name] });
    const fmt = ms < 10 ? ms.toFixed(2) : ms < 1000 ? ms.toFixed(1) : ms.toFixed(0);
    console.log(`| ${set.name} (${(set.bytes / 1e3).toFixed(0)} KB) | ${name} | ${fmt} | ${mbs < 1 ? mbs.toFixed(3) : mbs.toFixed(1)} | ${name === 'factlens' ? '1' : `${(ms / base).toFixed(ms / base < 10 ? 1 : 0)}×`} |`);
  }
}
const sMs = median(scale.small);
const lMs = median(scale.large);
console.log('');
console.log(`factlens scaling (one page): ${(smallBytes / 1e3).toFixed(0)} KB ${sMs.toFixed(2)} ms, ` +
  `${(allBytes / 1e3).toFixed(0)} KB ${lMs.toFixed(1)} ms: ${(allBytes / smallBytes).toFixed(1)}× the text, ${(lMs / sMs).toFixed(1)}× the time`);
const loadAfter = load();
console.log(`load average after: ${loadAfter}`);

mkdirSync(dirname(JSON_OUT), { recursive: true });
writeFileSync(JSON_OUT, `${JSON.stringify({
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model,
  load_average: [loadBefore, loadAfter], rounds: ROUNDS, rows,
  scaling: { bytes: [smallBytes, allBytes], ms: [sMs, lMs] }, sink,
}, null, 2)}\n`);
console.log(`bench:peers: wrote ${JSON_OUT}`);
