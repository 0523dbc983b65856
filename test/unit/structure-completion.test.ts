import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompletionItem, CompletionItemKind, InsertTextFormat, type TextEdit } from 'vscode-languageserver-types';
import { structureCompletions } from '../../server/src/features/structure-completion';
import type { Letter } from '../../server/src/letter/model';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';

const TODAY = new Date(2017, 1, 1);

/** Completions at a line and column (the line's end by default), the way the server will ask. */
function complete(text: string, line: number, character?: number): CompletionItem[] {
  const lineText = text.split(/\r\n|\r|\n/)[line];
  const at = character ?? lineText.length;
  const items = structureCompletions(parseLetter(text), { line, character: at }, lineText.slice(0, at));
  checkShape(items, line, at, lineText.slice(0, at));
  return items;
}

/** Completions at the end of the line that holds `needle` (its first occurrence). */
function completeAfter(text: string, needle: string): CompletionItem[] {
  const line = lineOf(text, needle);
  const lineText = text.split('\n')[line];
  return complete(text, line, lineText.indexOf(needle) + needle.length);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

/** Every item: an edit replacing exactly what was typed on the line, a filter text, a detail; no label twice; listed in sortText order. */
function checkShape(items: CompletionItem[], line: number, character: number, prefix: string) {
  const typedFrom = prefix.length - prefix.trimStart().length;
  for (const item of items) {
    const edit = item.textEdit as TextEdit;
    assert.ok(edit && 'range' in edit, `${item.label}: has a textEdit`);
    assert.deepEqual(edit.range.end, { line, character }, `${item.label}: edit ends at the cursor`);
    assert.equal(edit.range.start.line, line);
    assert.ok(
      edit.range.start.character >= typedFrom && edit.range.start.character <= character,
      `${item.label}: edit replaces only what was typed`,
    );
    assert.ok(item.filterText, `${item.label}: filterText`);
    assert.ok(item.detail, `${item.label}: detail`);
    assert.ok(item.sortText, `${item.label}: sortText`);
  }
  assert.equal(new Set(labels(items)).size, items.length, 'no duplicates');
  const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
  assert.deepEqual(labels(sorted), labels(items), 'listed in sortText order');
}

/** A snippet with every placeholder left at its default text (the first choice for a choice). */
function expand(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** The text with the completion applied; snippets with their placeholders filled in by their defaults. */
function accept(text: string, item: CompletionItem): string {
  const e = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? expand(e.newText) : e.newText;
  return TextDocument.applyEdits(TextDocument.create('file:///l.imr', 'imr-letter', 1, text), [
    { range: e.range, newText },
  ]);
}

const pick = (items: CompletionItem[], label: string) => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `offered ${label}; got ${JSON.stringify(labels(items))}`);
  return item;
};

const errorsAndWarnings = (letter: Letter) =>
  checkLetter(letter, { today: TODAY }).filter((p) => p.severity === 'error' || p.severity === 'warning');

const HEADING = {
  determination: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
  summary: 'CLINICAL CASE SUMMARY',
  issues: 'IMR ISSUES, DECISIONS AND RATIONALES',
};

// The letter without its CLINICAL CASE SUMMARY heading: the summary's text runs on in the determination section.
const NO_SUMMARY_HEADING = edit(VALID_LETTER, /\n +CLINICAL CASE SUMMARY\n/, '\n\n');
// The first item without its MAXIMUS guideline.
const NO_MAXIMUS = edit(
  VALID_LETTER,
  /MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004, Section\(s\):\nInitial Care.\n\n/,
  '',
);
// A header written one label a line, lacking the UR denial date and the priority.
const PARTIAL_HEADER = [
  'Case Number: CM16-0123456',
  'Date Assigned: 11/09/2016',
  'Date of Injury: 09/13/2016',
  'Decision Date: 12/09/2016',
  'Application Received: 11/01/2016',
  '',
  '',
  VALID_LETTER.slice(VALID_LETTER.indexOf('                 HOW THE')),
].join('\n');
// The letter as pasted from its first heading on, with an empty line above it.
const NO_HEADER = `\n${VALID_LETTER.slice(VALID_LETTER.indexOf('                 HOW THE'))}`;

