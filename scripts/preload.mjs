// Trunk post_build hook (Trunk.toml): links in index.html's head that start
// the download of the main module's JS and wasm with the page, instead of
// after the loader that imports them (scripts/build-wasm.sh writes them to
// app/<hash>/). The parts loaded on demand are not preloaded. Also drops
// the Rust link trunk leaves in the page when its own build is skipped.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('preload: TRUNK_STAGING_DIR is not set (run me as a trunk post_build hook)');
  process.exit(1);
}
const builds = await readdir(join(staging, 'app'));
if (builds.length !== 1) {
  console.error(`preload: expected one build in ${join(staging, 'app')}, found ${builds.length}`);
  process.exit(1);
}
const base = `./app/${builds[0]}`;
const file = join(staging, 'index.html');
const html = await readFile(file, 'utf8');
const links =
  `<link rel="modulepreload" href="${base}/opsboard.js">` +
  `<link rel="preload" href="${base}/opsboard_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`;
if (!html.includes('</head>')) {
  console.error(`preload: ${file} has no </head>`);
  process.exit(1);
}
// trunk keeps the skipped Rust link (index.html's data-trunk-skip) in the page.
const page = html.replace(/\s*<link data-trunk rel="rust"[^>]*>/, '').replace('</head>', `${links}</head>`);
await writeFile(file, page);
