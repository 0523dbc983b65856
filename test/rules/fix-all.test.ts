import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, safeEdits } from '../../server/src/features/code-actions';
import { diagnostics } from '../../server/src/features/diagnostics';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';
import { VALID_LETTER, edit } from '../fixtures/letters';

const ROOT = join(__dirname, '..', '..');
const dirs = [join(ROOT, 'samples'), join(ROOT, '..', 'shared', 'imr-letters')].filter(existsSync);
const letters: [string, string][] = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.(imr|txt)$/.test(f))
    .map((f): [string, string] => [f, readFileSync(join(d, f), 'utf8')]),
);
letters.push([
  'many problems',
  edit(
    edit(
      edit(
        edit(VALID_LETTER, 'left: Upheld', 'left: uphled'),
        'No instability is',
        'No red- flag or grind- ing instability is',
      ),
      'Standard ',
      'standard ',
    ),
    'refills: Overturned',
    'refills: overturend',
  ).replace('MAXIMUS guideline:', 'Maximus Guideline:'),
]);

describe('fix all', () => {
  test("applying every safe fix leaves no safe-fixable finding behind, and each fix edits only its finding's lines", () => {
    let fixed = 0;
    for (const [name, text] of letters) {
      const problems = checkLetter(parseLetter(text));
      for (const p of problems) {
        for (const e of p.fixes?.().find((f) => f.safe)?.edits ?? []) {
          assert.ok(
            e.range.start.line >= p.range.start.line && e.range.end.line <= p.range.end.line,
            `${name}: ${p.ruleId} edits outside its lines`,
          );
        }
      }
      const { edits, count } = safeEdits(problems);
      fixed += count;
      const after = TextDocument.applyEdits(TextDocument.create('file:///x', 'imr-letter', 1, text), edits);
      const left = checkLetter(parseLetter(after)).filter((p) => p.fixes?.().some((f) => f.safe));
      assert.deepEqual(
        left.map((p) => `${p.ruleId}: ${p.message}`),
        [],
        name,
      );
    }
    // The bundled samples and the fixture above hold 5 safe-fixable findings (the real letters, where present, more);
    // a word split at a line end is not one (joining it could change the letter's words).
    assert.ok(fixed >= 5, `only ${fixed} safe fixes applied`);
  });

  test('"fix all" is offered per rule when a rule has several safe fixes', () => {
    const text = edit(edit(VALID_LETTER, 'left: Upheld', 'left: uphled'), 'refills: Overturned', 'refills: overturend');
    const letter = parseLetter(text);
    const diags = diagnostics(letter, {});
    const titles = codeActions({ uri: 'file:///x.imr' }, letter, diags, {}).map((a) => a.title);
    assert.ok(titles.includes('Fix all item.invalid-decision problems in this letter'), titles.join(' | '));
    assert.equal(
      titles.filter((t) => t.startsWith('Change decision to')).length,
      2,
      'every diagnostic in the request gets its own quick fix',
    );
  });
});
