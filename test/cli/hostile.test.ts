import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FileRefused, readFileBounded } from '../../server/src/node/read-file';
import { replaceFile } from '../../server/src/node/write-file';
import { VALID_LETTER, edit } from '../fixtures/letters';
import { CLI, run } from './run-cli';

describe(
  'imr-lint on files that are not files',
  { skip: existsSync(CLI) ? false : `no bundle at ${CLI}: run node esbuild.mjs` },
  () => {
    test('a folder walk takes regular files and links to them, and skips a FIFO and a link to /dev/zero named like letters', () => {
      const dir = mkdtempSync(join(tmpdir(), 'imr-hostile-'));
      writeFileSync(join(dir, 'good.imr'), VALID_LETTER);
      symlinkSync(join(dir, 'good.imr'), join(dir, 'linked.imr'));
      symlinkSync('/dev/zero', join(dir, 'zero.txt'));
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
      const r = run(['.'], dir);
      assert.equal(r.signal, null, 'it finished');
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /^2 letters checked: 4 items/);
    });

    test('a device or a pipe named on the command line is refused with a message, exit 2, at once', () => {
      const dir = mkdtempSync(join(tmpdir(), 'imr-hostile-'));
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
      const r = run(['/dev/zero', 'pipe.txt'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /cannot read \S*dev\/zero: not a regular file/);
      assert.match(r.err, /cannot read pipe\.txt: not a regular file/);
    });

    test('a file name holding control characters is printed with them escaped, so it cannot retitle the terminal', () => {
      const dir = mkdtempSync(join(tmpdir(), 'imr-hostile-'));
      writeFileSync(join(dir, '\u001b]0;TITLE\u0007 x.imr'), edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
      const r = run(['.'], dir);
      assert.ok(r.out.startsWith('\\x1b]0;TITLE\\x07 x.imr:'), JSON.stringify(r.out));
      // eslint-disable-next-line no-control-regex -- control characters are what must not be printed
      assert.doesNotMatch(r.out + r.err, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });

    test('--fix replaces the file whole (same mode, no temporary file left), and only the fix changes it', () => {
      const dir = mkdtempSync(join(tmpdir(), 'imr-hostile-'));
      const file = join(dir, 'typo.imr');
      writeFileSync(file, edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
      chmodSync(file, 0o640);
      const r = run(['--fix', 'typo.imr'], dir);
      assert.match(r.err, /1 fix applied/);
      assert.equal(readFileSync(file, 'utf8'), VALID_LETTER);
      assert.equal(statSync(file).mode & 0o777, 0o640);
      assert.deepEqual(readdirSync(dir), ['typo.imr']);
    });
  },
);

describe('bounded reads and atomic replacement', () => {
  test('a file over the limit, a device and a FIFO are refused before anything is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-read-'));
    writeFileSync(join(dir, 'big.imr'), 'x'.repeat(2048));
    assert.throws(
      () => readFileBounded(join(dir, 'big.imr'), 1024),
      (e) => e instanceof FileRefused && /larger than/.test(e.message),
    );
    assert.equal(readFileBounded(join(dir, 'big.imr'), 4096).length, 2048);
    assert.throws(
      () => readFileBounded('/dev/zero'),
      (e) => e instanceof FileRefused && /not a regular file/.test(e.message),
    );
    execFileSync('mkfifo', [join(dir, 'pipe.imr')]);
    assert.throws(() => readFileBounded(join(dir, 'pipe.imr')), FileRefused);
  });

  test('a file that changed since it was read is not replaced: what was written meanwhile stays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-write-'));
    const file = join(dir, 'letter.imr');
    writeFileSync(file, 'as read\n');
    const read = readFileSync(file);
    writeFileSync(file, 'as read\na line appended while imr-lint ran\n');
    assert.throws(
      () => replaceFile(file, 'fixed\n', read),
      (e) => e instanceof FileRefused && /changed while imr-lint ran/.test(e.message),
    );
    assert.equal(readFileSync(file, 'utf8'), 'as read\na line appended while imr-lint ran\n');
    assert.deepEqual(readdirSync(dir), ['letter.imr'], 'no temporary file left');
    replaceFile(file, 'fixed\n', readFileSync(file));
    assert.equal(readFileSync(file, 'utf8'), 'fixed\n');
  });
});
