import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pdfSourceOf, withPdfSource } from '../../server/src/pdf/source';
import { createLetterService, itemRows, letterReport } from '../../server/src/service';
import { VALID_LETTER, realLetters, sampleLetters } from '../fixtures/letters';

const service = createLetterService();

/** Everything a user sees of a letter: findings with their places, the outline, the item table, the JSON report. */
function seen(text: string) {
  const letter = service.read(text);
  const problems = service.check(letter, {});
  return {
    findings: problems.map((p) => [p.ruleId, p.severity, p.range, p.message]),
    outline: service.outlineText(letter),
    rows: itemRows('x', letter),
    report: letterReport('x', letter, problems),
  };
}

describe('the source PDF a letter names', () => {
  test('named at the end of the text and read back, whatever the name holds', () => {
    for (const name of ['001.pdf', 'letters/2016/CM16-0123456.pdf', '../a b <c>.pdf', 'ü%20.pdf', 'x<<}.pdf']) {
      const text = withPdfSource(VALID_LETTER, name);
      assert.ok(text.startsWith(VALID_LETTER), 'the letter is left as it is');
      assert.equal(text.split('\n').length, VALID_LETTER.split('\n').length, 'no line is added');
      assert.equal(pdfSourceOf(text), name);
    }
  });

  test('a letter that names none, or names one badly, has none', () => {
    assert.equal(pdfSourceOf(VALID_LETTER), undefined);
    assert.equal(pdfSourceOf(VALID_LETTER + '{>>imr-source: a.pdf'), undefined, 'unclosed');
    assert.equal(pdfSourceOf(VALID_LETTER + '{>>imr-source: %E0%A4%A<<}'), undefined, 'not an encoded name');
    assert.equal(pdfSourceOf(VALID_LETTER + '{>>imr-source:  <<}'), undefined, 'empty');
    assert.equal(pdfSourceOf(VALID_LETTER + '{>>note: imr-source<<}'), undefined);
  });

  test('the last one named counts (a letter imported again, its old name kept above)', () => {
    assert.equal(pdfSourceOf(withPdfSource(withPdfSource(VALID_LETTER, 'old.pdf'), 'new.pdf')), 'new.pdf');
  });

  const letters = [VALID_LETTER, ...sampleLetters(), ...realLetters()];
  test(`it changes nothing the analysis reports: findings and their places, outline, item table, JSON (${letters.length} letters)`, () => {
    for (const text of letters) {
      // As the import writes it: after the text read from the PDF, which ends with a form feed.
      const pdfLike = text.endsWith('\f') ? text : text + '\f';
      assert.deepEqual(seen(withPdfSource(pdfLike, '001.pdf')), seen(pdfLike));
      assert.deepEqual(seen(withPdfSource(text, '001.pdf')), seen(text));
    }
  });
});
