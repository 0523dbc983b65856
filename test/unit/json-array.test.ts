import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { JsonArrayText, jsonElement } from '../../server/src/reports/json-array';
import { SARIF_RESULTS_DEPTH, sarifFrame, sarifLog, sarifResults } from '../../server/src/reports/sarif';
import { createLetterService } from '../../server/src/service';
import { VALID_LETTER, sampleLetters } from '../fixtures/letters';

/** The text written for these elements, one add per group, as imr-lint writes a letter's at a time. */
function streamed(groups: unknown[][], depth: number): string {
  const array = new JsonArrayText(depth);
  return groups.map((g) => array.add(g.map((v) => jsonElement(v, depth)).join(',\n'))).join('') + array.close();
}

describe('JSON arrays written as their elements come', () => {
  test('the same text as JSON.stringify(whole, null, 2), at the top level and nested', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 3 }), { maxLength: 5 }), (groups) => {
        // Values as JSON would keep them (-0 is written as 0).
        const all = JSON.parse(JSON.stringify(groups.flat())) as unknown[];
        assert.equal(streamed(groups, 1), JSON.stringify(all, null, 2));
        const nested = JSON.stringify({ a: [{ b: all }] }, null, 2);
        assert.equal(`{\n  "a": [\n    {\n      "b": ${streamed(groups, 4)}\n    }\n  ]\n}`, nested);
      }),
    );
  });

  test("SARIF: the frame and each letter's results are the log sarifLog writes whole", () => {
    const service = createLetterService();
    const letters = [VALID_LETTER, ...sampleLetters(), ''].map((text, i) => {
      const letter = service.read(text);
      return {
        file: `dir\\letter-${i}.imr`,
        problems: service.check(letter, {}),
        pages: i === 1 ? [1, 1, 2] : undefined,
      };
    });
    assert.ok(letters.some((l) => l.problems.length > 0) && letters.some((l) => l.problems.length === 0));
    const frame = sarifFrame('1.2.3');
    const array = new JsonArrayText(SARIF_RESULTS_DEPTH);
    let text = frame.before;
    for (const l of letters)
      text += array.add(
        sarifResults(l.file, l.problems, l.pages)
          .map((r) => jsonElement(r, SARIF_RESULTS_DEPTH))
          .join(',\n'),
      );
    text += array.close() + frame.after;
    assert.equal(text, JSON.stringify(sarifLog(letters, '1.2.3'), null, 2) + '\n');
    const none = sarifFrame('1.2.3');
    assert.equal(
      none.before + new JsonArrayText(SARIF_RESULTS_DEPTH).close() + none.after,
      JSON.stringify(sarifLog([], '1.2.3'), null, 2) + '\n',
    );
  });
});
