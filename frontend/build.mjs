// Bundles the Explore component with esbuild into blackjanuary/component/ (run by `make component`).
// Everything it loads is in that folder and served by the app's own server: nothing from a CDN.

import {build} from 'esbuild';
import {copyFileSync, mkdirSync, rmSync} from 'node:fs';

const out = 'blackjanuary/component';
rmSync(out, {recursive: true, force: true});
mkdirSync(out, {recursive: true});
await build({
  entryPoints: {explorer: 'frontend/src/streamlit.js'},
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  chunkNames: 'chunk-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync('frontend/src/explorer.css', `${out}/explorer.css`);
