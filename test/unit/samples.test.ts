import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const LETTERS = readdirSync(SAMPLES).filter((f) => /\.imr(\.txt)?$/.test(f));

/** The layout and the items with decisions of each sample, as written. */
const EXPECTED: Record<string, { layout: string; items: [string, string][] }> = {
  'two-column-header.imr': {
    layout: 'final-determination',
    items: [
      ['MRI of the lumbar spine without contrast', 'Upheld'],
      ['Tramadol ER 100mg #30 day supply: 30 with one refill for chronic low back pain', 'Upheld'],
      ['Right knee arthroscopy with partial medial meniscectomy', 'Overturned'],
      ['Associated surgical service: Postoperative physical therapy, times 12', 'Overturned'],
    ],
  },
  'annotated.imr': {
    layout: 'final-determination',
    items: [
      ['MRI of the lumbar spine without contrast', 'Upheld'],
      ['Tramadol ER 100mg #30 day supply: 30 with one refill for chronic low back pain', 'Upheld'],
      ['Right knee arthroscopy with partial medial meniscectomy', 'Overturned'],
      ['Associated surgical service: Postoperative physical therapy, times 12', 'Overturned'],
    ],
  },
  'plain-header.imr': {
    layout: 'final-determination',
    items: [
      ['Cyclobenzaprine 7.5mg #90', 'Upheld'],
      ['Physical therapy six sessions for the neck', 'Upheld'],
    ],
  },
  'double-spaced-no-header.imr.txt': {
    layout: 'final-determination',
    items: [
      ['Lumbar Epidural Steroid Injection at L5-S1', 'Upheld'],
      ['Lumbar Brace', 'Upheld'],
    ],
  },
  'maximus-format-2.imr': {
    layout: 'maximus-format-2',
    items: [
      ['EMG/NCV of the right upper extremity', 'Overturned'],
      ['Custom wrist splint', 'Upheld'],
    ],
  },
  'professional-review-format-3.imr': {
    layout: 'professional-review',
    items: [['Physical therapy two times a week for six weeks for the left knee', 'Upheld']],
  },
  'notice-2013.imr': {
    layout: 'notice-2013',
    items: [
      ['an MRI of the cervical spine', 'Upheld'],
      ['a TENS unit rental for one month', 'Overturned'],
    ],
  },
  'with-problems.imr': {
    layout: 'final-determination',
    items: [
      ['MRI of the lumbar spine without contrast', 'Uphled'],
      ['Tramadol ER 100mg #30 day supply: 30 with one refill for chronic low back pain', 'Upheld'],
      ['Right knee arthroscopy with partial medial meniscectomy', 'Overturned'],
      ['Associated surgical service: Postoperative physical therapy, times 12', 'Overturned'],
    ],
  },
};

describe('bundled samples', () => {
  test('each sample is described here', () => {
    assert.deepEqual(LETTERS.sort(), Object.keys(EXPECTED).sort());
  });

  for (const file of LETTERS) {
    test(`${file}: its layout, every item and decision`, () => {
      const letter = parseLetter(readFileSync(join(SAMPLES, file), 'utf8'));
      assert.equal(letter.layout.id, EXPECTED[file].layout);
      // The decision as written, or for a 2013 notice the one its sentence implies.
      assert.deepEqual(
        letter.items.map((i) => [i.name, i.decision?.inferred ? i.decision.value : i.decision?.text]),
        EXPECTED[file].items,
      );
    });
  }

  test("annotated.imr is two-column-header.imr with a reader's annotations, and reads the same", () => {
    const plain = parseLetter(readFileSync(join(SAMPLES, 'two-column-header.imr'), 'utf8'));
    const annotated = parseLetter(readFileSync(join(SAMPLES, 'annotated.imr'), 'utf8'));
    assert.deepEqual(
      annotated.items.map((i) => i.fields.map((f) => f.value?.text)),
      plain.items.map((i) => i.fields.map((f) => f.value?.text)),
    );
    assert.deepEqual(
      annotated.annotations.map((a) => a.kind ?? a.form),
      ['todo', 'appeal-fact', 'question', 'substitution'],
    );
  });

  test('the correct samples raise no error or warning; with-problems.imr raises exactly its planted problems', () => {
    for (const file of LETTERS) {
      const serious = checkLetter(parseLetter(readFileSync(join(SAMPLES, file), 'utf8'))).filter(
        (p) => p.severity === 'error' || p.severity === 'warning',
      );
      if (file !== 'with-problems.imr')
        assert.deepEqual(
          serious.map((p) => p.message),
          [],
          file,
        );
      else
        assert.deepEqual(serious.map((p) => p.ruleId).sort(), [
          'header.bad-case-number',
          'header.bad-date',
          'header.bad-priority',
          'header.missing-field',
          'item.decision-contradicts-rationale',
          'item.empty-field',
          'item.invalid-decision',
          'item.missing-field',
          'reviewer.missing-field',
          'section.missing',
        ]);
    }
  });
});
