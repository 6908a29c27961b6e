// A static server for dist/ that the cross-browser suite starts on
// 127.0.0.1. `?e2e=NAME[,NAME]` in a page's address puts
// tests/cross/inject/NAME.js first in <head>, before the app loads: the
// suite's way to change the page before it starts (storage denied, a
// browser without CompressionStream) in every engine, since classic
// WebDriver has no "run this before the page's scripts".
//
// `scripts/bench-load.mjs` serves a build with it too, with the `gzip`
// option, as a static host serves it; the suite's answers stay plain.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

const INJECT_DIR = resolve(import.meta.dirname, 'inject');
const NAME = /^[a-z0-9-]+$/;

/**
 * Serves `root` on 127.0.0.1:`port`; resolves to the server once listening.
 * `files` (path → text, or null for a 404) answers first: plan files a
 * test hosts beside the app. With `gzip`, what a browser accepts gzipped
 * is sent gzipped (level 9, as scripts/bundle-size.sh counts the bundle),
 * as a static host sends it, so a first load is measured at its real size.
 */
export function serve(root, port, files = new Map(), { gzip = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const zipped = gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const answer = (status, type, body) => {
      response.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        ...(zipped ? { 'content-encoding': 'gzip' } : {}),
      });
      response.end(zipped ? gzipSync(body, { level: 9 }) : body);
    };
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      const injected = (url.searchParams.get('e2e') ?? '').split(',').filter((name) => NAME.test(name));
      let path = decodeURIComponent(url.pathname);
      if (files.has(path)) {
        const text = files.get(path);
        answer(text === null ? 404 : 200, 'application/json', text ?? 'not found');
        return;
      }
      const fromInject = path.startsWith('/__e2e__/');
      const dir = fromInject ? INJECT_DIR : base;
      if (fromInject) path = path.slice('/__e2e__'.length);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(dir, path));
      if (!file.startsWith(dir)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      let body = await readFile(file);
      if (extname(file) === '.html' && injected.length > 0) {
        const tags = injected.map((name) => `<script src="/__e2e__/${name}.js"></script>`).join('');
        body = Buffer.from(body.toString('utf8').replace('<head>', `<head>${tags}`));
      }
      answer(200, TYPES[extname(file)] ?? 'application/octet-stream', body);
    } catch (error) {
      response.writeHead(error.code === 'ENOENT' || error.code === 'EISDIR' ? 404 : 500);
      response.end();
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

// `node tests/cross/server.mjs DIR PORT [--gzip]`: serve by hand, to look.
if (process.argv[1] === import.meta.filename) {
  const args = process.argv.slice(2);
  const gzip = args.includes('--gzip');
  const [root = 'dist', port = '4174'] = args.filter((arg) => arg !== '--gzip');
  await serve(root, Number(port), new Map(), { gzip });
  console.log(`serving ${root}${gzip ? ' gzipped' : ''} on http://127.0.0.1:${port}/`);
}
