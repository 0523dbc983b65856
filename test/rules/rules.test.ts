import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLetter } from '../../server/src/letter/parse';
import { type CheckOptions, RULES, checkLetter, checkUnreadablePdf } from '../../server/src/rules';
import type { Fix, Level } from '../../server/src/rules/rule';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VALID_LETTER, doubleSpace, edit, lineOf } from '../fixtures/letters';

/** The text with a fix's edits applied, as an editor would. */
function applyFix(text: string, fix: Fix): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.imr', 'imr-letter', 1, text), fix.edits);
}

const NO_HEADER = VALID_LETTER.slice(VALID_LETTER.indexOf('                 HOW THE'));

interface Case {
  /** The letter that triggers the rule. */
  text: string;
  /** The line (containing this text) each expected finding starts on. */
  at: string[];
  message?: RegExp;
  /** Text that looks close to triggering it but must not. */
  clean: string[];
  /** Options both are checked with (the editor's size limit, say). */
  options?: CheckOptions;
}

const CASES: Record<string, Case> = {
  'letter.binary': {
    text: 'PK\u0003\u0004\u0000\u0000\u0000',
    at: ['PK'],
    clean: [VALID_LETTER, 'plain words\u0001 with one control character\nand more\n'],
  },
  'letter.empty': {
    text: '\n\f \t\r\n\n',
    at: ['\n'], // on the first line, whatever it holds
    message: /only white space/,
    clean: [VALID_LETTER, '.', '\n\n  x\n', '{>>note: to read<<}\n\n', 'PK\u0003\u0004\u0000\u0000'],
  },
  'letter.too-large': {
    text: VALID_LETTER,
    at: [
      VALID_LETTER.split('\n')
        .find((l) => l.trim())!
        .trim(),
    ],
    message: /This letter is 0\.00\d+ MB, over the 0\.001 MB limit/,
    clean: [VALID_LETTER.slice(0, 1000), 'PK\u0003\u0004\u0000\u0000'.repeat(200)],
    options: { sizeLimit: 1000 },
  },
  'letter.unrecognized': {
    text: 'Dear reader,\nthis is a shopping list.\n',
    at: ['Dear reader'],
    clean: ['', '\n\f\n\n', NO_HEADER, 'Case Number: CM16-0000001\n'],
  },
  'section.missing': {
    text: edit(VALID_LETTER, '                                CLINICAL CASE SUMMARY', ''),
    at: ['IMR ISSUES, DECISIONS'],
    message: /Missing section CLINICAL CASE SUMMARY \(expected before IMR ISSUES, DECISIONS AND RATIONALES\)/,
    clean: [
      VALID_LETTER,
      edit(VALID_LETTER, '                                CLINICAL CASE SUMMARY', 'Clinical Case Summary'),
    ],
  },
  'header.missing-field': {
    text: edit(
      edit(VALID_LETTER, 'UR Denial Date:      10/03/2016', ''),
      'Date of Injury:      09/13/2016',
      'Date of Injury:',
    ),
    at: ['Case Number:', 'Date of Injury:'],
    clean: [VALID_LETTER, NO_HEADER],
  },
  'header.bad-case-number': {
    text: edit(VALID_LETTER, 'CM16-0123456', 'CM16-123456'),
    at: ['Case Number:'],
    clean: [VALID_LETTER, edit(VALID_LETTER, 'CM16-0123456', 'CM13-0000000')],
  },
  'header.bad-date': {
    text: edit(edit(VALID_LETTER, '12/09/2016', '02/30/2017'), '10/03/2016', '2016-10-03'),
    at: ['Decision Date:', 'Decision Date:'],
    message: /not a real date|not of the form MM\/DD\/YYYY/,
    clean: [VALID_LETTER, edit(VALID_LETTER, '12/09/2016', '02/29/2016')],
  },
  'header.bad-priority': {
    text: edit(VALID_LETTER, 'Standard ', 'Urgent   '),
    at: ['Priority:'],
    clean: [VALID_LETTER, edit(VALID_LETTER, 'Standard ', 'Expedited')],
  },
  'reviewer.missing-field': {
    text: edit(VALID_LETTER, 'Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain\nManagement\n', ''),
    at: ['The Expert Reviewer has the following credentials:'],
    message: /Certification\(s\)\/Specialty is missing/,
    clean: [VALID_LETTER, doubleSpace(VALID_LETTER)],
  },
  'issues.no-items': {
    text: VALID_LETTER.slice(0, VALID_LETTER.indexOf('Hinged knee brace')),
    at: ['IMR ISSUES'],
    clean: [VALID_LETTER],
  },
  'item.missing-decision': {
    text: edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left'),
    at: ['Hinged knee brace, left'],
    clean: [VALID_LETTER, edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Labs to include: EKG: Upheld')],
  },
  'item.invalid-decision': {
    text: edit(
      edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left: Uphled'),
      'refills: Overturned',
      'refills: overturned',
    ),
    at: ['Hinged knee brace, left', 'refills:'],
    clean: [VALID_LETTER],
  },
  'item.missing-field': {
    text: edit(
      VALID_LETTER,
      'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004, Section(s):\nInitial Care.\n',
      '',
    ),
    at: ['Hinged knee brace'],
    message: /is missing MAXIMUS guideline\.$/,
    clean: [VALID_LETTER, doubleSpace(VALID_LETTER)],
  },
  'item.empty-field': {
    text: edit(
      VALID_LETTER,
      'Decision rationale: The guidelines support a brace for instability only. No instability is\ndocumented. Therefore the request for a hinged knee brace is not medically necessary.',
      'Decision rationale:',
    ),
    at: ['Decision rationale:'],
    clean: [VALID_LETTER],
  },
  'citation.unresolved': {
    text: edit(
      edit(VALID_LETTER, 'Decision based on MTUS Knee Complaints 2004.', 'Decision based on MTUS Knee Troubles 2004.'),
      'Section(s):\nInitial Care.',
      'Section(s):\nMagic Cures.',
    ),
    at: ['Claims Administrator guideline: Decision based on MTUS Knee Troubles', 'Magic Cures'],
    clean: [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        'Decision based on MTUS Knee Complaints 2004.',
        'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & Leg, Unloader braces.',
      ),
    ],
  },
  'citation.page-out-of-range': {
    text: edit(
      VALID_LETTER,
      'Decision based on MTUS Knee Complaints 2004.',
      'Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300, 400.',
    ),
    at: ['Page(s): 300, 400'],
    message: /Page 400 is outside ACOEM Ch\. 12 Low Back Complaints, pp\. 286–326\./,
    clean: [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        'Decision based on MTUS Knee Complaints 2004.',
        'Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300-309.',
      ),
    ],
  },
  'citation.bad-page-list': {
    text: edit(
      VALID_LETTER,
      'Decision based on MTUS Knee Complaints 2004.',
      'Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints page(s) 179-171.',
    ),
    at: ['page(s) 179-171'],
    clean: [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        'Decision based on MTUS Knee Complaints 2004.',
        'Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints page(s) 171-\n171, 177-179.',
      ),
    ],
  },
  'citation.maximus-non-mtus-only': {
    text: edit(
      VALID_LETTER,
      'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004, Section(s):\nInitial Care.',
      'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG),\nKnee & Leg.',
    ),
    at: ['MAXIMUS guideline: Decision based on Non-MTUS'],
    clean: [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.',
        'Claims Administrator guideline: Decision based on Non-MTUS Citation ODG, Knee.',
      ),
    ],
  },
  'item.decision-contradicts-rationale': {
    text: edit(
      VALID_LETTER,
      'a hinged knee brace is not medically necessary.',
      'a hinged knee brace is medically necessary.',
    ),
    at: ['Hinged knee brace, left: Upheld'],
    message: /is Upheld, but its rationale concludes the treatment is medically necessary \(which means Overturned\)/,
    clean: [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        'a hinged knee brace is not medically necessary.',
        'a hinged knee brace is determined to be not medically necessary.',
      ),
      edit(
        VALID_LETTER,
        'Tramadol ER 100mg #30 is medically necessary.',
        'Tramadol ER 100mg #30 is deemed medically appropriate.',
      ),
      edit(
        VALID_LETTER,
        'Therefore the request for a hinged knee brace is not medically necessary.',
        'No, the request for a hinged knee brace was not medically necessary, medically appropriate, or indicated here.',
      ),
    ],
  },
  'item.no-conclusion': {
    text: edit(
      VALID_LETTER,
      'Therefore the request for a hinged knee brace is not medically necessary.',
      'A brace will not help.',
    ),
    at: ['Decision rationale: The guidelines support a brace'],
    clean: [VALID_LETTER],
  },
  'item.conclusion-names-other-treatment': {
    text: edit(
      VALID_LETTER,
      'Therefore the request for a hinged knee brace is not medically necessary.',
      'Therefore the request for lumbar epidural injections is not medically necessary.',
    ),
    at: ['Therefore the request for lumbar'],
    clean: [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        'Therefore the request for a hinged knee brace is not medically necessary.',
        'Therefore the request is not medically necessary.',
      ),
    ],
  },
  'suppression.unknown-rule': {
    text: edit(
      VALID_LETTER,
      'Hinged knee brace, left: Upheld',
      'Hinged knee brace, left: Upheld {>>imr-disable-line item.nope<<}',
    ),
    at: ['Hinged knee brace, left: Upheld'],
    clean: [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        'Hinged knee brace, left: Upheld',
        'Hinged knee brace, left: Upheld {>>imr-disable-line item.missing-field<<}',
      ),
    ],
  },
  'header.dates-out-of-order': {
    text: edit(VALID_LETTER, 'UR Denial Date:      10/03/2016', 'UR Denial Date:      08/03/2016'),
    at: ['UR Denial Date:'],
    message: /UR Denial Date 08\/03\/2016 is before Date of Injury 09\/13\/2016\./,
    clean: [VALID_LETTER, edit(VALID_LETTER, 'UR Denial Date:      10/03/2016', 'UR Denial Date:      09/13/2016')],
  },
  'header.future-date': {
    text: edit(
      edit(VALID_LETTER, 'Decision Date:        12/09/2016', 'Decision Date:        12/09/2099'),
      'Date Assigned:        11/09/2016',
      'Date Assigned:        11/09/2098',
    ),
    at: ['Date Assigned:', 'Decision Date:'],
    clean: [VALID_LETTER],
  },
  'summary.injury-date-mismatch': {
    text: edit(VALID_LETTER, 'industrial injury on 09-13-16', 'industrial injury on 09-13-15'),
    at: ['industrial injury on 09-13-15'],
    clean: [
      VALID_LETTER,
      edit(VALID_LETTER, 'industrial injury on 09-13-16', 'industrial injury of September 13, 2016'),
      NO_HEADER,
    ],
  },
  'summary.undecided-treatment': {
    text: edit(
      VALID_LETTER,
      'includes a knee brace and tramadol.',
      'includes a knee brace, tramadol and a lumbar MRI.',
    ),
    at: ['includes a knee brace'],
    message: /"a lumbar MRI"/,
    clean: [VALID_LETTER],
  },
  'section.duplicate': {
    text: edit(
      VALID_LETTER,
      '\nThe injured worker is a 51',
      '\n                                CLINICAL CASE SUMMARY\nThe injured worker is a 51',
    ),
    at: ['CLINICAL CASE SUMMARY\nThe injured'],
    clean: [VALID_LETTER],
  },
  'section.out-of-order': {
    text: VALID_LETTER.replace(/(\n +CLINICAL CASE SUMMARY[\s\S]*?)(\n +IMR ISSUES[\s\S]*)$/, '$2$1'),
    at: ['CLINICAL CASE SUMMARY'],
    clean: [VALID_LETTER],
  },
  'item.duplicate': {
    text: edit(
      VALID_LETTER,
      'Tramadol ER 100mg #30 day supply: 30 with two\nrefills: Overturned',
      'Hinged knee brace, left: Overturned',
    ),
    at: ['Hinged knee brace, left: Overturned'],
    clean: [VALID_LETTER],
  },
  'label.nonstandard': {
    text: edit(
      edit(
        VALID_LETTER,
        'MAXIMUS guideline: Decision based on MTUS Knee',
        'Maximus Guideline: Decision based on MTUS Knee',
      ),
      'Claims Administrator guideline: The Claims',
      'Claims Adminstrator guideline: The Claims',
    ),
    at: ['Maximus Guideline:', 'Claims Adminstrator guideline:'],
    clean: [VALID_LETTER],
  },
  'text.split-word': {
    // Only a hyphen that ends a line (white space after it allowed) splits a word.
    text: edit(
      edit(VALID_LETTER, 'No instability is\n', 'No red-\nflag instability is '),
      'Short-term use is supported',
      'Short-term use is sup- \nported',
    ),
    at: ['No red-', 'Short-term use is sup-'],
    message: /"red-" ends a line and "flag" starts the next: read as one word, "red-flag"|"sup-" ends a line/,
    clean: [
      VALID_LETTER,
      // A mid-line "- " is punctuation; a hyphen before "and" is English; a paragraph break ends the word.
      edit(
        VALID_LETTER,
        'No instability is',
        'No red- flag, guidelines- low back chapter, FDA- approved instability is',
      ),
      edit(VALID_LETTER, 'No instability is\n', 'No pre-\nand post-operative instability is '),
      edit(VALID_LETTER, 'documented. Therefore the request', 'documented. Therefore the request-\n\nfor'),
    ],
  },
  'text.form-feed-in-field': {
    text: edit(VALID_LETTER, '\ndocumented. Therefore', '\n\fdocumented. Therefore'),
    at: ['documented. Therefore'],
    message: /splits this sentence/,
    clean: [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        '\nClaims Administrator guideline: Decision based on MTUS Knee',
        '\n\fClaims Administrator guideline: Decision based on MTUS Knee',
      ),
      // Between two sentences, and at an item's start: where PDFs break pages.
      edit(VALID_LETTER, 'No instability is\ndocumented. Therefore', 'No instability is documented.\n\fTherefore'),
      edit(VALID_LETTER, 'is not medically necessary.\n\nTramadol', 'is not medically necessary.\n\fTramadol'),
    ],
  },
  'annotation.unclosed': {
    text: edit(VALID_LETTER, 'No instability is', 'No {>>question: really? instability is'),
    at: ['No {>>question'],
    clean: [VALID_LETTER, edit(VALID_LETTER, 'No instability is', 'No {>>question: really?<<} instability is')],
  },
  'annotation.malformed': {
    text: edit(VALID_LETTER, 'No instability is', 'No {~~instability unsteadiness~~} is'),
    at: ['No {~~instability'],
    clean: [VALID_LETTER, edit(VALID_LETTER, 'No instability is', 'No {~~instability~>unsteadiness~~} is')],
  },
  'annotation.unknown-kind': {
    text: edit(VALID_LETTER, 'No instability is', 'No {==instability==}{>>apeal-fact: the exam shows laxity<<} is'),
    at: ['apeal-fact'],
    message: /"apeal-fact" is not an annotation kind/,
    clean: [
      VALID_LETTER,
      edit(VALID_LETTER, 'No instability is', 'No {==instability==}{>>appeal-fact: the exam shows laxity<<} is'),
      edit(VALID_LETTER, 'No instability is', 'No {>>Dr. Lee: see the 10/19 note<<} instability is'),
    ],
  },
  'annotation.nested': {
    text: edit(
      VALID_LETTER,
      'No instability is',
      'No {==insta{>>note: a comment inside the highlight<<}bility==}{>>appeal-fact: laxity<<} is',
    ),
    at: ['No {==insta'],
    message: /inside another highlight \(line \d+\)/,
    clean: [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        'No instability is',
        'No {==instability==}{>>note: a comment after the highlight<<}{>>appeal-fact: laxity<<} is',
      ),
      edit(VALID_LETTER, 'No instability is', 'No {==instability==} {++really++} {~~is~>was~~}'),
    ],
  },
  'annotation.todo': {
    text: edit(VALID_LETTER, 'No instability is', 'No {>>todo: request the exam notes<<}instability is'),
    at: ['todo:'],
    clean: [
      VALID_LETTER,
      edit(VALID_LETTER, 'No instability is', 'No {>>note: request the exam notes<<}instability is'),
    ],
  },
};

