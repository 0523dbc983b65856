import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { codeLenses } from '../../server/src/features/code-lens';
import { inlayHints } from '../../server/src/features/inlay-hints';
import { letterSummary } from '../../server/src/features/letter-summary';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';

const ALL: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const label = (h: { label: string | unknown[] }) => String(h.label);

describe('inline help', () => {
  test('each decision is followed by what it means; nothing is inserted in the header', () => {
    const hints = inlayHints(parseLetter(VALID_LETTER), ALL);
    assert.deepEqual(
      hints.map((h) => [h.position.line, label(h)]),
      [
        [lineOf(VALID_LETTER, 'Hinged knee brace, left: Upheld'), 'UR denial stands'],
        [lineOf(VALID_LETTER, 'refills: Overturned'), 'treatment to be authorized'],
      ],
    );
    const misspelt = inlayHints(parseLetter(edit(VALID_LETTER, 'left: Upheld', 'left: Uphled')), ALL).map(label);
    assert.deepEqual(misspelt, ['treatment to be authorized']);
    const items: Range = {
      start: { line: lineOf(VALID_LETTER, 'refills: Overturned'), character: 0 },
      end: { line: lineOf(VALID_LETTER, 'refills: Overturned') + 1, character: 0 },
    };
    assert.deepEqual(inlayHints(parseLetter(VALID_LETTER), items).map(label), ['treatment to be authorized']);
  });

  test("a lens at the letter's top counts the items and decisions and gives the last day to appeal; the status summary says the same", () => {
    const letter = parseLetter(VALID_LETTER);
    const lenses = codeLenses(letter);
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command!.title]),
      [[0, '2 items: 1 upheld, 1 overturned · appeal by 01/08/2017']],
    );
    assert.deepEqual(letterSummary(letter), {
      items: 2,
      upheld: 1,
      overturned: 1,
      undecided: 0,
      caseNumber: 'CM16-0123456',
      appealBy: '01/08/2017',
      text: '2 items: 1 upheld, 1 overturned',
    });
    const broken = parseLetter(edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
    assert.equal(
      codeLenses(broken)[0].command!.title,
      '2 items: 0 upheld, 1 overturned, 1 undecided · appeal by 01/08/2017',
    );
    assert.deepEqual(codeLenses(parseLetter('a shopping list\n')), []);
    assert.equal(letterSummary(parseLetter('a shopping list\n')).text, 'not an IMR letter');
  });
});
