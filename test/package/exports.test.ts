import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';

// A function or constant is exported only when another file uses it: helpers used inside one file
// stay private, so a module's exports are what it offers. (Types may be exported for the
// signatures that use them.)
const ROOT = resolve(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return files(path);
    return /\.(ts|mjs)$/.test(e.name) ? [path] : [];
  });
}

describe('exports', () => {
  test('every exported function, class and constant of the server and the client is used by another file', () => {
    const all = ['server/src', 'client/src', 'test', 'bench', 'scripts'].flatMap(files);
    const texts = new Map(all.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
    const unused: string[] = [];
    let exported = 0;
    for (const [file, text] of texts) {
      if (!file.startsWith('server/src/') && !file.startsWith('client/src/')) continue;
      for (const [, name] of text.matchAll(/^export (?:async )?(?:function\*?|const|let|class) (\w+)/gm)) {
        exported++;
        const word = new RegExp(`\\b${name}\\b`);
        if (![...texts].some(([other, t]) => other !== file && word.test(t))) unused.push(`${file}: ${name}`);
      }
    }
    assert.ok(exported > 100, `exports were found (${exported})`);
    assert.deepEqual(unused, []);
  });
});
