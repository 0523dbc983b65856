import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import { safeEdits } from '../../server/src/features/code-actions';
import type { Problem } from '../../server/src/rules/rule';

const lt = (p: TextEdit['range']['start'], q: TextEdit['range']['start']) =>
  p.line < q.line || (p.line === q.line && p.character < q.character);
const eq = (p: TextEdit['range']['start'], q: TextEdit['range']['start']) =>
  p.line === q.line && p.character === q.character;
const overlap = (a: TextEdit, b: TextEdit) =>
  (eq(a.range.start, b.range.start) && eq(a.range.end, b.range.end)) ||
  (lt(a.range.start, b.range.end) && lt(b.range.start, a.range.end));

/** The rule as first written, edit against every edit taken: the reference the sweep must agree with. */
function reference(problems: Problem[]): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  let count = 0;
  for (const p of problems) {
    const fix = p.fixes?.().find((f) => f.safe);
    if (!fix || fix.edits.some((e) => edits.some((x) => overlap(x, e)))) continue;
    edits.push(...fix.edits);
    count++;
  }
  return { edits, count };
}

const position = fc.record({ line: fc.nat(6), character: fc.nat(6) });
const edit = fc.tuple(position, fc.nat(8), fc.string({ maxLength: 2 })).map(([start, length, newText]): TextEdit => {
  const end =
    length === 0
      ? start
      : { line: start.line + (length > 6 ? 1 : 0), character: length > 6 ? length - 6 : start.character + length };
  return { range: { start, end }, newText };
});
// A fix's own edits never overlap (an editor refuses such an edit): fixes are generated so.
const edits = fc
  .array(edit, { minLength: 1, maxLength: 3 })
  .filter((es) => es.every((a, i) => es.every((b, j) => i === j || !overlap(a, b))));
const problem = fc
  .array(fc.record({ title: fc.constant('fix'), safe: fc.boolean(), edits }), { maxLength: 2 })
  .map((fixes): Problem => ({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: 'm',
    ruleId: 'r',
    severity: 'warning',
    fixes: () => fixes,
  }));

describe('safe fixes, all at once', () => {
  test('the sweep takes the same fixes as checking each edit against every edit taken (random fixes, insertions and overlaps)', () => {
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 30 }), (problems) => {
        assert.deepEqual(safeEdits(problems), reference(problems));
      }),
      { numRuns: 2000, seed: 1203 },
    );
  });

  test('forty thousand fixes, one per line, are all taken', () => {
    const problems: Problem[] = Array.from({ length: 40_000 }, (_, line) => ({
      range: { start: { line, character: 0 }, end: { line, character: 1 } },
      message: 'm',
      ruleId: 'r',
      severity: 'warning',
      fixes: () => [
        {
          title: 't',
          safe: true,
          edits: [{ range: { start: { line, character: 3 }, end: { line, character: 5 } }, newText: '' }],
        },
      ],
    }));
    assert.equal(safeEdits(problems).count, 40_000);
  });
});
