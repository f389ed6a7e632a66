#!/usr/bin/env node
// factlens on the command line: `factlens check <file-or-url>...` loads pages in headless
// Chromium, runs the same widget a reader's browser runs, and prints what it found.
import { readFileSync } from 'node:fs';

const USAGE = `Usage: factlens check [options] <file-or-url>...

Loads each page (local files, folders of .html files, or http(s) URLs) in headless Chromium,
scans it with factlens and prints a summary per page.

Options:
  --json                one Report per line (JSON Lines), in the order given
  --format FORMAT       text (default), json (= --json), or w3c: one W3C Web Annotation
                        AnnotationPage per line
  --fail-on LIST        exit with status 1 when a page has any of: repeats, unattributed
                        (comma-separated), e.g. --fail-on repeats,unattributed
  --jobs N              pages checked at once (default: the number of CPUs, at most 4)
  --browser PATH        the Chromium to run (default: $FACTLENS_BROWSER or /usr/bin/chromium)
  --allow-network       let pages load from other sites too; by default a local file may load
                        nothing but its own folder, and a URL nothing but its own origin
  --root SELECTOR       scan the element matching SELECTOR (default: the page's main content)
  --timeout SECONDS     per page (default 60)
  --progress            show a progress bar on stderr (default: when stderr is a terminal and
  --no-progress         there is more than one page)
  -h, --help            this text
  --version             factlens's version

Exit status: 0 all pages checked and none failed --fail-on; 1 a page failed --fail-on;
2 bad usage or no browser; 3 a page could not be checked (it wins over 1).`;

const args = process.argv.slice(2);
const command = args[0];
if (command === 'check') {
  const { check } = await import('./lib/check.mjs');
  process.exitCode = await check(args.slice(1), { usage: USAGE });
} else if (command === '--version' || command === '-v') {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  console.log(pkg.version);
} else if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
  console.log(USAGE);
} else {
  console.error(`factlens: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
  process.exitCode = 2;
}
