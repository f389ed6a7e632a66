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

import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** The file for a URL path under one of the mounts, or null when outside them. */
function locate(mounts, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  // Longest mount prefix first, so /dist/ wins over /.
  const prefix = Object.keys(mounts)
    .filter((p) => decoded === p.replace(/\/$/, '') || decoded.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return null;
  const base = resolve(mounts[prefix]);
  const file = resolve(base, '.' + sep + decoded.slice(prefix.length));
  return file === base || file.startsWith(base + sep) ? file : null;
}

/**
 * Starts the server.
 * `headers(path, file)` may return extra response headers for a file (the browser bench sends
 * the saved pages a Content-Security-Policy that keeps their own scripts from running).
 * @param {{ port?: number, host?: string, mounts?: Record<string, string>, quiet?: boolean,
 *   headers?: (path: string, file: string) => Record<string, string> | undefined }} [opts]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startServer({ port = 8080, host = '127.0.0.1', mounts, quiet = true, headers } = {}) {
  mounts ??= { '/': join(ROOT, 'www'), '/dist/': join(ROOT, 'dist') };
  const server = createServer(async (req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : text + '\n');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const path = new URL(req.url, 'http://localhost').pathname;
    let file = locate(mounts, path);
    if (!file) return send(404, 'not found');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: path + '/' });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return send(404, 'not found');
      res.writeHead(200, {
        'content-type': MIME[extname(file).toLowerCase()] || 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        ...headers?.(path, file),
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch {
      send(404, 'not found');
    }
    if (!quiet) console.log(`${req.method} ${path}`);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const actual = server.address().port;
      ok({
        url: `http://${host}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
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
