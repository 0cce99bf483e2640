// Bundles the Explore component with esbuild into blackjanuary/component/ (run by `make component`).
// Everything it loads is in that folder and served by the app's own server: nothing from a CDN.
//
// Two bundles of the same component: explorer.js for the app (ES modules, the street tiles split off
// and loaded only when asked for), and offline.js for the offline explorer file, one script with no
// imports so that blackjanuary/offline_explorer.py can inline it, its licence notices kept at its end.
// Each is built twice: as it ships, and as `<name>-hooks.js` with TEST_HOOKS on, which exposes the
// component's state to the tests and the benchmark (BLACKJANUARY_TEST_HOOKS=1 makes the app and the
// export use those); the shipping bundles have none of that code.

import {build} from 'esbuild';
import {copyFileSync, mkdirSync, rmSync} from 'node:fs';

const out = 'blackjanuary/component';
const common = {outdir: out, bundle: true, minify: true, target: 'es2022', logLevel: 'warning'};
rmSync(out, {recursive: true, force: true});
mkdirSync(out, {recursive: true});
for (const hooks of [false, true]) {
  const suffix = hooks ? '-hooks' : '';
  const define = {TEST_HOOKS: String(hooks)};
  await build({
    ...common,
    define,
    entryPoints: {[`explorer${suffix}`]: 'frontend/src/streamlit.js'},
    splitting: true,
    format: 'esm',
    chunkNames: 'chunk-[hash]',
    legalComments: 'linked',
  });
  await build({
    ...common,
    define,
    entryPoints: {[`offline${suffix}`]: 'frontend/src/offline.js'},
    format: 'iife',
    legalComments: 'eof',
  });
}
copyFileSync('frontend/src/explorer.css', `${out}/explorer.css`);
copyFileSync('frontend/src/offline.css', `${out}/offline.css`);
