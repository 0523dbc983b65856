/**
 * `imr-lint --fix` over copies of every real letter in every extraction form: the only changes
 * are the ones its findings name, and none changes the letter's words.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { safeEdits } from '../../server/src/features/code-actions';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';
import { FORMS, REAL_SKIP, formDir } from '../fixtures/forms';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** The letter's words: runs of letters and digits, in order. */
function words(text: string): string[] {
  return text.match(/[A-Za-z0-9]+/g) ?? [];
}

describe('imr-lint --fix on the real letters', { skip: REAL_SKIP }, () => {
  test('changes only what its findings name, and no word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-fix-real-'));
    const copies: { name: string; before: string }[] = [];
    for (const form of FORMS) {
      mkdirSync(join(dir, form));
      for (const file of readdirSync(formDir(form)).filter((f) => f.endsWith('.txt'))) {
        const name = join(form, file);
        copyFileSync(join(formDir(form), file), join(dir, name));
        copies.push({ name, before: readFileSync(join(dir, name), 'utf8') });
      }
    }
    assert.ok(copies.length >= 3, 'letters copied');
    const r = spawnSync(process.execPath, [CLI, '--fix', ...copies.map((c) => c.name)], { cwd: dir, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);

    let fixed = 0;
    for (const { name, before } of copies) {
      assert.ok(existsSync(join(dir, name)));
      const after = readFileSync(join(dir, name), 'utf8');
      // What the findings on the letter as it was name as safe to apply, and nothing else.
      const { edits, count } = safeEdits(checkLetter(parseLetter(before)));
      const expected = TextDocument.applyEdits(TextDocument.create(`file:///${name}`, 'imr-letter', 1, before), edits);
      assert.equal(after, expected, `${name}: --fix changed more than its findings name`);
      assert.deepEqual(words(after), words(before), `${name}: --fix changed the letter's words`);
      if (count > 0)
        assert.match(r.stderr, new RegExp(`${name.replace(/[.\\/]/g, '\\$&')}: ${count} fix(?:es)? applied`));
      fixed += count;
    }
    // The page breaks that split a sentence in 003.txt and 010.txt (layout and raw) are the fixes named.
    assert.ok(fixed > 0, 'some safe fix was applied, so the comparison above compared something');
  });
});
