/**
 * Letters in the real shape that were read wrong, or raised untrue findings (issue 20), each tried
 * in the three extraction forms: `pdftotext -layout`, plain `pdftotext` (no blank lines) and
 * double-spaced. Fictional text; the shapes are those of real letters.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { itemRows } from '../../server/src/reports/item-table';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';
import type { Problem } from '../../server/src/rules/rule';
import { FORMS, inForm } from '../fixtures/forms';
import { VALID_LETTER, edit } from '../fixtures/letters';

const LEAD = 'The Final Determination was based on decisions for the disputed items/services set forth below:\n';
/** VALID_LETTER up to its items' lead sentence and the blank line after it. */
const PREFIX =
  edit(
    VALID_LETTER.slice(0, VALID_LETTER.indexOf(LEAD) + LEAD.length),
    'a knee brace and tramadol.',
    'a knee brace, a home health aide,\nacupuncture, cyclobenzaprine and naproxen.',
  ) + '\n';

const FIELDS = `Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment
2016, Section(s): Physical medicine.

MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s):
Physical medicine.

`;

/**
 * Items whose item lines and conclusions were read wrong: modified-UR paragraphs named by a wrapped
 * tail (no blank line before, after a page break, after the previous rationale directly), an item
 * line straight after a rationale, and the conclusion forms that were missed.
 */
const ITEMS =
  PREFIX +
  `Hinged knee brace, left: Upheld

${FIELDS}Decision rationale: The guidelines support a brace for instability only. No instability is
documented. As such, the request is not-medically necessary.
Home health aide four hours a day was the original request. Home health aide two hours a day
was authorized by the Claims Administrator. The remaining IMR eligible portion of the original
request, Home health aide two hours a day while the injured worker's
wife is working is: Upheld

${FIELDS}Decision rationale: Home health services are recommended only for medical treatment for
patients who are homebound.

Homemaker services are not medical treatment. Therefore, the request will be considered not
medically necessary.
\fAcupuncture 12 sessions was the original request. Acupuncture 6 sessions was authorized by the
Claims Administrator. The remaining IMR eligible portion of the original request,
Acupuncture 6 sessions is:
Upheld

${FIELDS}Decision rationale: Acupuncture is recommended for 3 to 6 treatments to produce functional
improvement. No improvement from the 6 sessions authorized is documented. Therefore, the
request is not necessary.

Cyclobenzaprine 7.5mg #60 was the original request. Cyclobenzaprine 7.5mg #33 was authorized by
the Claims Administrator. The remaining IMR eligible portion of the
original request, Cyclobenzaprine 7.5mg #27 is: Upheld

${FIELDS}Decision rationale: Muscle relaxants are recommended for a short course only. The
injured worker has used cyclobenzaprine for months.
\fThe request for Cyclobenzaprine 7.5mg #27 is not medically necessary and appropriate.
Naproxen 550mg #60 was requested. The Claims Administrator authorized Naproxen 550mg #30,
leaving the original request IMR eligible. The original request, Naproxen 550mg #60 is:
Overturned

${FIELDS}Decision rationale: Anti-inflammatory medication is the traditional first line of
treatment. The injured worker reports 50 percent relief with it. Therefore, the request for
Naproxen 550mg #60 is medically necessary.
Cyclobenzaprine: Upheld

${FIELDS}Decision rationale: Muscle relaxants are not recommended for long-term use. As such,
the request is not medically necessary. The Claims Administrator's decision is upheld.
Tramadol 50mg #90 was the original request.
Tramadol 50mg #60 was authorized by the Claims
Administrator.
The remaining IMR eligible portion of the original request, Tramadol 50mg #30: Upheld

${FIELDS}Decision rationale: Opioids are continued only with documented functional improvement.
None is documented. Therefore, the request for Tramadol 50mg #30 is not medically necessary.
`;

/** [name, decision, modified request, conclusion says necessary] for each item of ITEMS. */
const EXPECTED: [string, string, boolean, boolean][] = [
  ['Hinged knee brace, left', 'Upheld', false, false],
  ["Home health aide two hours a day while the injured worker's wife is working", 'Upheld', true, false],
  ['Acupuncture 6 sessions', 'Upheld', true, false],
  ['Cyclobenzaprine 7.5mg #27', 'Upheld', true, false],
  ['Naproxen 550mg #60', 'Overturned', true, true],
  ['Cyclobenzaprine', 'Upheld', false, false],
  ['Tramadol 50mg #30', 'Upheld', true, false],
];

