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
  test('each decision is followed by what it means, and the Decision Date by the last day to appeal', () => {
    const hints = inlayHints(parseLetter(VALID_LETTER), ALL);
    assert.deepEqual(hints.map((h) => [h.position.line, label(h)]), [
      [lineOf(VALID_LETTER, 'Decision Date:'), 'appeal by 01/08/2017'],
      [lineOf(VALID_LETTER, 'Hinged knee brace, left: Upheld'), 'UR denial stands'],
      [lineOf(VALID_LETTER, 'refills: Overturned'), 'treatment to be authorized'],
    ]);
    // Placed right after the value it explains.
    const line = VALID_LETTER.split('\n')[hints[0].position.line];
    assert.equal(line.slice(0, hints[0].position.character).trimEnd().endsWith('12/09/2016'), true);
    assert.match((hints[0].tooltip as { value: string }).value, /Decision Date plus 30 calendar days[\s\S]*mailed/);
  });

  test('the appeal date crosses months and leap days; no hint for a missing or impossible date, a misspelt decision, or outside the range asked', () => {
    const at = (date: string) => inlayHints(parseLetter(edit(VALID_LETTER, '12/09/2016', date)), ALL).map(label)[0];
    assert.equal(at('02/10/2016'), 'appeal by 03/11/2016');
    assert.equal(at('January 31, 2015'), 'appeal by 03/02/2015');
    assert.ok(!inlayHints(parseLetter(edit(VALID_LETTER, '12/09/2016', '02/30/2016')), ALL).some((h) => label(h).startsWith('appeal')));
    const misspelt = inlayHints(parseLetter(edit(VALID_LETTER, 'left: Upheld', 'left: Uphled')), ALL).map(label);
    assert.deepEqual(misspelt, ['appeal by 01/08/2017', 'treatment to be authorized']);
    const items: Range = { start: { line: lineOf(VALID_LETTER, 'refills: Overturned'), character: 0 }, end: { line: lineOf(VALID_LETTER, 'refills: Overturned') + 1, character: 0 } };
    assert.deepEqual(inlayHints(parseLetter(VALID_LETTER), items).map(label), ['treatment to be authorized']);
  });

  test('a lens above the issues heading counts the items and decisions; the status summary says the same', () => {
    const letter = parseLetter(VALID_LETTER);
    const lenses = codeLenses(letter);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command!.title]), [[lineOf(VALID_LETTER, 'IMR ISSUES, DECISIONS'), '2 items: 1 upheld, 1 overturned']]);
    assert.deepEqual(letterSummary(letter), { items: 2, upheld: 1, overturned: 1, caseNumber: 'CM16-0123456', text: '2 items: 1 upheld, 1 overturned' });
    const broken = parseLetter(edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
    assert.equal(codeLenses(broken)[0].command!.title, '2 items: 0 upheld, 1 overturned');
    assert.deepEqual(codeLenses(parseLetter('a shopping list\n')), []);
    assert.equal(letterSummary(parseLetter('a shopping list\n')).text, 'not an IMR letter');
  });
});
