#!/usr/bin/env node
// npm run eval:people — scores factlens and compromise on the hand-labelled people of
// tests/golden/people/*.json (labels only; the article texts are read from ../shared/pages).
//
// For each label file: the article text is taken from the page's `.truth.json` (its
// `articleBody`, one paragraph a line) or `.expected.html` (Readability's extraction, one block
// per block-level element), written to target/people-eval/<page>.txt, given to the native CLI
// (`target/release/factlens analyze FILE`) and to compromise's `nlp(text).people()`, and both
// are scored against the labels:
//
//   officials P/R     (name, title) pairs. A predicted official gives one pair per title; the pair
//                     is right when its name names a labelled official and the title matches one
//                     of that official's titles (one contains the other, case-insensitively, after
//                     expanding Gov./Sen./Lt./Col./…). Recall: labelled officials with at least one
//                     right pair under their full name. Labels marked `uncertain` are left out of
//                     both sides.
//   off. names R      labelled officials whose name is found among the predicted entries at all,
//                     title or not (compromise has no titles; this is what it can do).
//   people P/R        predicted entries (officials and people) whose name names a labelled person /
//                     labelled people found under their full name.
//   merges            false merges: predicted entries whose mentions belong to two labelled people.
//   splits            labelled people who own (by most of its mentions) two or more entries.
//   mention R         labelled mentions found among the mentions of the person's own entries.
//
// Names: a name names a labelled person when it holds the person's surname and (if the label has
// given names) one of them or its initial, after folding case, diacritics, soft hyphens,
// apostrophes and possessives ("full name"); for precision, a name that is exactly one of the
// ways the article names the person (a labelled mention, titles dropped: "Trump" for "Mr. Trump")
// also counts. compromise's entries are its `.people()` matches grouped by their text.
//
// Usage: node scripts/people-eval.mjs [--verbose] [--check] [--dump PAGE] [--factlens PATH]
//   --verbose  lists every wrong pair, missed official, merge and split
//   --check    checks the labels against the texts (every mention in order; surname counts)
//   --dump     prints a page's text as scored, one numbered block a line
// Exits 0 unless something crashes (low scores are not an error). Skips when ../shared is absent.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.FACTLENS_SHARED ? resolve(process.env.FACTLENS_SHARED) : join(ROOT, '..', 'shared');
const PAGES = join(SHARED, 'pages');
const LABELS = join(ROOT, 'tests', 'golden', 'people');
const OUT = join(ROOT, 'target', 'people-eval');

// ---------------------------------------------------------------------------------------------
// Article text: the same extraction as tests/people.rs.

/** Elements that end a block (their start and end tags both break the text). */
export const BLOCK_TAGS = new Set(
  ('address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary ' +
    'table tbody td tfoot th thead tr ul').split(' '),
);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template']);
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad' };

function decodeEntities(s) {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, e) => {
    if (e[0] !== '#') return ENTITIES[e] ?? all;
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
  });
}

/** Whitespace runs become one space; the ends are trimmed. */
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** The blocks of an HTML fragment: text between block-level tags, tags stripped, entities decoded. */
export function htmlBlocks(html) {
  const blocks = [];
  let cur = '';
  const flush = () => {
    const t = squash(decodeEntities(cur));
    if (t) blocks.push(t);
    cur = '';
  };
  const tag = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
  let at = 0;
  let m;
  while ((m = tag.exec(html))) {
    cur += html.slice(at, m.index);
    at = tag.lastIndex;
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (!m[1] && SKIP_TAGS.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, at);
      at = end < 0 ? html.length : end;
      tag.lastIndex = at;
    } else if (BLOCK_TAGS.has(name)) {
      flush();
    }
  }
  cur += html.slice(at);
  flush();
  return blocks;
}

/** The blocks of a benchmark `articleBody`: its lines. */
export function bodyBlocks(body) {
  return body.split(/\r\n|\r|\n/).map(squash).filter(Boolean);
}

