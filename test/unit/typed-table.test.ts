import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ITEM_TABLE, LETTER_TABLE, itemRows, letterRow, typedRow } from '../../server/src/service';
import { createLetterService } from '../../server/src/service';
import { VALID_LETTER, edit } from '../fixtures/letters';

const service = createLetterService();

test('item rows typed: dates as days since 1970, yes/no as booleans, an empty cell or an unreal date as null', () => {
  const letter = service.read(edit(VALID_LETTER, 'Date of Injury:      09/13/2016', 'Date of Injury:      02/30/2016'));
  const row = itemRows('a.imr', letter)[0];
  const typed = typedRow(ITEM_TABLE, row);
  const cell = (name: string) => typed[ITEM_TABLE.findIndex((c) => c.name === name)];
  assert.equal(cell('decision_date'), Date.UTC(2016, 11, 9) / 86_400_000);
  assert.equal(cell('date_of_injury'), null);
  assert.equal(cell('decision'), row.decision);
  assert.equal(cell('associated_surgical_service'), row.associated_surgical_service === 'yes');
  assert.equal(cell('file'), 'a.imr');
  assert.ok(ITEM_TABLE.some((c) => c.name === 'decision' && c.kind === 'category'));
});

test('a letter row counts its items, decisions and findings as integers', () => {
  const letter = service.read(VALID_LETTER);
  const problems = service.check(letter, { rules: {} });
  const typed = typedRow(LETTER_TABLE, letterRow('a.imr', letter, problems));
  const cell = (name: string) => typed[LETTER_TABLE.findIndex((c) => c.name === name)];
  assert.deepEqual([cell('items'), cell('upheld'), cell('overturned'), cell('undecided')], [2, 1, 1, 0]);
  assert.equal(cell('findings'), problems.length);
  assert.equal(cell('case_number'), 'CM16-0123456');
});
