/**
 * imr-lint as a new user meets it (issue #25): files named as the user gave them, and summaries
 * whose counts add up (undecided items named).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { VALID_LETTER, edit } from '../fixtures/letters';
import { CLI, run } from './run-cli';

describe(
  'imr-lint paths and counts',
  { skip: existsSync(CLI) ? false : `no bundle at ${CLI}: run node esbuild.mjs` },
  () => {
    const root = mkdtempSync(join(tmpdir(), 'imr-first-hour-'));
    const letters = join(root, 'data', 'letters');
    const work = join(root, 'work', 'here');
    mkdirSync(letters, { recursive: true });
    mkdirSync(work, { recursive: true });
    // A warning in each, so the text output names the file.
    const letter = edit(VALID_LETTER, '12/09/2016', '12/09/2099');
    writeFileSync(join(letters, 'a.imr'), letter);
    const file = join(letters, 'a.imr');

    test('an absolute path is printed absolute, in text output and in the CSV file column, never as ../../', () => {
      const text = run([file], work);
      assert.match(text.out, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ warning `, 'm'));
      assert.doesNotMatch(text.out, /\.\.\//);
      const csv = run(['export', file], work);
      assert.equal(csv.out.split('\r\n')[1].split(',')[0], file);
      const folder = run(['export', letters], work);
      assert.equal(folder.out.split('\r\n')[1].split(',')[0], file);
      const glob = run(['export', join(letters, '*.imr')], work);
      assert.equal(glob.out.split('\r\n')[1].split(',')[0], file);
    });

    test('a relative path stays as written, a glob too', () => {
      assert.match(run(['../../data/letters/a.imr'], work).out, /^\.\.\/\.\.\/data\/letters\/a\.imr:\d+:\d+ warning /m);
      assert.equal(
        run(['export', '../../data/letters'], work).out.split('\r\n')[1].split(',')[0],
        '../../data/letters/a.imr',
      );
      assert.equal(
        run(['export', '../../data/letters/*.imr'], work).out.split('\r\n')[1].split(',')[0],
        '../../data/letters/a.imr',
      );
      assert.equal(
        run(['export', 'letters/a.imr'], join(root, 'data')).out.split('\r\n')[1].split(',')[0],
        'letters/a.imr',
      );
    });

    test('the check and export summaries name undecided items, and leave them out when there are none', () => {
      const dir = mkdtempSync(join(tmpdir(), 'imr-undecided-'));
      writeFileSync(join(dir, 'decided.imr'), VALID_LETTER);
      assert.match(run(['decided.imr'], dir).err, /^1 letter checked: 2 items \(1 upheld, 1 overturned\), /);
      writeFileSync(join(dir, 'undecided.imr'), edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
      assert.match(run(['.'], dir).err, /^2 letters checked: 4 items \(1 upheld, 2 overturned, 1 undecided\), /);
      assert.equal(run(['export', '.'], dir).err, '2 files, 4 rows (1 upheld, 2 overturned, 1 undecided)\n');
    });
  },
);