describe('structure completion: section headings', () => {
  test('offers the missing heading where it belongs; accepting it gives the letter that section', () => {
    const line = lineOf(NO_SUMMARY_HEADING, 'Management') + 1; // the empty line after the credentials
    const items = complete(NO_SUMMARY_HEADING, line);
    assert.deepEqual(labels(items), [HEADING.summary]);
    assert.equal(items[0].kind, CompletionItemKind.Module);
    const after = parseLetter(accept(NO_SUMMARY_HEADING, items[0]));
    assert.deepEqual(
      after.sections.map((s) => s.kind),
      ['determination', 'summary', 'issues'],
    );
    assert.equal(after.sections[1].heading.range.start.line, line);
  });

  test('several missing: the one expected next first, the others after it, each in layout order', () => {
    const onlySummary = VALID_LETTER.replace(/\n +HOW THE IMR FINAL DETERMINATION WAS MADE\n/, '\n\n').replace(
      /\n +IMR ISSUES, DECISIONS AND RATIONALES\n/,
      '\n\n',
    );
    const items = complete(onlySummary, lineOf(onlySummary, 'requested treatment includes') + 1);
    assert.deepEqual(labels(items), [HEADING.issues, HEADING.determination]);
    assert.ok(items[0].sortText! < items[1].sortText!);
    assert.match(items[1].detail!, /elsewhere/);
    // In the header zone of the same letter the determination heading is the one expected.
    const top = complete(onlySummary, 5);
    assert.deepEqual(labels(top), [HEADING.determination, HEADING.issues]);
  });

  test('a few typed letters filter the headings and are replaced, whatever their case', () => {
    const line = lineOf(NO_SUMMARY_HEADING, 'Management') + 1;
    const typed = edit(NO_SUMMARY_HEADING, 'Management\n', 'Management\n   clin');
    const items = complete(typed, line);
    assert.deepEqual(labels(items), [HEADING.summary]);
    assert.deepEqual((items[0].textEdit as TextEdit).range.start, { line, character: 3 });
    const after = accept(typed, items[0]);
    assert.equal(after.split('\n')[line], `   ${HEADING.summary}`);
    assert.deepEqual(
      parseLetter(after).sections.map((s) => s.kind),
      ['determination', 'summary', 'issues'],
    );
  });

  test('near miss: a letter with every section, prose typed at the start of a line, a heading typed out, get none', () => {
    assert.deepEqual(complete(VALID_LETTER, lineOf(VALID_LETTER, 'Management') + 1), []);
    const prose = edit(NO_SUMMARY_HEADING, 'Management\n', 'Management\nThe injured');
    assert.deepEqual(complete(prose, lineOf(prose, 'The injured')), []);
    const typedOut = edit(NO_SUMMARY_HEADING, 'Management\n', `Management\n${HEADING.summary}`);
    assert.deepEqual(complete(typedOut, lineOf(typedOut, HEADING.summary)), []);
  });
});

