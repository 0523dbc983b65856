import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { zipEntries } from './zip';

const ROOT = join(__dirname, '..', '..');

describe('the packaged extension', () => {
  test('the .vsix builds and holds the bundles, the manifest, grammar, schema and icon, and nothing else', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'imr-vsix-')), 'imr-letters.vsix');
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'pipe' });
    execFileSync(
      process.execPath,
      [
        require.resolve('@vscode/vsce/vsce'),
        'package',
        '--no-dependencies',
        '--no-rewrite-relative-links',
        '--out',
        out,
      ],
      { cwd: ROOT, stdio: 'pipe', timeout: 120_000 },
    );
    const entries = zipEntries(out);
    const files = [...entries.keys()]
      .filter((f) => f.startsWith('extension/'))
      .map((f) => f.slice('extension/'.length))
      .sort();
    // vsce stores the readme and changelog in lower case.
    assert.deepEqual(files, [
      'LICENSE.txt',
      'changelog.md',
      'dist/THIRD-PARTY-NOTICES.txt',
      'dist/browser/client.js',
      'dist/browser/pdf-reader.js',
      'dist/browser/server.js',
      'dist/cli.js',
      'dist/client.js',
      'dist/pdf-reader.js',
      'dist/server.js',
      'docs/rules.md',
      'images/icon.png',
      'language-configuration.json',
      'package.json',
      'readme.md',
      'schemas/guideline-catalog.schema.json',
      'syntaxes/imr-letter.tmLanguage.json',
    ]);
    const manifest = JSON.parse(entries.get('extension/package.json')!().toString('utf8'));
    assert.equal(manifest.contributes.languages[0].id, 'imr-letter');
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.browser, './dist/browser/client.js');
    // Bundled: the server runs with nothing from node_modules beside it.
    assert.match(entries.get('extension/dist/server.js')!().toString('utf8').slice(0, 100), /^#!\/usr\/bin\/env node/);
  });
});
