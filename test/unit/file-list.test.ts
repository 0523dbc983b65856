import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { listedFiles, readFileList } from '../../server/src/node/file-list';

const dir = mkdtempSync(join(tmpdir(), 'imr-file-list-'));

describe('file lists', () => {
  test('read a chunk at a time: paths across chunk boundaries, accents split between chunks, CRLF, no last line end', () => {
    // 64 KB chunks: paths of varied length put line ends and two-byte characters on every offset.
    const paths = Array.from({ length: 9_000 }, (_, i) => `corpus/${'é'.repeat(i % 7)}${'x'.repeat(i % 13)}/${i}.txt`);
    const text = paths.map((p, i) => (i % 5 === 0 ? `${p}\r\n` : i % 11 === 0 ? `${p}\n\n  \n` : `${p}\n`)).join('');
    writeFileSync(join(dir, 'list.txt'), text.slice(0, -1)); // the last line without its line end
    assert.ok(Buffer.byteLength(text) > 3 * 64 * 1024);
    const read = [...readFileList(join(dir, 'list.txt'))];
    assert.deepEqual(
      read.map((f) => f.path),
      paths,
    );
    assert.deepEqual(
      read.map((f) => f.key),
      paths,
    );
  });

  test('read as asked for: what is past the first chunk is read only when the run gets there', () => {
    const line = (i: number, folder: string) => `${folder}/${String(i).padStart(6, '0')}.txt\n`;
    const file = join(dir, 'long.txt');
    const lines = (folder: string) => Array.from({ length: 200_000 }, (_, i) => line(i, folder)).join('');
    writeFileSync(file, lines('old'));
    const list = readFileList(file)[Symbol.iterator]();
    assert.equal(list.next().value?.path, 'old/000000.txt');
    // Rewritten in place, the same length: a reader that had read it all would still give 'old'.
    writeFileSync(file, lines('new'));
    let last = '';
    for (let next = list.next(); !next.done; next = list.next()) last = next.value.path;
    assert.equal(last, 'new/199999.txt');
  });

  test('a folder walked in name order, keyed relative to it; nothing named, nothing listed', () => {
    mkdirSync(join(dir, 'tree', 'b'), { recursive: true });
    mkdirSync(join(dir, 'tree', 'a', '.hidden'), { recursive: true });
    for (const f of ['b/2.txt', 'a/1.imr', 'a/.hidden/3.txt', 'a/notes.md', '0.pdf'])
      writeFileSync(join(dir, 'tree', f), '');
    const listed = [...(listedFiles(join(dir, 'tree')) ?? [])];
    assert.deepEqual(
      listed.map((f) => f.key),
      ['0.pdf', 'a/1.imr', 'b/2.txt'],
    );
    assert.equal(listedFiles(join(dir, 'no-such-folder')), undefined);
  });
});