describe("structure completion: an item's fields", () => {
  test('inside an item: the field it lacks, followed by a space; accepting it gives the item that field', () => {
    const line = lineOf(NO_MAXIMUS, 'Claims Administrator guideline: Decision based on MTUS Knee') + 1;
    const items = complete(NO_MAXIMUS, line);
    assert.deepEqual(labels(items), ['MAXIMUS guideline:']);
    assert.equal((items[0].textEdit as TextEdit).newText, 'MAXIMUS guideline: ');
    assert.match(items[0].detail!, /Hinged knee brace/);
    const after = accept(NO_MAXIMUS, items[0]).replace(
      'MAXIMUS guideline: ',
      'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.',
    );
    const item = parseLetter(after).items[0];
    assert.deepEqual(
      item.fields.map((f) => f.kind),
      ['claimsAdministratorGuideline', 'maximusGuideline', 'rationale'],
    );
  });

  test('right after an item line with no fields: all three, in order; a typed letter filters and is replaced', () => {
    const bare = `${VALID_LETTER}\nAcupuncture x6: Upheld\n`;
    const line = lineOf(bare, 'Acupuncture x6') + 1;
    assert.deepEqual(labels(complete(bare, line)).slice(0, 3), [
      'Claims Administrator guideline:',
      'MAXIMUS guideline:',
      'Decision rationale:',
    ]);
    const typed = `${VALID_LETTER}\nAcupuncture x6: Upheld\nCl`;
    const items = complete(typed, line);
    assert.deepEqual(labels(items), ['Claims Administrator guideline:']);
    assert.deepEqual((items[0].textEdit as TextEdit).range, {
      start: { line, character: 0 },
      end: { line, character: 2 },
    });
    const item = parseLetter(accept(typed, items[0]) + 'Decision based on MTUS Acupuncture Treatment 2007.').items[2];
    assert.equal(item.name, 'Acupuncture x6');
    assert.deepEqual(
      item.fields.map((f) => f.kind),
      ['claimsAdministratorGuideline'],
    );
  });

  test('near miss: a complete item, words in a rationale, and the start of an existing field line get none', () => {
    assert.deepEqual(complete(VALID_LETTER, lineOf(VALID_LETTER, 'Initial Care.') + 1), []);
    assert.deepEqual(completeAfter(VALID_LETTER, 'documented. Therefore the'), []);
    assert.deepEqual(complete(NO_MAXIMUS, lineOf(NO_MAXIMUS, 'Decision rationale: The guidelines'), 0), []);
  });
});

describe("structure completion: the decision after an item line's colon", () => {
  test('a partly typed decision: Upheld, explained for the worker, replacing what was typed; accepting it gives the decision', () => {
    const typed = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left: U');
    const line = lineOf(typed, 'Hinged knee brace');
    const items = complete(typed, line);
    assert.deepEqual(labels(items), ['Upheld']);
    assert.equal(items[0].kind, CompletionItemKind.EnumMember);
    assert.match(String(items[0].documentation), /denial stands.*not authorized/);
    assert.deepEqual((items[0].textEdit as TextEdit).range, {
      start: { line, character: 25 },
      end: { line, character: 26 },
    });
    const item = parseLetter(accept(typed, items[0])).items[0];
    assert.equal(item.decision?.value, 'Upheld');
  });

  test('nothing typed after the colon: Upheld then Overturned; a new item after the last one becomes an item', () => {
    const undecided = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left:');
    const items = completeAfter(undecided, 'Hinged knee brace, left:');
    assert.deepEqual(labels(items), ['Upheld', 'Overturned']);
    assert.match(String(items[1].documentation), /reversed.*must authorize/);
    assert.equal((items[1].textEdit as TextEdit).newText, ' Overturned'); // the space letters put after the colon
    assert.equal(parseLetter(accept(undecided, items[1])).items[0].decision?.value, 'Overturned');

    const appended = `${VALID_LETTER}\nAcupuncture x6: Ov`;
    const more = completeAfter(appended, 'Acupuncture x6: Ov');
    assert.deepEqual(labels(more), ['Overturned']);
    const letter = parseLetter(accept(appended, more[0]));
    assert.deepEqual(letter.items.map((i) => [i.name, i.decision?.value]).slice(2), [['Acupuncture x6', 'Overturned']]);
  });

  test('near miss: a colon inside a rationale or a guideline, the lead sentence, a field label, before a written decision', () => {
    const rationale = edit(
      VALID_LETTER,
      'No instability is\ndocumented.',
      'No instability is\ndocumented in these records:\nnone.',
    );
    assert.deepEqual(completeAfter(rationale, 'documented in these records:'), []);
    assert.deepEqual(completeAfter(VALID_LETTER, 'Opioids for Acute Pain: '), []);
    assert.deepEqual(completeAfter(VALID_LETTER, 'set forth below:'), []);
    assert.deepEqual(completeAfter(VALID_LETTER, 'Decision rationale:'), []);
    assert.deepEqual(completeAfter(VALID_LETTER, 'Hinged knee brace, left: '), []); // "Upheld" follows the cursor
    assert.deepEqual(completeAfter(VALID_LETTER, 'CM16-0123456'), []);
    assert.deepEqual(completeAfter(VALID_LETTER, 'Hinged knee brace, left: Upheld'), []); // written out already
  });

  test('the professional-review layout: the decision of an issue listed under ISSUE AT DISPUTE:', () => {
    const review =
      'MEDICAL PROFESSIONAL REVIEW\n\nISSUE AT DISPUTE:\nPhysical therapy for the left knee: \n\nCASE SUMMARY:\nThe injured worker is a 47 year old male.\n';
    const items = completeAfter(review, 'left knee: ');
    assert.deepEqual(labels(items), ['Upheld', 'Overturned']);
    const letter = parseLetter(accept(review, items[0]));
    assert.equal(letter.layout.id, 'professional-review');
    assert.deepEqual(
      letter.items.map((i) => [i.name, i.decision?.value]),
      [['Physical therapy for the left knee', 'Upheld']],
    );
    assert.deepEqual(completeAfter(review, 'CASE SUMMARY:'), []); // a heading ending in a colon
  });
});

