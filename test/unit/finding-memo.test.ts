import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { FieldMemo } from '../../server/src/incremental/field-memo';
import { parseLetter } from '../../server/src/letter/parse';
import { RULES, checkLetter } from '../../server/src/rules';
import { withFixes } from '../fixtures/problems';
import { FindingMemo } from '../../server/src/incremental/finding-memo';
import type { Rule } from '../../server/src/rules/rule';
import { VALID_LETTER, edit } from '../fixtures/letters';

const DAY = { today: new Date(2026, 10, 24) };
// A letter whose second item lacks its MAXIMUS guideline: a finding, with a fix.
const NO_MAXIMUS = edit(
  VALID_LETTER,
  'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004, Section(s):\nInitial Care.\n',
  '',
);
const rule = RULES.find((r) => r.id === 'item.missing-field') as Rule;
const original = rule.checkItem!;
let checked: string[] = [];

/** The items one item rule was asked about, by name, since the last call. */
function itemsChecked(): string[] {
  const names = checked;
  checked = [];
  return names;
}

describe('findings kept per item', () => {
  rule.checkItem = (item, layout, context) => (checked.push(item.name), original(item, layout, context));
  afterEach(() => void (checked = []));

  test('an edit in one item checks that item again and takes back the findings of the others', () => {
    const fields = new FieldMemo();
    const memo = new FindingMemo();
    const first = checkLetter(parseLetter(NO_MAXIMUS, undefined, fields), DAY, memo);
    assert.deepEqual(itemsChecked(), [
      'Hinged knee brace, left',
      'Tramadol ER 100mg #30 day supply: 30 with two refills',
    ]);
    assert.deepEqual(
      first.map((p) => p.ruleId),
      ['item.missing-field'],
    );
    const typed = edit(
      NO_MAXIMUS,
      'Tramadol ER 100mg #30 is medically necessary.',
      'Tramadol ER 100mg #30 is medically  necessary.',
    );
    const second = checkLetter(parseLetter(typed, undefined, fields), DAY, memo);
    assert.deepEqual(
      itemsChecked(),
      ['Tramadol ER 100mg #30 day supply: 30 with two refills'],
      'the knee brace item was not checked again',
    );
    assert.deepEqual(withFixes(second), withFixes(first), 'and its finding is still reported');
  });

  test('a line break above the items moves their findings with them instead of checking them again', () => {
    const fields = new FieldMemo();
    const memo = new FindingMemo(fields);
    const first = checkLetter(parseLetter(NO_MAXIMUS, undefined, fields), DAY, memo);
    assert.equal(itemsChecked().length, 2);
    const moved = 'Reviewed.\n\n' + NO_MAXIMUS;
    const second = checkLetter(parseLetter(moved, undefined, fields), DAY, memo);
    assert.deepEqual(itemsChecked(), [], 'no item was checked again');
    const fresh = checkLetter(parseLetter(moved), DAY);
    itemsChecked();
    assert.deepEqual(withFixes(second), withFixes(fresh), "and the findings are a fresh check's");
    assert.equal(second[0].range.start.line, first[0].range.start.line + 2);
    // A line taken out inside the first item: it is checked again, the second is moved up.
    const joined = edit(
      moved,
      'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.\n\n',
      'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.\n',
    );
    const third = checkLetter(parseLetter(joined, undefined, fields), DAY, memo);
    assert.deepEqual(itemsChecked(), ['Hinged knee brace, left']);
    assert.deepEqual(withFixes(third), withFixes(checkLetter(parseLetter(joined), DAY)));
  });

  test('a check on another day, or with other annotation kinds, checks every item again', () => {
    const fields = new FieldMemo();
    const memo = new FindingMemo();
    const letter = parseLetter(VALID_LETTER, undefined, fields);
    checkLetter(letter, DAY, memo);
    checkLetter(letter, DAY, memo);
    assert.equal(itemsChecked().length, 2, 'the same letter checked twice: each item once');
    checkLetter(letter, { today: new Date(2026, 10, 25) }, memo);
    assert.equal(itemsChecked().length, 2);
    checkLetter(letter, { today: new Date(2026, 10, 25), annotationKinds: ['billing'] }, memo);
    assert.equal(itemsChecked().length, 2);
  });

  test("without the field memo's moves, a moved item is checked again", () => {
    const fields = new FieldMemo();
    const memo = new FindingMemo();
    checkLetter(parseLetter(VALID_LETTER, undefined, fields), DAY, memo);
    checkLetter(parseLetter('\n' + VALID_LETTER, undefined, fields), DAY, memo);
    assert.equal(itemsChecked().length, 4);
  });

  test('without a memo every item is checked every time', () => {
    const letter = parseLetter(VALID_LETTER, undefined, new FieldMemo());
    checkLetter(letter, DAY);
    checkLetter(letter, DAY);
    assert.equal(itemsChecked().length, 4);
  });

  test('fixes of an item moved again and again are made as far from the rule as after one move', () => {
    const fields = new FieldMemo();
    const memo = new FindingMemo(fields);
    // How deep the call stack is where the rule makes its fixes.
    let depth = 0;
    const checkItem = rule.checkItem!;
    rule.checkItem = (item, layout, context) =>
      checkItem(item, layout, context).map((f) => {
        const fixes = f.fixes!;
        return {
          ...f,
          fixes: () => {
            const limit = Error.stackTraceLimit;
            Error.stackTraceLimit = Infinity;
            depth = new Error().stack!.split('\n').length;
            Error.stackTraceLimit = limit;
            return fixes();
          },
        };
      });
    try {
      const depths: number[] = [];
      let checks = 0;
      for (let n = 0; n <= 40; n++) {
        const text = '\n'.repeat(n % 2) + NO_MAXIMUS; // a line break typed at the top, then taken out
        const fresh = checkLetter(parseLetter(text), DAY).filter((p) => p.ruleId === 'item.missing-field');
        itemsChecked();
        const kept = checkLetter(parseLetter(text, undefined, fields), DAY, memo).filter(
          (p) => p.ruleId === 'item.missing-field',
        );
        checks += itemsChecked().length;
        const expected = withFixes(fresh);
        assert.deepEqual(withFixes(kept), expected);
        depths.push(depth); // where the kept finding's fixes were made
      }
      assert.equal(checks, 2, 'checked once, then only moved');
      assert.equal(new Set(depths.slice(1)).size, 1, `call depths ${depths.join(' ')}`);
    } finally {
      rule.checkItem = checkItem;
    }
  });
});