describe('rules', () => {
  test('the valid fixture letter has no finding, in every spacing and line ending', () => {
    for (const text of [VALID_LETTER, NO_HEADER, doubleSpace(VALID_LETTER), VALID_LETTER.replace(/\n/g, '\r\n')]) {
      assert.deepEqual(checkLetter(parseLetter(text)), []);
    }
  });

  test('a letter over the size limit gets that one finding and no other check', () => {
    const broken = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left: Uphled');
    assert.ok(checkLetter(parseLetter(broken)).length > 0);
    assert.deepEqual(
      checkLetter(parseLetter(broken), { sizeLimit: 1000 }).map((p) => p.ruleId),
      ['letter.too-large'],
    );
    assert.deepEqual(
      checkLetter(parseLetter(broken), { sizeLimit: broken.length }).map((p) => p.ruleId),
      checkLetter(parseLetter(broken)).map((p) => p.ruleId),
    );
  });

  test('letter.empty: a file of no bytes is called empty, and gets no other finding', () => {
    assert.deepEqual(
      checkLetter(parseLetter('')).map((p) => [p.ruleId, p.message]),
      [['letter.empty', 'This file is empty: there is no letter to check.']],
    );
    assert.deepEqual(
      checkLetter(parseLetter('\f\n\n\n')).map((p) => p.ruleId),
      ['letter.empty'],
    );
  });

  test('every rule that reads text has a fixture that triggers it', () => {
    assert.deepEqual(
      RULES.filter((r) => r.check || r.checkItem)
        .map((r) => r.id)
        .filter((id) => !CASES[id]),
      [],
    );
    // The one that does not: its PDFs are in test/cli/pdf.test.ts and test/lsp/pdf.test.ts.
    assert.deepEqual(
      RULES.filter((r) => !r.check && !r.checkItem).map((r) => r.id),
      ['letter.pdf-unreadable'],
    );
  });

  test("letter.pdf-unreadable: the reader's message at the letter's start, at the level set, none when off", () => {
    const message = 'this PDF has no text: it is a scanned image; run OCR first';
    const start = { line: 0, character: 0 };
    assert.deepEqual(checkUnreadablePdf(message), [
      { range: { start, end: start }, message, ruleId: 'letter.pdf-unreadable', severity: 'error' },
    ]);
    assert.equal(checkUnreadablePdf(message, { rules: { 'letter.pdf-unreadable': 'warning' } })[0].severity, 'warning');
    assert.equal(
      checkUnreadablePdf(message, { rules: { 'letter.pdf-unreadable': 'loud' as Level } })[0].severity,
      'error',
    );
    assert.deepEqual(checkUnreadablePdf(message, { rules: { 'letter.pdf-unreadable': 'off' } }), []);
    assert.deepEqual(
      checkLetter(parseLetter('')).map((p) => p.ruleId),
      ['letter.empty'],
      'text, even none, never gets it',
    );
  });

  for (const rule of RULES) {
    const c = CASES[rule.id];
    if (!c) continue;
    test(`${rule.id}: fires where expected`, () => {
      const mine = checkLetter(parseLetter(c.text), c.options).filter((p) => p.ruleId === rule.id);
      assert.deepEqual(
        mine.map((p) => p.range.start.line),
        c.at.map((needle) => (c.text ? lineOf(c.text, needle) : 0)),
      );
      if (c.message)
        assert.ok(
          mine.some((p) => c.message!.test(p.message)),
          mine.map((p) => p.message).join('\n'),
        );
      for (const p of mine) assert.equal(p.severity, rule.severity);
    });
    test(`${rule.id}: stays quiet on near misses`, () => {
      for (const text of c.clean)
        assert.deepEqual(
          checkLetter(parseLetter(text), c.options).filter((p) => p.ruleId === rule.id),
          [],
          JSON.stringify(text.slice(0, 60)),
        );
    });
    const fixable = checkLetter(parseLetter(c.text)).filter((x) => x.ruleId === rule.id && x.fixes?.().length);
    if (fixable.length === 0) continue;
    test(`${rule.id}: each fix removes its finding and brings no new one`, () => {
      const before = checkLetter(parseLetter(c.text));
      const key = (p: { ruleId: string; message: string }) => `${p.ruleId}: ${p.message}`;
      for (const p of fixable) {
        for (const fix of p.fixes!()) {
          const after = checkLetter(parseLetter(applyFix(c.text, fix)));
          assert.ok(!after.some((a) => key(a) === key(p)), `${fix.title} did not remove: ${p.message}`);
          const fresh = after.filter((a) => !before.some((b) => key(b) === key(a)));
          assert.deepEqual(fresh.map(key), [], `${fix.title} brought new findings`);
        }
      }
    });
  }

  test('levels are configurable per rule, "off" silences a rule, and a malformed level keeps the default', () => {
    const text = CASES['header.bad-priority'].text;
    const letter = parseLetter(text);
    assert.equal(checkLetter(letter, { rules: { 'header.bad-priority': 'hint' } })[0].severity, 'hint');
    assert.deepEqual(checkLetter(letter, { rules: { 'header.bad-priority': 'off' } }), []);
    assert.equal(checkLetter(letter, { rules: { 'header.bad-priority': 'loud' as never } })[0].severity, 'error');
  });

  test('inline directives silence rules for a line, the next line, a stretch, or the letter', () => {
    const broken = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left: Uphled');
    const ids = (text: string) => checkLetter(parseLetter(text)).map((p) => p.ruleId);
    assert.deepEqual(ids(broken), ['item.invalid-decision']);
    const forms = [
      edit(broken, 'left: Uphled', 'left: Uphled {>>imr-disable-line item.invalid-decision<<}'),
      edit(broken, 'left: Uphled', 'left: Uphled {>>imr-disable-line<<}'),
      edit(
        broken,
        '\nHinged knee brace, left: Uphled',
        ' {>>imr-disable-next-line item.invalid-decision<<}\nHinged knee brace, left: Uphled',
      ),
      edit(
        broken,
        'IMR ISSUES, DECISIONS AND RATIONALES',
        'IMR ISSUES, DECISIONS AND RATIONALES {>>imr-disable item.invalid-decision<<}',
      ),
      edit(broken, 'Case Number:', '{>>imr-disable-file item.invalid-decision, header.bad-date<<}Case Number:'),
    ];
    for (const text of forms) assert.deepEqual(ids(text), [], text.slice(0, 40));
    // Another rule's directive, or a stretch that was closed again, silences nothing.
    assert.deepEqual(ids(edit(broken, 'left: Uphled', 'left: Uphled {>>imr-disable-line item.missing-field<<}')), [
      'item.invalid-decision',
    ]);
    const closed = edit(
      edit(broken, 'CLINICAL CASE SUMMARY', 'CLINICAL CASE SUMMARY {>>imr-disable<<}'),
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'IMR ISSUES, DECISIONS AND RATIONALES {>>imr-enable<<}',
    );
    assert.deepEqual(ids(closed), ['item.invalid-decision']);
  });

  test('misspelled decisions get a fix to the decision they mean', () => {
    const text = CASES['item.invalid-decision'].text;
    const fixes = checkLetter(parseLetter(text))
      .flatMap((p) => p.fixes?.() ?? [])
      .map((f) => f.edits[0].newText);
    assert.deepEqual(fixes, ['Upheld', 'Overturned']);
  });
});