describe('structure completion: the header', () => {
  test('the labels the header lacks, in order; accepting one gives the header that field', () => {
    const line = lineOf(PARTIAL_HEADER, 'Application Received') + 1;
    const items = complete(PARTIAL_HEADER, line);
    assert.deepEqual(labels(items), ['UR Denial Date:', 'Priority:']);
    const after = accept(PARTIAL_HEADER, items[0]).replace('UR Denial Date: ', 'UR Denial Date: 10/03/2016');
    const header = parseLetter(after).header!;
    assert.deepEqual(
      header.fields.map((f) => f.key),
      ['caseNumber', 'dateAssigned', 'dateOfInjury', 'decisionDate', 'applicationReceived', 'urDenialDate'],
    );
    assert.equal(header.fields[5].value?.text, '10/03/2016');
    const typed = PARTIAL_HEADER.replace('11/01/2016\n\n', '11/01/2016\nPri\n');
    assert.deepEqual(labels(complete(typed, line)), ['Priority:']);
  });

  test('`Application` typed alone (how extractors wrap the label) still completes to Application Received:', () => {
    const noApplication = PARTIAL_HEADER.replace('Application Received: 11/01/2016\n', 'Application');
    const items = complete(noApplication, lineOf(noApplication, 'Application'));
    assert.deepEqual(labels(items), ['Application Received:']);
    assert.deepEqual((items[0].textEdit as TextEdit).range.start, { line: 4, character: 0 });
  });

  test('near miss: a complete header gets none, and neither does a line holding a label', () => {
    assert.deepEqual(complete(VALID_LETTER, 5), []);
    assert.deepEqual(complete(VALID_LETTER, 1, 0), []);
  });
});

