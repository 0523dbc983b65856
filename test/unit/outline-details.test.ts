import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { documentSymbols, shorten } from '../../server/src/features/symbols';
import { OutlineMemo } from '../../server/src/incremental/outline-memo';
import { FieldMemo } from '../../server/src/incremental/field-memo';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, edit } from '../fixtures/letters';

/** What an outline detail is meant to be: white space collapsed, trimmed, cut with an ellipsis. */
function meant(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, max - 1) + '…';
}

describe('outline details', () => {
  test('a long field shows its first words on one line, with an ellipsis', () => {
    const letter = parseLetter(
      edit(
        VALID_LETTER,
        'The guidelines support a brace for instability only.',
        'The guidelines\tsupport   a brace\fonly for\ninstability of the knee, as the records here do not show.',
      ),
    );
    const rationale = documentSymbols(letter)
      .flatMap((s) => s.children ?? [])
      .find((s) => s.name === 'Upheld · Hinged knee brace, left')!
      .children!.find((c) => c.name === 'Decision rationale')!;
    assert.equal(rationale.detail, 'The guidelines support a brace only for instability of the …');
    assert.equal(rationale.detail!.length, 60);
  });

  test('equal to collapsing the whole text first, for any text (white space of every kind, long words, long runs)', () => {
    const piece = fc.constantFrom(
      'a',
      'bc',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\f',
      '\u00a0',
      '\u2028',
      '\u3000',
      '\ufeff',
      'é',
      'w'.repeat(70),
      ' '.repeat(300),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 120 }).map((p) => p.join('')),
        fc.constantFrom(1, 2, 5, 60, 200),
        (text, max) => assert.equal(shorten(text, max), meant(text, max)),
      ),
      { numRuns: 2000, seed: 60 },
    );
  });

  test("with the document's outline memo, an edit outlines only the items it changed, and the outline is a fresh one", () => {
    const fields = new FieldMemo();
    const outline = new OutlineMemo();
    const itemOf = (symbols: ReturnType<typeof documentSymbols>, item: string) =>
      symbols.flatMap((s) => s.children ?? []).find((s) => s.name.includes(item))!;
    const first = documentSymbols(parseLetter(VALID_LETTER, undefined, fields), outline);
    const changed = edit(VALID_LETTER, 'The guidelines support a brace', 'The guidelines allow a brace');
    const second = documentSymbols(parseLetter(changed, undefined, fields), outline);
    assert.deepEqual(second, documentSymbols(parseLetter(changed)));
    assert.equal(itemOf(second, 'Tramadol'), itemOf(first, 'Tramadol'), 'an untouched item keeps its symbol');
    assert.notEqual(itemOf(second, 'Hinged knee brace'), itemOf(first, 'Hinged knee brace'));
    assert.match(
      itemOf(second, 'Hinged knee brace').children!.find((c) => c.name === 'Decision rationale')!.detail!,
      /allow a brace/,
    );
  });
});