/** Findings at information level or above, as "rule: message". */
function seen(problems: Problem[]): string[] {
  return problems.filter((p) => p.severity !== 'hint').map((p) => `${p.ruleId}: ${p.message}`);
}

function check(text: string): Problem[] {
  return checkLetter(parseLetter(text), { today: new Date(2026, 0, 1) });
}

describe('fidelity: items and conclusions read the same in every extraction form', () => {
  for (const form of FORMS) {
    test(`${form}: every item, its name, decision, modified-request flag and conclusion`, () => {
      const letter = parseLetter(inForm(ITEMS, form));
      assert.deepEqual(
        letter.items.map((i) => [i.name, i.decision?.value, i.modifiedRequest, i.conclusion?.necessary]),
        EXPECTED,
      );
      // Each rationale keeps its last sentence: the next item line did not take it.
      for (const item of letter.items)
        assert.match(
          item.fields.find((f) => f.kind === 'rationale')!.value!.text,
          /(?:necessary(?: and appropriate)?|upheld)\.$/,
          item.name,
        );
      assert.deepEqual(seen(check(inForm(ITEMS, form))), []);
    });
  }

  test("the export's item and modified_request columns say which portion each modified request decides", () => {
    for (const form of FORMS) {
      const rows = itemRows('x.imr', parseLetter(inForm(ITEMS, form)));
      assert.deepEqual(
        rows.map((r) => [r.item, r.modified_request]),
        EXPECTED.map(([name, , modified]) => [name, modified ? 'yes' : 'no']),
        form,
      );
    }
  });

  test('a modified-UR item line read in each of its wordings names the portion decided', () => {
    const lines: [string, string][] = [
      [
        'Baclofen 100mg #30 was the original request. Baclofen 100mg #27 was authorized by the\nClaims Administrator. The remaining IMR eligible portion of the original request is\nBaclofen 100mg #3: Upheld',
        'Baclofen 100mg #3',
      ],
      [
        'Baclofen 100mg #30 was the original request. Baclofen 100mg #27 was authorized by the\nClaims Administrator. The remaining IMR eligible portion of the original request,\nBaclofen 100mg #3: Upheld',
        'Baclofen 100mg #3',
      ],
      [
        'Baclofen 100mg #30 was requested. The Claims Administrator authorized Baclofen 100mg\n#27, leaving the original request IMR eligible. The original request, Baclofen 100mg #30\nis: Upheld',
        'Baclofen 100mg #30',
      ],
    ];
    for (const [line, name] of lines) {
      const text = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', line);
      for (const form of FORMS) {
        const item = parseLetter(inForm(text, form)).items[0];
        assert.deepEqual(
          [item.name, item.modifiedRequest, item.decision?.value],
          [name, true, 'Upheld'],
          `${form}: ${line}`,
        );
      }
    }
  });

  test('the closing sentences letters use (domain.md), wrapped or not, are conclusions', () => {
    const closings: [string, boolean][] = [
      ['Therefore the request for a hinged knee brace was not medically necessary.', false],
      ['Therefore the request for a hinged knee brace is determined to be not medically necessary.', false],
      ['Therefore the request for a hinged knee brace is determined to not be medically necessary.', false],
      ['Therefore the request for a hinged knee brace is not seen as medically necessary.', false],
      ['Therefore the request for a hinged knee brace is not a medical necessity at this time.', false],
      ['Therefore the request for a hinged knee brace is not-medically necessary.', false],
      ['Therefore the request for a hinged knee brace will be considered not medically necessary.', false],
      ['Therefore, the request is not necessary.', false],
      ['Therefore the request for a hinged knee brace is not medically necessary and appropriate.', false],
      [
        'No, the request for a hinged knee brace was not medically necessary, medically appropriate, or indicated here.',
        false,
      ],
      ['Therefore, none of the requested braces are medically necessary.', false],
    ];
    for (const [closing, necessary] of closings) {
      // Wrapped as a letter wraps it: the verdict's words split over two lines.
      const wrapped = closing.replace(/ (medically|necessary|necessity)/, '\n$1');
      const text = edit(
        VALID_LETTER,
        'Therefore the request for a hinged knee brace is not medically necessary.',
        wrapped,
      );
      for (const form of FORMS) {
        const item = parseLetter(inForm(text, form)).items[0];
        assert.equal(item.conclusion?.necessary, necessary, `${form}: ${closing}`);
        assert.deepEqual(seen(check(inForm(text, form))), [], `${form}: ${closing}`);
      }
    }
  });

  test('a bare "is not necessary" is a verdict only about the request', () => {
    const text = edit(
      VALID_LETTER,
      'Therefore the request for a hinged knee brace is not medically necessary.',
      'A brace will not help. Further imaging is not necessary.',
    );
    for (const form of FORMS) assert.equal(parseLetter(inForm(text, form)).items[0].conclusion, undefined, form);
    // Nor is a condition: "for it to be medically necessary" after the verdict leaves the verdict the conclusion.
    const condition = edit(
      VALID_LETTER,
      'is not medically necessary.',
      'is not medically necessary. Instability must be shown for a brace to be medically necessary.',
    );
    for (const form of FORMS)
      assert.equal(parseLetter(inForm(condition, form)).items[0].conclusion?.necessary, false, form);
  });

  test('a rationale that truly concludes nothing is still reported, in every form', () => {
    const text = edit(ITEMS, 'As such,\nthe request is not medically necessary.', 'A trial of\nstretching is advised.');
    for (const form of FORMS) {
      const found = check(inForm(text, form)).filter((p) => p.ruleId === 'item.no-conclusion');
      assert.deepEqual(
        found.map((p) => p.message),
        ['The rationale for "Cyclobenzaprine" never concludes whether the treatment is medically necessary.'],
        form,
      );
    }
  });
});

