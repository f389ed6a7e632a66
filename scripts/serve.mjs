#!/usr/bin/env node
// npm run serve: a small static server on 127.0.0.1 for the demo.
//
//   /        -> www/    (index.html is served for a directory)
//   /dist/   -> dist/   (the built widget, `npm run build`)
//
// Port: --port N, else $PORT, else 8080 (0 picks a free one). No dependencies; nothing is
// served from outside those two folders.
//
// Tests start it in-process: `const { url, close } = await startServer({ port: 0 })`;
// `mounts` replaces the default folders, e.g. { '/': '/some/dir', '/dist/': distDir }.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { serve } from '../bin/lib/server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Starts the server (bin/lib/server.mjs, the one the check command uses) on 127.0.0.1.
 * `headers(path)` may return extra response headers for a file (the browser bench sends the
 * saved pages a Content-Security-Policy that keeps their own scripts from running).
 * @param {{ port?: number, mounts?: Record<string, string>,
 *   headers?: (path: string) => Record<string, string> | undefined }} [opts]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startServer({ port = 8080, mounts, headers } = {}) {
  return serve({
    port,
    mounts: mounts ?? { '/': join(ROOT, 'www'), '/dist/': join(ROOT, 'dist') },
    headers: (path) => headers?.(path) ?? {},
  });
}

function parsePort(argv) {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i < 0 ? process.env.PORT : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  if (raw === undefined || raw === '') return 8080;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: bad port ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return port;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const port = parsePort(process.argv.slice(2));
  startServer({ port }).then(
    ({ url }) => {
      console.log(`factlens demo: ${url}  (Ctrl+C to stop)`);
      if (!existsSync(join(ROOT, 'dist', 'factlens.bundle.js'))) {
        console.log('note: dist/factlens.bundle.js is missing; run `npm run build` first');
      }
    },
    (e) => {
      console.error(`serve: cannot listen on 127.0.0.1:${port}: ${e.message}`);
      process.exit(1);
    },
  );
}
