import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, doubleSpace, edit, lineOf } from '../fixtures/letters';

describe('parseLetter', () => {
  test('reads the two-column header, wrapped Application / Received: label included', () => {
    const letter = parseLetter(VALID_LETTER);
    const fields = Object.fromEntries(letter.header!.fields.map((f) => [f.key, f.value?.text]));
    assert.deepEqual(fields, {
      caseNumber: 'CM16-0123456',
      dateAssigned: '11/09/2016',
      dateOfInjury: '09/13/2016',
      decisionDate: '12/09/2016',
      urDenialDate: '10/03/2016',
      priority: 'Standard',
      applicationReceived: '11/01/2016',
    });
    const dated = letter.header!.fields.find((f) => f.key === 'dateOfInjury')!;
    assert.deepEqual(dated.value!.range, { start: { line: 1, character: 75 }, end: { line: 1, character: 85 } });
  });

  test('reads the label-block / value-block header of plain pdftotext', () => {
    const plain = [
      'Case Number:',
      'Date Assigned:',
      'Decision Date:',
      'Priority:',
      '',
      'CM16-0123456',
      '11/09/2016',
      '12/09/2016',
      'Standard',
      '',
      'Date of Injury:',
      'UR Denial Date:',
      'Application',
      'Received:',
      '',
      '09/13/2016',
      '10/03/2016',
      '11/01/2016',
      '',
    ].join('\n');
    const letter = parseLetter(plain + VALID_LETTER.slice(VALID_LETTER.indexOf('                 HOW THE')));
    const fields = Object.fromEntries(letter.header!.fields.map((f) => [f.key, f.value?.text]));
    assert.equal(fields.caseNumber, 'CM16-0123456');
    assert.equal(fields.priority, 'Standard');
    assert.equal(fields.dateOfInjury, '09/13/2016');
    assert.equal(fields.urDenialDate, '10/03/2016');
    assert.equal(fields.applicationReceived, '11/01/2016');
    assert.equal(letter.header!.fields.length, 7);
  });

  test('finds the three sections of the current layout whatever the indentation', () => {
    const letter = parseLetter(VALID_LETTER);
    assert.equal(letter.layout.id, 'final-determination');
    assert.deepEqual(
      letter.sections.map((s) => [s.kind, s.heading.range.start.line]),
      [
        ['determination', lineOf(VALID_LETTER, 'HOW THE IMR')],
        ['summary', lineOf(VALID_LETTER, 'CLINICAL CASE SUMMARY')],
        ['issues', lineOf(VALID_LETTER, 'IMR ISSUES')],
      ],
    );
  });

  test('reads the reviewer credentials, a wrapped specialty included', () => {
    const { reviewer } = parseLetter(VALID_LETTER);
    assert.deepEqual(
      reviewer.fields.map((f) => [f.kind, f.value?.text]),
      [
        ['licensure', 'California,Oregon'],
        ['specialty', 'Physical Medicine & Rehabilitation, Pain Management'],
      ],
    );
  });

  test('reads items: the decision follows the last colon, titles wrap, fields run to the next label', () => {
    const { items } = parseLetter(VALID_LETTER);
    assert.deepEqual(
      items.map((i) => [i.name, i.decision?.value]),
      [
        ['Hinged knee brace, left', 'Upheld'],
        ['Tramadol ER 100mg #30 day supply: 30 with two refills', 'Overturned'],
      ],
    );
    const tramadol = items[1];
    assert.equal(tramadol.title.range.start.line, lineOf(VALID_LETTER, 'Tramadol ER 100mg #30 day'));
    assert.equal(tramadol.decision!.range.start.line, lineOf(VALID_LETTER, 'refills: Overturned'));
    assert.deepEqual(
      tramadol.fields.map((f) => f.kind),
      ['claimsAdministratorGuideline', 'maximusGuideline', 'rationale'],
    );
    assert.equal(
      tramadol.fields[1].value!.text,
      'Decision based on MTUS Opioid Treatment 2016, Section(s): 1.3 Opioids for Acute Pain: Severe Acute Injuries.',
    );
    assert.match(tramadol.fields[2].value!.text, /is medically necessary\.$/);
    assert.equal(items[0].fields[2].range.end.line, lineOf(VALID_LETTER, 'hinged knee brace is not'));
  });

  test('reads modified-UR paragraph items and associated surgical services', () => {
    const text = edit(
      VALID_LETTER,
      'Hinged knee brace, left: Upheld',
      'Physical therapy 12 sessions was the original request. Physical therapy 6 sessions was\nauthorized by the Claims Administrator. The remaining IMR eligible portion of the original\nrequest, Physical therapy 6 sessions: Upheld',
    );
    const item = parseLetter(text).items[0];
    assert.equal(item.name, 'Physical therapy 6 sessions');
    assert.equal(item.modifiedRequest, true);
    assert.equal(item.title.range.start.line, lineOf(text, 'Physical therapy 12 sessions'));

    const surgical = parseLetter(
      edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Associated surgical service: Cold therapy unit: Upheld'),
    ).items[0];
    assert.equal(surgical.associatedSurgicalService, true);
    assert.equal(surgical.name, 'Associated surgical service: Cold therapy unit');
  });

  test('sees through CRLF, form feeds and double spacing', () => {
    const variants = {
      crlf: VALID_LETTER.replace(/\n/g, '\r\n'),
      cr: VALID_LETTER.replace(/\n/g, '\r'),
      formFeed: edit(VALID_LETTER, '                      IMR ISSUES', '\f                      IMR ISSUES').replace(
        'documented. Therefore',
        '\fdocumented. Therefore',
      ),
      doubleSpaced: doubleSpace(VALID_LETTER),
    };
    const expected = parseLetter(VALID_LETTER);
    for (const [name, text] of Object.entries(variants)) {
      const letter = parseLetter(text);
      assert.deepEqual(
        letter.items.map((i) => [i.name, i.decision?.value, i.fields.map((f) => f.value?.text)]),
        expected.items.map((i) => [i.name, i.decision?.value, i.fields.map((f) => f.value?.text)]),
        name,
      );
      assert.equal(letter.header?.fields.length, 7, name);
      assert.equal(letter.reviewer.fields.length, 2, name);
    }
    assert.equal(parseLetter(variants.doubleSpaced).doubleSpaced, true);
  });

  test('joins a word split by a hyphen at a line end', () => {
    const text = edit(
      VALID_LETTER,
      'Short-term use is supported after',
      'Short-term use is electro-\ndiagnostically supported after',
    );
    assert.match(parseLetter(text).items[1].fields[2].value!.text, /electro-diagnostically supported/);
  });

  test('recognises the older layouts', () => {
    const format2 =
      'MAXIMUS FEDERAL SERVICES, INC.\nIndependent Medical Review\n\nHOW THE IMR FINAL DETERMINATION WAS MADE\ntext\n\nDOCUMENTS REVIEWED\nrecords\n\nCLINICAL CASE SUMMARY\ntext\n\nIMR DECISION(S) AND RATIONALE(S)\n\nMRI: Upheld\nClaims Administrator guideline: x\nMAXIMUS guideline: y\nDecision rationale: not medically necessary.\n';
    const f2 = parseLetter(format2);
    assert.equal(f2.layout.id, 'maximus-format-2');
    assert.deepEqual(
      f2.items.map((i) => [i.name, i.decision?.value, i.fields.length]),
      [['MRI', 'Upheld', 3]],
    );

    const format3 =
      'MEDICAL PROFESSIONAL REVIEW\n\nISSUE AT DISPUTE:\nPhysical therapy for the knee: Upheld\nKnee MRI: Overturned\n\nCASE SUMMARY:\ntext\n\nMEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL\nREVIEWER AND WHY:\nMTUS\n\nRATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT\nMEDICALLY NECESSARY:\ntext\n\nMEDICAL REVIEWER QUALIFICATIONS:\nBoard certified in Orthopedic Surgery, licensed in California.\n';
    const f3 = parseLetter(format3);
    assert.equal(f3.layout.id, 'professional-review');
    assert.deepEqual(
      f3.sections.map((s) => s.kind),
      ['issues', 'summary', 'guidelines', 'rationale', 'qualifications'],
    );
    assert.deepEqual(
      f3.items.map((i) => [i.name, i.decision?.value]),
      [
        ['Physical therapy for the knee', 'Upheld'],
        ['Knee MRI', 'Overturned'],
      ],
    );
    assert.match(f3.reviewer.prose!.text, /Orthopedic Surgery/);

    const notice =
      'MAXIMUS FEDERAL SERVICES, INC.\nNotice of Independent Medical Review Determination\nDated: 9/16/2013\n\n1) MAXIMUS Federal Services, Inc. has determined the request for lumbar MRI is not medically\nnecessary and appropriate.\n2) MAXIMUS Federal Services, Inc. has determined the request for a TENS unit is medically necessary\nand appropriate.\n\nINDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\ntext\n';
    const a = parseLetter(notice);
    assert.equal(a.layout.id, 'notice-2013');
    assert.deepEqual(
      a.items.map((i) => [i.name, i.decision?.value, i.decision?.inferred]),
      [
        ['lumbar MRI', 'Upheld', true],
        ['a TENS unit', 'Overturned', true],
      ],
    );
    assert.equal(a.header?.fields[0].value?.text, '9/16/2013');
  });

  test('never throws, and keeps every range inside the text', () => {
    const inputs = [
      '',
      '\n',
      '\f',
      ':',
      ': Upheld',
      'Decision rationale:',
      'x'.repeat(100_000),
      '\u0000\u0001binary',
      VALID_LETTER.slice(0, 777),
      'Claims Administrator guideline:\n'.repeat(50),
      'A: Upheld\n'.repeat(100),
    ];
    for (let cut = 0; cut < VALID_LETTER.length; cut += 97) inputs.push(VALID_LETTER.slice(cut));
    for (const input of inputs) {
      const letter = parseLetter(input);
      const lines = input.split(/\r\n|\r|\n/);
      const ranges = [
        letter.header?.range,
        ...letter.sections.flatMap((s) => [s.range, s.heading.range]),
        ...letter.items.flatMap((i) => [i.range, i.title.range, ...i.fields.map((f) => f.range)]),
      ];
      for (const r of ranges) {
        if (!r) continue;
        assert.ok(
          r.start.line <= r.end.line && r.end.line < lines.length,
          `range lines in ${JSON.stringify(input.slice(0, 30))}`,
        );
        assert.ok(r.end.character <= lines[r.end.line].length && r.start.character <= lines[r.start.line].length);
      }
    }
  });

  test('refuses binary text rather than parsing it', () => {
    const letter = parseLetter('PK\u0003\u0004\u0000\u0000garbage');
    assert.equal(letter.binary, true);
    assert.equal(letter.items.length, 0);
  });
});
