import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostics, sameDiagnostics } from '../../server/src/features/diagnostics';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, edit, sampleLetters } from '../fixtures/letters';

const DAY = { today: new Date(2026, 10, 25) };
const found = (text: string) => diagnostics(parseLetter(text), DAY, 'https://example.invalid/rules.md');
/** A copy made the way a client would see it: through JSON. */
const copy = (d: Diagnostic[]): Diagnostic[] => JSON.parse(JSON.stringify(d));

describe("comparing a pull's findings with the last report", () => {
  const broken = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left: Uphled');

  test('the same findings, made again or sent through JSON (where undefined members vanish), are the same', () => {
    for (const text of [VALID_LETTER, broken, ...sampleLetters()]) {
      assert.ok(sameDiagnostics(found(text), found(text)));
      assert.ok(sameDiagnostics(found(text), copy(found(text))));
      assert.ok(sameDiagnostics(copy(found(text)), found(text)));
    }
  });

  test('any difference a client would see is a difference: a range, a message, a level, a link, data, one more or fewer', () => {
    const base = found(broken);
    assert.ok(base.length > 0);
    const changes: ((d: Diagnostic[]) => void)[] = [
      (d) => void (d[0].range.end.character += 1),
      (d) => void (d[0].message += '.'),
      (d) => void (d[0].severity = d[0].severity === 1 ? 2 : 1),
      (d) => void (d[0].codeDescription = undefined),
      (d) => void (d[0].data = { fixes: [{ title: 'Other', edits: [] }] }),
      (d) => void (d[0].data = { nested: { deeper: [1, 'x'] } }),
      (d) => void d.pop(),
      (d) => void d.push(d[0]),
      (d) => void (d[0].tags = [1]),
    ];
    for (const change of changes) {
      const changed = copy(base);
      change(changed);
      assert.equal(sameDiagnostics(base, changed), false, change.toString());
      assert.equal(sameDiagnostics(changed, base), false, change.toString());
    }
  });

  test('agrees with comparing the JSON, for the findings of any two edits of a letter', () => {
    const texts = [VALID_LETTER, broken, ...sampleLetters()];
    const typed = fc.tuple(
      fc.constantFrom(...texts),
      fc.nat(),
      fc.constantFrom('', 'x', '\n', ': Upheld', 'Decision rationale:'),
    );
    const apply = ([text, at, what]: [string, number, string]) =>
      text.slice(0, at % (text.length + 1)) + what + text.slice(at % (text.length + 1));
    fc.assert(
      fc.property(typed, typed, (a, b) => {
        const [x, y] = [found(apply(a)), found(apply(b))];
        assert.equal(sameDiagnostics(x, y), JSON.stringify(x) === JSON.stringify(y));
      }),
      { numRuns: 200, seed: 1125 },
    );
  });
});