function rawOf(text: string): string {
  return inForm(text, 'raw');
}

describe('fidelity: findings on correct letters are true', () => {
  const summary = (sentence: string) =>
    edit(VALID_LETTER, 'The\nrequested treatment includes a knee brace and tramadol.', sentence);

  test('summary.undecided-treatment: a date, a verb phrase or a decision is never a requested treatment', () => {
    for (const sentence of [
      'The requested\ntreatment was denied on 12/23/2016.',
      'The requested\ntreatments were modified on 11/09/2016.',
      'The requested treatment includes a knee\nbrace and tramadol, which were denied on 12/23/2016.',
      'The requested treatment is on 12/23/2016.',
    ]) {
      for (const form of FORMS)
        assert.deepEqual(seen(check(inForm(summary(sentence), form))), [], `${form}: ${sentence}`);
    }
    // A treatment no item decides is still named.
    for (const form of FORMS) {
      const found = check(
        inForm(
          summary('The requested treatment includes a knee\nbrace, tramadol and a lumbar MRI, denied on 12/23/2016.'),
          form,
        ),
      ).filter((p) => p.ruleId === 'summary.undecided-treatment');
      assert.deepEqual(
        found.map((p) => p.message),
        ['The case summary names "a lumbar MRI" as requested, but no disputed item seems to decide it.'],
        form,
      );
    }
  });

  test("summary.injury-date-mismatch writes a date written in the header's form once", () => {
    const same = edit(VALID_LETTER, 'industrial injury on 09-13-16', 'industrial injury on 11/05/2016');
    const other = edit(VALID_LETTER, 'industrial injury on 09-13-16', 'industrial injury on November 5,\n2016');
    for (const form of FORMS) {
      assert.deepEqual(
        seen(check(inForm(same, form))),
        ['summary.injury-date-mismatch: The case summary dates the injury 11/05/2016, the header 09/13/2016.'],
        form,
      );
      assert.deepEqual(
        seen(check(inForm(other, form))),
        [
          'summary.injury-date-mismatch: The case summary dates the injury November 5, 2016 (11/05/2016), the header 09/13/2016.',
        ],
        form,
      );
    }
  });

  test('text.split-word: a mid-line "- " is punctuation; only a hyphen ending a line splits a word, and its join is never applied unasked', () => {
    const punctuation = edit(
      VALID_LETTER,
      'No instability is',
      'Per the guidelines- low back chapter, shoulder- discrete and FDA- approved care, no instability is',
    );
    for (const form of FORMS)
      assert.deepEqual(
        check(inForm(punctuation, form)).filter((p) => p.ruleId === 'text.split-word'),
        [],
        form,
      );
    const wrapped = edit(VALID_LETTER, 'No instability is\n', 'Zofran is FDA-\napproved. No instability is ');
    for (const form of FORMS) {
      const found = check(inForm(wrapped, form)).filter((p) => p.ruleId === 'text.split-word');
      assert.deepEqual(
        found.map((p) => [p.severity, p.message]),
        [['hint', '"FDA-" ends a line and "approved" starts the next: read as one word, "FDA-approved".']],
        form,
      );
      assert.ok(
        found[0].fixes!().every((f) => !f.safe),
        "joining may change the letter's words: offered, not applied unasked",
      );
    }
  });

  test('item.conclusion-names-other-treatment quotes whole words, says nothing of a service that depends on the surgery, and still finds a pasted conclusion once per item', () => {
    const surgery = edit(
      edit(
        VALID_LETTER,
        'Tramadol ER 100mg #30 day supply: 30 with two\nrefills: Overturned',
        'Associated surgical service: Cold therapy unit: Upheld',
      ),
      'Decision rationale: Short-term use is supported after a severe acute injury. The request for\nTramadol ER 100mg #30 is medically necessary.',
      'Decision rationale: As the requested surgical intervention is not medically necessary, the\nassociated services are not medically necessary.',
    );
    const first = edit(
      surgery,
      'Decision rationale: The guidelines support a brace for instability only. No instability is\ndocumented. Therefore the request for a hinged knee brace is not medically necessary.',
      'Decision rationale: As the brace is not medically necessary, no instability being documented,\nthe surgery is not medically necessary.',
    );
    for (const form of FORMS) {
      assert.deepEqual(
        check(inForm(surgery, form)).filter((p) => p.ruleId === 'item.conclusion-names-other-treatment'),
        [],
        form,
      );
      const found = check(inForm(first, form)).filter((p) => p.ruleId === 'item.conclusion-names-other-treatment');
      assert.deepEqual(
        found.map((p) => p.message),
        ['The conclusion names "surgery", which shares no word with the item "Hinged knee brace, left".'],
        form,
      );
    }
    const pasted = edit(
      VALID_LETTER,
      'Therefore the request for a hinged knee brace is not medically necessary.',
      'As the request is not supported, the request for lumbar epidural injections is not medically necessary.',
    );
    for (const form of FORMS) {
      const found = check(inForm(pasted, form)).filter((p) => p.ruleId === 'item.conclusion-names-other-treatment');
      assert.deepEqual(
        found.map((p) => p.message),
        [
          'The conclusion names "lumbar epidural injections", which shares no word with the item "Hinged knee brace, left".',
        ],
        form,
      );
    }
  });

  test('item.decision-contradicts-rationale: "none of the associated services are medically necessary" is a no', () => {
    const text = edit(
      VALID_LETTER,
      'Therefore the request for a hinged knee brace is not medically necessary.',
      'Therefore none of the requested braces are medically necessary.',
    );
    for (const form of FORMS) {
      const item = parseLetter(inForm(text, form)).items[0];
      assert.equal(item.conclusion?.necessary, false, form);
      assert.deepEqual(seen(check(inForm(text, form))), [], form);
    }
  });

  test('citation.maximus-non-mtus-only: not when the letter says why it went outside the MTUS', () => {
    const nonMtus = edit(
      VALID_LETTER,
      'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004, Section(s):\nInitial Care.',
      'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG),\nKnee & Leg.',
    );
    const statement = edit(
      nonMtus,
      'MAXIMUS guideline: Decision based on Non-MTUS',
      'MAXIMUS guideline: The Expert Reviewer based their decision on recommendation(s) outside\nof the MTUS Guidelines. Decision based on Non-MTUS',
    );
    const silent = edit(
      nonMtus,
      'Decision rationale: The guidelines support',
      'Decision rationale: The CA MTUS/ACOEM Guidelines do not address. The guidelines support',
    );
    for (const form of FORMS) {
      assert.deepEqual(
        check(inForm(nonMtus, form)).filter((p) => p.ruleId === 'citation.maximus-non-mtus-only').length,
        1,
        form,
      );
      assert.deepEqual(seen(check(inForm(statement, form))), [], form);
      assert.deepEqual(seen(check(inForm(silent, form))), [], form);
    }
  });

  test('text.form-feed-in-field: a page break between sentences, paragraphs or items is not reported; one inside a sentence is a hint', () => {
    const between = edit(
      edit(VALID_LETTER, 'No instability is\ndocumented. Therefore', 'No instability is documented.\n\fTherefore'),
      'is not medically necessary.\n\nTramadol',
      'is not medically necessary.\n\fTramadol',
    );
    assert.deepEqual(
      check(between).filter((p) => p.ruleId === 'text.form-feed-in-field'),
      [],
    );
    assert.deepEqual(
      check(rawOf(between)).filter((p) => p.ruleId === 'text.form-feed-in-field'),
      [],
    );
    const inside = edit(VALID_LETTER, '\ndocumented. Therefore', '\n\fdocumented. Therefore');
    for (const text of [inside, rawOf(inside)]) {
      const found = check(text).filter((p) => p.ruleId === 'text.form-feed-in-field');
      assert.deepEqual(
        found.map((p) => [p.severity, p.message]),
        [['hint', 'A page break (form feed) splits this sentence.']],
      );
    }
  });
});