describe("structure completion: the reviewer's credentials", () => {
  test('in HOW THE IMR FINAL DETERMINATION WAS MADE: the credential missing; accepting it gives the reviewer that field', () => {
    const noSpecialty = edit(
      VALID_LETTER,
      'Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain\nManagement\n',
      '',
    );
    const line = lineOf(noSpecialty, 'State(s) of Licensure') + 1;
    const items = complete(noSpecialty, line);
    assert.deepEqual(labels(items), ['Certification(s)/Specialty:']);
    const after = accept(noSpecialty, items[0]).replace('Specialty: ', 'Specialty: Family Practice');
    assert.deepEqual(
      parseLetter(after).reviewer.fields.map((f) => [f.kind, f.value?.text]),
      [
        ['licensure', 'California,Oregon'],
        ['specialty', 'Family Practice'],
      ],
    );
    const none = edit(
      VALID_LETTER,
      'State(s) of Licensure: California,Oregon\nCertification(s)/Specialty: Physical Medicine & Rehabilitation, Pain\nManagement\n',
      '',
    );
    assert.deepEqual(labels(complete(none, lineOf(none, 'The Expert Reviewer') + 1)), [
      'State(s) of Licensure:',
      'Certification(s)/Specialty:',
    ]);
  });

  test('near miss: both credentials present, and outside that section, get none', () => {
    assert.deepEqual(complete(VALID_LETTER, lineOf(VALID_LETTER, 'The Expert Reviewer') - 1), []);
    const noSpecialty = edit(
      VALID_LETTER,
      'Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain\nManagement\n',
      '',
    );
    assert.deepEqual(complete(noSpecialty, lineOf(noSpecialty, 'case file, including') + 1), []);
  });
});

describe('structure completion: snippets', () => {
  test('an empty document: the letter skeleton first, then the header block, header labels and headings', () => {
    const items = complete('', 0);
    assert.deepEqual(labels(items).slice(0, 3), ['IMR letter skeleton', 'IMR header block', 'Case Number:']);
    assert.deepEqual(labels(items).slice(-3), [HEADING.determination, HEADING.summary, HEADING.issues]);
    for (const s of items.filter((i) => i.kind === CompletionItemKind.Snippet)) {
      assert.equal(s.insertTextFormat, InsertTextFormat.Snippet);
      assert.match((s.textEdit as TextEdit).newText, /\$\{1:/);
    }
  });

  test('the skeleton, its placeholders left at their defaults, parses into a whole letter the checks pass', () => {
    const skeleton = pick(complete('', 0), 'IMR letter skeleton');
    assert.match((skeleton.textEdit as TextEdit).newText, /\$\{\d+\|Upheld,Overturned\|\}/);
    const letter = parseLetter(accept('', skeleton));
    assert.ok(letter.recognized);
    assert.equal(letter.layout.id, 'final-determination');
    assert.deepEqual(
      letter.sections.map((s) => s.kind),
      ['determination', 'summary', 'issues'],
    );
    assert.deepEqual(
      letter.header!.fields.map((f) => f.key),
      ['caseNumber', 'dateAssigned', 'dateOfInjury', 'decisionDate', 'urDenialDate', 'priority', 'applicationReceived'],
    );
    assert.ok(letter.header!.fields.every((f) => f.value));
    assert.deepEqual(
      letter.reviewer.fields.map((f) => f.kind),
      ['licensure', 'specialty'],
    );
    assert.equal(letter.items.length, 1);
    assert.equal(letter.items[0].decision?.value, 'Upheld');
    assert.deepEqual(
      letter.items[0].fields.map((f) => f.kind),
      ['claimsAdministratorGuideline', 'maximusGuideline', 'rationale'],
    );
    assert.deepEqual(errorsAndWarnings(letter), []);
    // The one remark left is true of any unwritten rationale: it does not yet conclude whether the
    // treatment is medically necessary (an information, not a warning). A default conclusion would
    // contradict whichever decision the writer chooses.
    assert.deepEqual(
      checkLetter(letter, { today: TODAY }).map((p) => [p.ruleId, p.severity]),
      [['item.no-conclusion', 'information']],
    );
  });

  test('a letter with sections but no header: the header block at the top; accepted, the header is whole', () => {
    const items = complete(NO_HEADER, 0);
    assert.deepEqual(labels(items).slice(0, 2), ['IMR header block', 'Case Number:']);
    assert.ok(!labels(items).includes('IMR letter skeleton'));
    const letter = parseLetter(accept(NO_HEADER, items[0]));
    assert.equal(letter.header?.fields.length, 7);
    // No errors. The one warning is the checks doing their job: the placeholder injury date is not
    // the date this letter's case summary gives, and stays flagged until the real one is written.
    assert.deepEqual(
      errorsAndWarnings(letter).map((p) => p.ruleId),
      ['summary.injury-date-mismatch'],
    );
  });

  test('in the issues section between items: a disputed item; accepted, the letter has one more item, decided', () => {
    const text = `${VALID_LETTER}\n`;
    const items = complete(text, lineOf(text, 'Tramadol ER 100mg #30 is medically necessary.') + 2);
    assert.deepEqual(labels(items), ['Disputed item']);
    assert.match((items[0].textEdit as TextEdit).newText, /^\$\{1:[^}]+\}: \$\{2\|Upheld,Overturned\|\}\n/);
    const letter = parseLetter(accept(text, items[0]));
    assert.equal(letter.items.length, 3);
    assert.equal(letter.items[2].decision?.value, 'Upheld');
    assert.deepEqual(
      letter.items[2].fields.map((f) => f.kind),
      ['claimsAdministratorGuideline', 'maximusGuideline', 'rationale'],
    );
    assert.deepEqual(errorsAndWarnings(letter), []);
    // Typing its first letters keeps it on offer, even though the line has become part of the rationale above.
    const typed = `${VALID_LETTER}\nDis`;
    assert.deepEqual(labels(complete(typed, lineOf(typed, 'Dis'))), ['Disputed item']);
  });

  test('near miss: not on a line with text, no skeleton once there are sections, no header block once there is a header, no item inside an item', () => {
    assert.deepEqual(complete('Some words', 0), []);
    assert.ok(!labels(complete(NO_HEADER, 0)).includes('IMR letter skeleton'));
    assert.ok(
      !labels(complete(PARTIAL_HEADER, lineOf(PARTIAL_HEADER, 'Application Received') + 1)).includes(
        'IMR header block',
      ),
    );
    assert.deepEqual(complete(VALID_LETTER, lineOf(VALID_LETTER, 'Hinged knee brace') + 1), []); // between an item line and its fields
  });
});

