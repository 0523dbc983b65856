// Bundles the extension: the VS Code client and the language server (for Node and for the web),
// and the command line, each one file with its dependencies inside, so the .vsix ships no node_modules.
//   node esbuild.mjs [--production] [--watch] [--bench]
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const bench = process.argv.includes('--bench');
const shebang = { js: '#!/usr/bin/env node' };

// The version the command line prints and writes into SARIF: the package's, as built.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  define: { IMR_VERSION: JSON.stringify(version) },
};

/**
 * pdfjs-dist, when it starts in Node, requires @napi-rs/canvas (native code) to draw pages; only
 * the text is read here, so that block is cut out of the bundle. The build fails if it changes shape.
 */
const withoutCanvas = {
  name: 'pdfjs-without-canvas',
  setup(build) {
    build.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const block = 'if (isNodeJS) {\n  let canvas;';
      if (source.split(block).length !== 2)
        throw new Error(`${args.path}: the canvas block to leave out was not found once`);
      return { contents: source.replace(block, 'if (false) {\n  let canvas;'), loader: 'js' };
    });
  },
};

/** The PDF reader: its own file, required by the Node server and the command line only when a PDF is read. */
export const pdfReaderBuild = {
  entryPoints: ['server/src/pdf-reader/pdfjs.ts'],
  outfile: 'dist/pdf-reader.js',
  plugins: [withoutCanvas],
  // pdfjs can fetch a document from a URL; it is only ever given bytes, and these make sure.
  define: { fetch: 'undefined', XMLHttpRequest: 'undefined', 'globalThis.fetch': 'undefined' },
};

export const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', banner: shebang },
  // tinyglobby's fdir is bundled from its ES module, which asks import.meta.url for a require().
  {
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: `${shebang.js}\nconst importMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
    define: { ...common.define, 'import.meta.url': 'importMetaUrl' },
  },
  // VS Code for the web: the client in the web extension host, the server in a web worker.
  {
    entryPoints: ['client/src/browser.ts'],
    outfile: 'dist/browser/client.js',
    platform: 'browser',
    external: ['vscode'],
  },
  {
    entryPoints: ['server/src/browser/main.ts'],
    outfile: 'dist/browser/server.js',
    platform: 'browser',
    format: 'iife',
  },
  pdfReaderBuild,
  // The same reader for the web worker, loaded there with importScripts.
  {
    ...pdfReaderBuild,
    entryPoints: ['server/src/pdf-reader/browser.ts'],
    outfile: 'dist/browser/pdf-reader.js',
    platform: 'browser',
    format: 'iife',
  },
];

// npm run bench times the analysis as it ships: bundled as the server and the command line are
// (run through tsx, every call to another module goes through a getter, about a fifth slower).
export const benchBuild = { entryPoints: ['bench/run.ts'], outfile: 'dist/bench/run.js' };

// Run as a script it builds; imported (by the privacy test) it only gives its configuration.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (watch) {
    for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
    console.log('watching for changes');
  } else {
    const results = await Promise.all(
      [...builds, ...(bench ? [benchBuild] : [])].map((b) => esbuild.build({ ...common, ...b, metafile: true })),
    );
    writeNotices(results.map((r) => r.metafile));
    // The server and the command line are the package's bin entries.
    for (const bin of ['dist/server.js', 'dist/cli.js']) chmodSync(bin, 0o755);
  }
}

/**
 * dist/THIRD-PARTY-NOTICES.txt: every package bundled into the shipped files, with its licence text,
 * as their licences ask of a copy (MIT's notice, Apache-2.0's licence for pdfjs-dist). The .vsix ships it.
 */
function writeNotices(metafiles) {
  const packages = new Set();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      // The innermost package: a dependency's own node_modules holds its dependencies.
      const at = input.lastIndexOf('node_modules/');
      const m = at < 0 ? null : /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.slice(at));
      if (m) packages.add(input.slice(0, at) + m[0].slice(0, -1));
    }
  }
  const sections = [...packages].sort().map((path) => {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const dir = new URL(`./${path}/`, import.meta.url);
    const manifest = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8'));
    const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'License.txt', 'license', 'LICENCE'].find((f) =>
      existsSync(new URL(f, dir)),
    );
    const text = file
      ? readFileSync(new URL(file, dir), 'utf8').trim()
      : `Licence: ${manifest.license ?? 'not stated'} (no licence file in the package).`;
    return `${name} ${manifest.version} (${manifest.license ?? 'licence not stated'})\n\n${text}`;
  });
  const head = [
    'IMR Letters bundles the following packages. Each is listed with its version, its licence and the licence text it ships with.',
    "pdfjs-dist's own build includes parts of core-js (MIT License, by Denis Pushkarev: https://github.com/zloirock/core-js/blob/master/LICENSE).",
  ].join('\n\n');
  writeFileSync('dist/THIRD-PARTY-NOTICES.txt', [head, ...sections].join(`\n\n${'-'.repeat(78)}\n\n`) + '\n');
}
