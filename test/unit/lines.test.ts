import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { splitLines } from '../../server/src/letter/text/lines';
import { VALID_LETTER } from '../fixtures/letters';

/** Lines as plain values, with their numbers and offsets, to compare two splits. */
const plain = (source: string, last?: ReturnType<typeof splitLines>) => {
  const { lines, starts } = splitLines(source, last);
  return lines.map((l, i) => ({ ...l, start: starts[i] }));
};

/** A split after `before`: equal to a fresh one, and the lines it says it kept are the last version's, with the same text before or after them. */
function checkResplit(before: string, after: string): void {
  const last = splitLines(before);
  const next = splitLines(after, last);
  assert.deepEqual(plain(after, last), plain(after));
  const { before: head, after: tail, lastAfter } = next.kept!;
  for (let i = 0; i < head; i++)
    assert.ok(next.lines[i] === last.lines[i] && next.starts[i] === last.starts[i], `line ${i}`);
  for (let i = tail; i < next.lines.length; i++) {
    assert.equal(next.lines[i], last.lines[lastAfter + i - tail], `line ${i}`);
    assert.equal(
      after.length - next.starts[i],
      before.length - last.starts[lastAfter + i - tail],
      `line ${i} is as far from the end`,
    );
  }
}

describe('lines', () => {
  test('split as LSP splits: \\n, \\r\\n and \\r; furniture turned into spaces in place', () => {
    assert.deepEqual(plain('a\r\nb\rc\n\n\f d\t'), [
      { text: 'a', first: 0, end: 1, blank: false, start: 0 },
      { text: 'b', first: 0, end: 1, blank: false, start: 3 },
      { text: 'c', first: 0, end: 1, blank: false, start: 5 },
      { text: '', first: 0, end: 0, blank: true, start: 7 },
      { text: '  d ', first: 2, end: 3, blank: false, start: 8 },
    ]);
  });

  test("after an edit, the lines before and after it are the last version's objects", () => {
    const last = splitLines(VALID_LETTER);
    const at = VALID_LETTER.indexOf('Hinged knee brace');
    const line = VALID_LETTER.slice(0, at).split('\n').length - 1;
    const typed = splitLines(VALID_LETTER.slice(0, at) + 'x' + VALID_LETTER.slice(at), last);
    assert.deepEqual(
      typed.lines.map((l, i) => l === last.lines[i]),
      last.lines.map((_, i) => i !== line),
    );
    assert.deepEqual(
      typed.starts.slice(line + 1),
      last.starts.slice(line + 1).map((s) => s + 1),
    );
    const broken = splitLines(VALID_LETTER.slice(0, at) + '\n' + VALID_LETTER.slice(at), last);
    assert.equal(broken.lines.length, last.lines.length + 1);
    assert.ok(
      broken.lines.slice(line + 2).every((l, i) => l === last.lines[line + 1 + i]),
      'the lines below moved down one, the same objects',
    );
  });

  test('the text unchanged keeps every line, at the same numbers', () => {
    const last = splitLines(VALID_LETTER);
    const again = splitLines(VALID_LETTER, last);
    assert.equal(again.lines, last.lines);
    assert.deepEqual(again.kept, { before: last.lines.length, after: last.lines.length, lastAfter: last.lines.length });
  });

  test('kept says which lines were taken from the last version, and where they were', () => {
    const last = splitLines(VALID_LETTER);
    const at = VALID_LETTER.indexOf('Hinged knee brace');
    const line = VALID_LETTER.slice(0, at).split('\n').length - 1;
    const broken = splitLines(VALID_LETTER.slice(0, at) + 'a\nb' + VALID_LETTER.slice(at), last);
    const { before, after, lastAfter } = broken.kept!;
    assert.ok(broken.lines.slice(0, before).every((l, i) => l === last.lines[i]));
    assert.ok(broken.lines.slice(after).every((l, i) => l === last.lines[lastAfter + i]));
    assert.deepEqual([before, after - before, lastAfter - before], [line, 2, 1], 'the edited line became two');
    assert.equal(splitLines(VALID_LETTER).kept, undefined);
  });

  test('split after any edit of any text equals a fresh split (line breaks of every kind typed, deleted and split apart)', () => {
    const piece = fc.constantFrom('a', 'b ', ' ', '\n', '\r', '\r\n', '\n\n', '\f', '\t', 'xyz');
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), text, (before, a, b, typed) => {
        const from = before.length === 0 ? 0 : a % (before.length + 1);
        const to = from + (before.length === 0 ? 0 : b % (before.length - from + 1));
        checkResplit(before, before.slice(0, from) + typed + before.slice(to));
      }),
      { numRuns: 20000, seed: 2411 },
    );
  });

  test('the same for edits anywhere in texts of several thousand characters (compared a block at a time)', () => {
    const long = [VALID_LETTER, VALID_LETTER.replace(/\n/g, '\r\n'), VALID_LETTER.repeat(3).replace(/\n\n/g, '\r\r\f')];
    const typed = fc
      .array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', '\f'), { maxLength: 6 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), fc.nat({ max: 3000 }), typed, (before, a, length, text) => {
        const from = a % (before.length + 1);
        const to = Math.min(before.length, from + (length % 4 === 0 ? length : length % 4));
        checkResplit(before, before.slice(0, from) + text + before.slice(to));
      }),
      { numRuns: 3000, seed: 1124 },
    );
  });
});
