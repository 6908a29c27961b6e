// Trunk post_build hook (Trunk.toml): puts the SHA-256 of every inline
// <script> of the built index.html into its Content-Security-Policy, in place
// of the 'inline-script-hashes' placeholder in index.html.
//
// Why: the app starts from a file of its own (scripts/build-wasm.sh), so the
// release page has no inline script and the placeholder becomes nothing. An
// inline script added to index.html is allowed by its hash only: a static
// site cannot send a per-request nonce, and 'unsafe-inline' would let
// injected markup run script.
//
// `trunk serve` also injects a live-reload script that it rewrites per request
// (the server's address), so no build-time hash can match it: in that build
// (and only there) the policy allows inline scripts instead, and says so.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const PLACEHOLDER = "'inline-script-hashes'";
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('csp-hashes: TRUNK_STAGING_DIR is not set (run me as a trunk post_build hook)');
  process.exit(1);
}
const file = join(staging, 'index.html');
const html = await readFile(file, 'utf8');

const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
if (!csp || !csp[1].includes(PLACEHOLDER)) {
  console.error(`csp-hashes: ${file} has no Content-Security-Policy meta with ${PLACEHOLDER}`);
  process.exit(1);
}

// Inline scripts: a <script> without src. The hash is over the exact text
// between the tags, as the browser reads it.
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
  ([, attributes]) => !/\bsrc\s*=/.test(attributes),
);
const liveReload = inline.some(([, , text]) => text.includes('__TRUNK_ADDRESS__'));

let sources;
if (liveReload) {
  sources = "'unsafe-inline'";
  console.warn("csp-hashes: trunk serve's live-reload script found: this dev build allows inline scripts");
} else {
  sources = inline
    .map(([, , text]) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`)
    .join(' ');
}

const policy = csp[1].replace(PLACEHOLDER, sources).replace(/\s+;/g, ';').replace(/ {2,}/g, ' ');
await writeFile(file, html.replace(csp[0], `<meta http-equiv="Content-Security-Policy" content="${policy}"`));
console.log(`csp-hashes: ${inline.length} inline script(s): script-src … ${sources}`);