describe('structure completion: everywhere', () => {
  test('given the rest of the line, any text after the cursor means none (the start of a prose line)', () => {
    const noSpecialty = edit(
      VALID_LETTER,
      'Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain\nManagement\n',
      '',
    );
    const line = lineOf(noSpecialty, 'affiliation with the employer');
    const letter = parseLetter(noSpecialty);
    const position = { line, character: 0 };
    // Without the rest of the line the model cannot tell this paragraph line from an empty one.
    assert.deepEqual(labels(structureCompletions(letter, position, '')), ['Certification(s)/Specialty:']);
    assert.deepEqual(structureCompletions(letter, position, '', noSpecialty.split('\n')[line]), []);
    assert.deepEqual(labels(structureCompletions(letter, { line: line + 1, character: 0 }, '', '   ')), [
      'Certification(s)/Specialty:',
    ]);
  });

  test('at every line start and end of the letter: edits replace only what was typed, and prose lines get none', () => {
    const lines = VALID_LETTER.split('\n');
    lines.forEach((text, line) => {
      complete(VALID_LETTER, line, 0);
      complete(VALID_LETTER, line, Math.floor(text.length / 2));
      complete(VALID_LETTER, line);
    });
    for (const prose of [
      'affiliation with the employer',
      'The injured worker is',
      'requested treatment includes',
      'documented. Therefore',
      'for its decision.',
      'Tramadol ER 100mg #30 is',
    ]) {
      assert.deepEqual(complete(VALID_LETTER, lineOf(VALID_LETTER, prose)), [], prose);
    }
  });
});
