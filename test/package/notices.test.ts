import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const NOTICES = join(ROOT, 'dist', 'THIRD-PARTY-NOTICES.txt');

describe('third-party notices', { skip: existsSync(NOTICES) ? false : 'not built: run node esbuild.mjs' }, () => {
  test('every package bundled into the shipped files is named with its licence text, and the .vsix ships them', () => {
    const notices = readFileSync(NOTICES, 'utf8');
    // What the bundles hold, named by esbuild's own sources map in each bundle.
    const bundled = new Set<string>();
    for (const bundle of [
      'client.js',
      'server.js',
      'cli.js',
      'pdf-reader.js',
      'browser/client.js',
      'browser/server.js',
    ]) {
      const map = JSON.parse(readFileSync(join(ROOT, 'dist', `${bundle}.map`), 'utf8')) as { sources: string[] };
      for (const source of map.sources) {
        // pdfjs-dist ships its own source map: its sources (and the core-js inside its build) are its.
        if (source.startsWith('webpack://pdf.js/')) {
          bundled.add('pdfjs-dist');
          continue;
        }
        const at = source.lastIndexOf('node_modules/');
        const m = at < 0 ? null : /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source.slice(at));
        if (m) bundled.add(m[1]);
      }
    }
    assert.ok(bundled.has('pdfjs-dist') && bundled.has('vscode-languageserver'), [...bundled].join(', '));
    for (const name of bundled)
      assert.match(notices, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\d`, 'm'), name);
    assert.match(notices, /^pdfjs-dist [\d.]+ \(Apache-2\.0\)\n\nApache License/m);
    assert.doesNotMatch(notices, /no licence file/);
    assert.match(notices, /pdfjs-dist's own build includes parts of core-js \(MIT License/);
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!dist\/THIRD-PARTY-NOTICES\.txt$/m);
  });
});