export function pageBlocks(file) {
  const raw = readFileSync(file, 'utf8');
  if (file.endsWith('.truth.json')) return bodyBlocks(JSON.parse(raw).articleBody ?? '');
  return htmlBlocks(raw);
}

// ---------------------------------------------------------------------------------------------
// Normalising names, mentions and titles: the same rules as tests/people.rs.

/** Case, diacritics, soft hyphens, apostrophe and dash variants folded. */
function fold(s) {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u00ad/g, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase();
}

/** Folded, possessives dropped, other punctuation (periods too) made a space. */
export function norm(s) {
  return squash(
    fold(s)
      .replace(/'s(?![\p{L}\p{N}])/gu, '')
      .replace(/s'(?![\p{L}\p{N}])/gu, 's')
      .replace(/[^\p{L}\p{N}'\- ]+/gu, ' ')
      .replace(/(^|\s)['-]+|['-]+(?=\s|$)/g, '$1'),
  );
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Words of titles and honorifics: a name's tokens up to the last of them are its title. */
const TITLE_WORDS = new Set(
  ('mr mrs ms miss mx dr prof sir dame lord lady rev president vice prime minister premier ' +
    'chancellor secretary sen senator rep representative congressman congresswoman gov governor lt ' +
    'lieutenant col colonel gen general adm admiral maj major capt captain sgt sergeant cmdr ' +
    'commander ambassador envoy judge justice mayor king queen prince princess pope speaker chief ' +
    'deputy acting former spokesman spokeswoman spokesperson attorney superintendent administrator ' +
    'chairman chairwoman chair ceo director leader official adviser advisor counselor officer ' +
    'resident founder').split(' '),
);

const tokens = (s) => (s ? s.split(' ') : []);

/** A normalised name or mention without its title: "kentucky gop gov matt bevin" -> "matt bevin". */
export function stripTitle(n) {
  const t = tokens(n);
  while (t.length > 1 && SUFFIXES.has(t[t.length - 1])) t.pop();
  let cut = 0;
  for (let i = 0; i < t.length - 1; i++) if (TITLE_WORDS.has(t[i])) cut = i + 1;
  return t.slice(cut).join(' ');
}

const ABBREVIATIONS = {
  gov: 'governor', sen: 'senator', rep: 'representative', lt: 'lieutenant', col: 'colonel',
  gen: 'general', adm: 'admiral', maj: 'major', capt: 'captain', sgt: 'sergeant', cmdr: 'commander',
  amb: 'ambassador', pres: 'president', supt: 'superintendent', atty: 'attorney', sec: 'secretary',
};
const ARTICLES = new Set(['the', 'a', 'an']);

export function normTitle(s) {
  const t = tokens(norm(s)).map((w) => ABBREVIATIONS[w] ?? w);
  while (t.length && ARTICLES.has(t[0])) t.shift();
  return t.join(' ');
}

/** One title contains the other, word for word. */
export function titleMatches(a, b) {
  const x = normTitle(a);
  const y = normTitle(b);
  if (!x || !y) return false;
  return ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
}

const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'his', 'hers', 'i', 'we', 'you', 'it', 'them']);

/** A labelled person, prepared for matching. */
function prepare(p) {
  const nameTokens = tokens(norm(p.name)).filter((w) => !SUFFIXES.has(w));
  const surname = p.surname ? norm(p.surname) : nameTokens[nameTokens.length - 1];
  const given = [...nameTokens];
  given.splice(given.indexOf(surname), 1);
  const forms = new Set();
  for (const m of [p.name, ...p.mentions]) {
    forms.add(norm(m));
    forms.add(stripTitle(norm(m)));
  }
  return { ...p, surname, given, forms, scored: p.official && !p.uncertain };
}

const initialOf = (a, b) => a.length === 1 && b.startsWith(a);

/** Whether a predicted name gives this person's full name (surname and a given name if any). */
export function namesFully(name, p) {
  const t = tokens(stripTitle(norm(name)));
  const i = t.indexOf(p.surname);
  if (i < 0) return false;
  if (!p.given.length) return true;
  const rest = t.filter((_, j) => j !== i);
  return rest.some((w) => p.given.some((g) => g === w || initialOf(w, g) || initialOf(g, w)));
}

/** Whether a predicted name names this person at all: fully, or as the article does somewhere. */
export function names(name, p) {
  const n = norm(name);
  return namesFully(name, p) || p.forms.has(n) || p.forms.has(stripTitle(n));
}

/** Which labelled person a predicted mention is about: an index, or -1 (none) / -2 (ambiguous). */
export function mapMention(text, people) {
  const n = norm(text);
  if (!n || PRONOUNS.has(n)) return -1;
  const which = (test) => people.map((p, i) => (test(p) ? i : -1)).filter((i) => i >= 0);
  // As written: one of the person's labelled mentions.
  const exact = which((p) => p.forms.has(n));
  if (exact.length) return exact.length === 1 ? exact[0] : -2;
  // Part of one labelled mention of one person ("Minister Lee" of "Interior Minister Lee Sang-min").
  if (n.includes(' ')) {
    const inside = which((p) => p.mentions.some((m) => ` ${norm(m)} `.includes(` ${n} `)));
    if (inside.length === 1) return inside[0];
  }
  // Without its title: "Ambassador Sondland" -> "sondland".
  const s = stripTitle(n);
  const bare = which((p) => p.forms.has(s));
  if (bare.length) return bare.length === 1 ? bare[0] : -2;
  const t = tokens(s);
  const bySurname = people.map((p, i) => (t.includes(p.surname) ? i : -1)).filter((i) => i >= 0);
  if (bySurname.length === 1) return bySurname[0];
  if (bySurname.length === 0) return -1;
  const full = bySurname.filter((i) => namesFully(s, people[i]));
  return full.length === 1 ? full[0] : -2;
}

// ---------------------------------------------------------------------------------------------
// Scoring one page for one system. `entries`: [{name, titles, official, mentions: [text]}].

export function score(labels, entries) {
  const people = labels.people.map(prepare);
  const r = {
    pairsRight: 0, pairs: 0, offFound: 0, offGold: 0, offNamed: 0,
    entriesRight: 0, entries: entries.length, peopleFound: 0, peopleGold: people.length,
    merges: 0, splits: 0, mentionsFound: 0, mentionsGold: 0, errors: [],
  };

  // (a) officials: pairs.
  for (const e of entries.filter((x) => x.official)) {
    for (const title of e.titles) {
      const who = people.filter((p) => names(e.name, p));
      const right = who.some((p) => p.scored && p.titles.some((t) => titleMatches(title, t)));
      if (!right && who.some((p) => p.uncertain)) continue; // not scored
      r.pairs += 1;
      if (right) r.pairsRight += 1;
      else r.errors.push(`wrong pair: ${e.name} / ${title}${who.length ? '' : ' (no such person)'}`);
    }
  }
  for (const p of people.filter((x) => x.scored)) {
    r.offGold += 1;
    const found = entries.some(
      (e) => e.official && namesFully(e.name, p) && e.titles.some((t) => p.titles.some((u) => titleMatches(t, u))),
    );
    if (found) r.offFound += 1;
    else r.errors.push(`missed official: ${p.name} (${p.titles.join('; ')})`);
    if (entries.some((e) => namesFully(e.name, p))) r.offNamed += 1;
  }

  // (b) people.
  for (const e of entries) {
    if (people.some((p) => names(e.name, p))) r.entriesRight += 1;
    else r.errors.push(`not a labelled person: ${e.name}`);
  }
  for (const p of people) {
    if (entries.some((e) => namesFully(e.name, p))) r.peopleFound += 1;
    else r.errors.push(`missed person: ${p.name}`);
  }

  // (c) alias clusters: each entry belongs to the person most of its mentions are about.
  const owners = entries.map((e) => {
    const mapped = e.mentions.map((m) => mapMention(m, people));
    const counts = new Map();
    for (const i of mapped) if (i >= 0) counts.set(i, (counts.get(i) ?? 0) + 1);
    if (counts.size > 1) {
      r.merges += 1;
      const who = [...counts.keys()].map((i) => people[i].name).join(' + ');
      r.errors.push(`false merge: ${e.name} holds ${who}`);
    }
    let owner = -1;
    for (const [i, c] of counts) if (owner < 0 || c > counts.get(owner)) owner = i;
    if (owner < 0) owner = people.findIndex((p) => names(e.name, p));
    return { owner, mapped };
  });
  people.forEach((p, i) => {
    const mine = entries.filter((_, j) => owners[j].owner === i);
    if (mine.length > 1) {
      r.splits += 1;
      r.errors.push(`split: ${p.name} over ${mine.map((e) => JSON.stringify(e.name)).join(', ')}`);
    }
    // (d) mention recall: a multiset match, exact forms first, then one inside the other.
    const found = [];
    entries.forEach((e, j) => {
      if (owners[j].owner !== i) return;
      e.mentions.forEach((m, k) => owners[j].mapped[k] === i && found.push(norm(m)));
    });
    const gold = p.mentions.map(norm);
    r.mentionsGold += gold.length;
    const used = new Array(found.length).fill(false);
    const left = [];
    for (const g of gold) {
      const k = found.findIndex((f, x) => !used[x] && (f === g || stripTitle(f) === stripTitle(g)));
      if (k >= 0) used[k] = true;
      else left.push(g);
    }
    for (const g of left) {
      const k = found.findIndex((f, x) => !used[x] && (` ${f} `.includes(` ${g} `) || ` ${g} `.includes(` ${f} `)));
      if (k >= 0) used[k] = true;
    }
    const hit = used.filter(Boolean).length;
    r.mentionsFound += hit;
    if (hit < gold.length) r.errors.push(`mentions: ${p.name} ${hit}/${gold.length}`);
  });
  return r;
}

// ---------------------------------------------------------------------------------------------
// The two systems.

function factlensEntries(binary, file) {
  const run = spawnSync(binary, ['analyze', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`factlens analyze ${file} exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  const entries = (report.officials ?? []).map((o) => ({
    name: o.name,
    titles: o.titles ?? [],
    official: true,
    mentions: (o.mentions ?? []).map((m) => m.text),
  }));
  const officialNames = new Set(entries.map((e) => norm(e.name)));
  for (const p of report.people ?? []) {
    if (officialNames.has(norm(p.name))) continue; // the same person listed twice
    entries.push({ name: p.name, titles: [], official: false, mentions: (p.mentions ?? []).map((m) => m.text) });
  }
  return { entries, hasPeople: Array.isArray(report.people) };
}

function compromiseEntries(nlp, text) {
  const groups = new Map();
  for (const m of nlp(text).people().json()) {
    const t = m.text
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
      .replace(/['’]s$/u, '');
    if (!t) continue;
    const key = norm(t);
    if (!groups.has(key)) groups.set(key, { name: t, titles: [], official: false, mentions: [] });
    groups.get(key).mentions.push(t);
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------
// Checking the labels against the text.

function checkLabels(labels, text) {
  const problems = [];
  const plain = text.replace(/\u00ad/g, '');
  for (const p of labels.people) {
    let at = 0;
    for (const m of p.mentions) {
      const i = text.indexOf(m, at);
      if (i < 0) {
        problems.push(`${p.name}: mention ${JSON.stringify(m)} not found after offset ${at}`);
        continue;
      }
      at = i + 1;
    }
    const surname = p.surname ?? p.name.split(' ').filter((w) => !/^(Jr|Sr|II|III|IV)\.?$/.test(w)).pop();
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    const inText = (plain.match(re) ?? []).length;
    const inLabels = p.mentions.reduce((n, m) => n + (m.replace(/\u00ad/g, '').match(re) ?? []).length, 0);
    if (inText !== inLabels) problems.push(`${p.name}: '${surname}' occurs ${inText}× in the text, in ${inLabels} labelled mentions (check the others are not mentions)`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

const pct = (a, b) => (b ? `${(a / b).toFixed(2)} (${a}/${b})` : 'n/a (0/0)');

function row(page, system, r) {
  return `| ${page} | ${system} | ${pct(r.pairsRight, r.pairs)} | ${pct(r.offFound, r.offGold)} | ${pct(r.offNamed, r.offGold)} | ${pct(r.entriesRight, r.entries)} | ${pct(r.peopleFound, r.peopleGold)} | ${r.merges} | ${r.splits} | ${pct(r.mentionsFound, r.mentionsGold)} |`;
}

function add(total, r) {
  for (const [k, v] of Object.entries(r)) if (typeof v === 'number') total[k] = (total[k] ?? 0) + v;
  return total;
}

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const check = args.includes('--check');
  const dump = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : null;
  const binary = args.includes('--factlens')
    ? resolve(args[args.indexOf('--factlens') + 1])
    : join(ROOT, 'target', 'release', 'factlens');

  if (!existsSync(PAGES)) {
    console.log(`eval:people: ${PAGES} is absent (../shared is not beside this checkout): nothing to score`);
    return;
  }
  const files = readdirSync(LABELS).filter((f) => f.endsWith('.json')).sort();
  mkdirSync(OUT, { recursive: true });

  let nlp = null;
  try {
    nlp = (await import('compromise')).default;
  } catch {
    console.log('eval:people: compromise is not installed (npm install): scoring factlens alone');
  }
  if (!dump && !check && !existsSync(binary)) {
    throw new Error(`${binary} is missing: run cargo build --release --bin factlens`);
  }

  const totals = { factlens: {}, compromise: {} };
  const rows = [];
  let labelProblems = 0;
  let peopleField = true;
  for (const f of files) {
    const labels = JSON.parse(readFileSync(join(LABELS, f), 'utf8'));
    const source = join(PAGES, labels.text_from);
    if (!existsSync(source)) throw new Error(`${f}: ${source} is missing`);
    const blocks = pageBlocks(source);
    const text = `${blocks.join('\n')}\n`;
    if (dump) {
      if (labels.page === dump || f === dump) blocks.forEach((b, i) => console.log(`[${i}] ${b}`));
      continue;
    }
    if (check) {
      const problems = checkLabels(labels, text);
      labelProblems += problems.length;
      console.log(`${labels.page}: ${problems.length ? problems.map((p) => `\n  ${p}`).join('') : 'ok'}`);
      continue;
    }
    const file = join(OUT, `${labels.page}.txt`);
    writeFileSync(file, text);

    const systems = [['factlens', null]];
    const fl = factlensEntries(binary, file);
    peopleField &&= fl.hasPeople;
    systems[0][1] = fl.entries;
    if (nlp) systems.push(['compromise', compromiseEntries(nlp, text)]);
    for (const [system, entries] of systems) {
      const r = score(labels, entries);
      add(totals[system], r);
      rows.push(row(labels.page, system, r));
      if (verbose) for (const e of r.errors) rows.push(`|   | ${system} | ${e.replace(/\|/g, '/')} |`);
    }
  }
  if (dump || check) {
    if (check) console.log(labelProblems ? `${labelProblems} things to look at` : 'labels: ok');
    return;
  }

  const gold = files.map((f) => JSON.parse(readFileSync(join(LABELS, f), 'utf8')).people).flat();
  const officials = gold.filter((p) => p.official && !p.uncertain).length;
  const uncertain = gold.filter((p) => p.uncertain).length;
  const mentions = gold.reduce((n, p) => n + p.mentions.length, 0);
  console.log(`eval:people: ${files.length} pages, ${gold.length} people labelled (${officials} officials scored, ${uncertain} uncertain, not scored for name+title), ${mentions} mentions`);
  if (!peopleField) console.log('eval:people: the factlens Report has no `people` yet: its entries are its officials only');
  console.log('');
  console.log('| page | system | officials P | officials R | off. names R | people P | people R | false merges | splits | mention R |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  for (const [system, t] of Object.entries(totals)) if (Object.keys(t).length) console.log(row('**total**', system, t));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`eval:people: ${err.stack ?? err}`);
    process.exit(1);
  });
}
