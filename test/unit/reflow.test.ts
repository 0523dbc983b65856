import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { reflowEdits } from '../../server/src/features/reflow';
import { stripAnnotations } from '../../server/src/letter/annotations';
import type { Letter } from '../../server/src/letter/model';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, doubleSpace, edit } from '../fixtures/letters';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const SAMPLE_FILES = readdirSync(SAMPLES).filter((f) => /\.imr(\.txt)?$/.test(f));
// The real, DWC-published letters live beside the project, not in it; a user's clone has none.
const REAL = join(__dirname, '..', '..', '..', 'shared', 'imr-letters');
const REAL_FILES = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.txt')) : [];
const skipReal =
  REAL_FILES.length > 0 ? false : `no real letters at ${REAL} (they sit in ../shared beside the project)`;

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///l.imr', 'imr-letter', 1, text), edits);
}

function reflowed(text: string): { edits: TextEdit[]; after: string } {
  const edits = reflowEdits(parseLetter(text), text);
  return { edits, after: applyEdits(text, edits) };
}

const lines = (text: string) => text.split(/\r\n|\r|\n/);

/** What a reader takes from the letter: sections, items and decisions, field values, citations, header, reviewer. */
function projection(letter: Letter) {
  return {
    layout: letter.layout.id,
    sections: letter.sections.map((s) => [s.kind, s.name]),
    header: letter.header?.fields.map((f) => [f.key, f.value?.text ?? null]) ?? null,
    reviewer: letter.reviewer.fields.map((f) => [f.kind, f.value?.text ?? null]),
    items: letter.items.map((i) => ({
      name: i.name,
      decision: i.decision?.text ?? null,
      value: i.decision?.value ?? null,
      fields: i.fields.map((f) => ({
        kind: f.kind,
        value: f.value?.text ?? null,
        citations: (f.citations ?? []).map((c) => c.entry?.id ?? c.statement ?? null),
      })),
    })),
    annotations: letter.annotations.map((a) => [a.form, a.kind ?? null, a.note, a.quote ?? null, a.proposed ?? null]),
  };
}

/**
 * The words are the same: the text without whitespace is identical, and each run of whitespace
 * that vanished held a line break after a hyphenated word part ("electro-" / "diagnostic").
 */
function assertSameWords(before: string, after: string) {
  assert.equal(after.replace(/\s+/g, ''), before.replace(/\s+/g, ''), 'the non-whitespace characters changed');
  const words = (t: string) => t.split(/\s+/).filter(Boolean);
  const joinedBack = before.replace(/([A-Za-z0-9]-)[ \t]*(?:\r\n|\r|\n)\s*(?=[a-z0-9])/g, '$1');
  const a = words(after);
  assert.ok(a.length >= words(joinedBack).length && a.length <= words(before).length, 'words were merged or split');
  // Every word of the result is a word of the original, or hyphenated parts of words joined.
  const original = new Set([...words(before), ...words(joinedBack)]);
  for (const w of a) assert.ok(original.has(w) || /-/.test(w), `a new word: ${w}`);
}

/** Edits are valid on the original, sorted, disjoint, and change whitespace only, each a paragraph or a break, never the whole letter. */
function assertMinimalEdits(text: string, edits: TextEdit[]) {
  const doc = TextDocument.create('file:///l.imr', 'imr-letter', 1, text);
  const all = lines(text);
  let previous = -1;
  for (const e of edits) {
    for (const p of [e.range.start, e.range.end]) {
      assert.ok(
        p.line < all.length && p.character <= all[p.line].length,
        `position ${JSON.stringify(p)} outside the text`,
      );
    }
    const start = doc.offsetAt(e.range.start);
    const end = doc.offsetAt(e.range.end);
    assert.ok(start > previous && end >= start, 'edits overlap or are out of order');
    previous = end;
    const old = text.slice(start, end);
    assert.equal(e.newText.replace(/\s+/g, ''), old.replace(/\s+/g, ''), 'an edit changes more than whitespace');
    assert.ok(old.length < text.length / 2, 'an edit replaces most of the letter');
  }
}

/** Everything the reflow promises for one letter. */
function assertReflowProperties(text: string) {
  const before = parseLetter(text);
  const { edits, after } = reflowed(text);
  assertMinimalEdits(text, edits);
  assertSameWords(text, after);
  assert.deepEqual(projection(parseLetter(after)), projection(before), 'the letter reads differently after the reflow');
  assert.deepEqual(reflowEdits(parseLetter(after), after), [], 'a second reflow still finds something to do');
  assert.equal(after.match(/\f/g)?.length ?? 0, text.match(/\f/g)?.length ?? 0, 'a form feed was lost');
  // A form feed that started a line still does, and no line break was joined across one.
  const feedsAtLineStart = (t: string) => [...t.matchAll(/(^|[\r\n])[ \t]*\f/g)].length;
  assert.equal(feedsAtLineStart(after), feedsAtLineStart(text));
  if (/\r\n/.test(text) && !/(?<!\r)\n|\r(?!\n)/.test(text))
    assert.doesNotMatch(after, /(?<!\r)\n|\r(?!\n)/, 'a CRLF letter got a bare line break');
  if (!/\r/.test(text)) assert.doesNotMatch(after, /\r/, 'an LF letter got a CR');
  // Section headings, item lines and field labels each start their line.
  const reread = parseLetter(after);
  const afterLines = lines(after);
  const startsLine = (p: { line: number; character: number }) =>
    stripAnnotations(afterLines[p.line].slice(0, p.character)).trim() === '';
  for (const s of reread.sections)
    assert.ok(startsLine(s.heading.range.start), `heading ${s.name} does not start its line`);
  for (const item of reread.items) {
    if (item.title.text) assert.ok(startsLine(item.title.range.start), `item ${item.name} does not start its line`);
    for (const f of item.fields)
      assert.ok(startsLine(f.label.range.start), `label ${f.label.text} does not start its line`);
  }
  for (const f of reread.reviewer.fields)
    assert.ok(startsLine(f.label.range.start), `label ${f.label.text} does not start its line`);
  return { edits, after };
}

/** A letter with one line per paragraph and a blank line between paragraphs: nothing to reflow. */
const TIDY = `Case Number:          CM16-0123456
Date Assigned:        11/09/2016                      Date of Injury:      09/13/2016
Decision Date:        12/09/2016                      UR Denial Date:      10/03/2016
Priority:             Standard                        Application          11/01/2016
                                                      Received:

                 HOW THE IMR FINAL DETERMINATION WAS MADE

MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator.

The Expert Reviewer has the following credentials:
State(s) of Licensure: California,Oregon
Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain Management

                                CLINICAL CASE SUMMARY

The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:

The injured worker is a 51 year old female who sustained an industrial injury on 09-13-16. The requested treatment includes a knee brace and tramadol.

                      IMR ISSUES, DECISIONS AND RATIONALES

The Final Determination was based on decisions for the disputed items/services set forth below:

Hinged knee brace, left: Upheld

Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.

MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004, Section(s): Initial Care.

Decision rationale: The guidelines support a brace for instability only. No instability is documented. Therefore the request for a hinged knee brace is not medically necessary.

Tramadol ER 100mg #30 day supply: 30 with two refills: Overturned

Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.

MAXIMUS guideline: Decision based on MTUS Opioid Treatment 2016, Section(s): 1.3 Opioids for Acute Pain: Severe Acute Injuries.

Decision rationale: Short-term use is supported after a severe acute injury. The request for Tramadol ER 100mg #30 is medically necessary.
`;

describe('reflow', () => {
  test('the double-spaced sample becomes one line per paragraph with one blank line between paragraphs', () => {
    const text = readFileSync(join(SAMPLES, 'double-spaced-no-header.imr.txt'), 'utf8');
    const { edits, after } = assertReflowProperties(text);
    const out = lines(after);
    assert.ok(out.length < lines(text).length / 2);
    // One edit for the nine lines of the boilerplate paragraph (its words included), not one per line break.
    const boilerplateEdits = edits.filter((e) => /affiliation|24 hours a week|strength of evidence/.test(e.newText));
    assert.equal(boilerplateEdits.length, 1);
    assert.doesNotMatch(boilerplateEdits[0].newText, /[\r\n]/);
    const at = (start: string) => out.findIndex((l) => l.startsWith(start));
    // The boilerplate paragraph is one line.
    const boilerplate = out[at('MAXIMUS Federal Services sent')];
    assert.match(boilerplate, /He\/she has no affiliation with the employer/);
    assert.match(boilerplate, /evaluate and\/or treat the medical condition/);
    assert.ok(boilerplate.endsWith('Independent Medical Review determinations.'));
    // The credentials keep a line each, with no blank line between them.
    const intro = at('The Expert Reviewer has the following credentials:');
    assert.deepEqual(out.slice(intro, intro + 4), [
      'The Expert Reviewer has the following credentials:',
      'State(s) of Licensure: Nevada',
      'Certification(s)/Specialty: Orthopedic Surgery',
      '',
    ]);
    // The hyphenated "electro-" / "diagnostic" is one word again, the hyphen kept.
    assert.match(
      out[at('The injured worker is a 39 year old female')],
      /Diagnostic studies include electro-diagnostic testing of the lower extremities\. The requested treatment includes/,
    );
    // Item line, fields and rationale: a line each, one blank line between.
    const item = at('Lumbar Epidural Steroid Injection at L5-S1: Upheld');
    assert.deepEqual(out.slice(item, item + 7), [
      'Lumbar Epidural Steroid Injection at L5-S1: Upheld',
      '',
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Epidural steroid injections.',
      '',
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Epidural Steroid injections, page 46.',
      '',
      'Decision rationale: MTUS Chronic Pain Medical Treatment Guidelines recommend ESI as an option for radicular pain corroborated by imaging or electrodiagnostic testing. Neither is documented. The Lumbar Epidural Steroid Injection at L5-S1 is not medically necessary and appropriate.',
    ]);
    // Headings keep their own line; a page range split after its hyphen ("298-" / "301.") is joined.
    assert.ok(at('CLINICAL CASE SUMMARY') > 0 && out[at('CLINICAL CASE SUMMARY')].trim() === 'CLINICAL CASE SUMMARY');
    assert.match(after, /page\(s\) 298-301\./);
    // Clean: no trailing spaces, never two blank lines in a row.
    for (const l of out) assert.doesNotMatch(l, /[ \t]$/);
    assert.doesNotMatch(after, /\n\n\n/);
  });

  test('a tidy letter with single-line paragraphs gets no edits', () => {
    // Without its header nearly every line of it has a blank line after it, so the parser takes it for
    // double-spaced (letter/text/letter-text.ts); its blank lines must still not be read as the doubling.
    const noHeader = TIDY.slice(TIDY.indexOf('                 HOW'));
    for (const text of [TIDY, noHeader, TIDY.replace(/\n/g, '\r\n'), noHeader.replace(/\n/g, '\r\n')]) {
      assert.deepEqual(reflowEdits(parseLetter(text), text), []);
    }
  });

  test('the fixture letter: wrapped fields joined, header lines untouched, one edit per paragraph', () => {
    const { edits, after } = assertReflowProperties(VALID_LETTER);
    // In this layout a heading runs straight into its text.
    assert.equal(after, TIDY.replace(/(MADE|SUMMARY|RATIONALES)\n\n/g, '$1\n'));
    // The two-column header, its wrapped `Application` / `Received:` label included, is as it was.
    assert.deepEqual(lines(after).slice(0, 5), lines(VALID_LETTER).slice(0, 5));
    // Boilerplate, specialty, summary lead, summary, MX guideline, rationale, item line, CA guideline, MX guideline, rationale:
    // each wrapped once, each one edit turning its line break into a space.
    assert.equal(edits.length, 10);
    for (const e of edits)
      assert.deepEqual([e.range.end.line - e.range.start.line, e.range.end.character, e.newText], [1, 0, ' ']);
  });

  test('the line ending style of the letter is kept (CRLF)', () => {
    for (const base of [
      VALID_LETTER,
      doubleSpace(VALID_LETTER),
      readFileSync(join(SAMPLES, 'double-spaced-no-header.imr.txt'), 'utf8'),
    ]) {
      const crlf = base.replace(/\r?\n/g, '\r\n');
      const { edits, after } = assertReflowProperties(crlf);
      assert.ok(edits.length > 0);
      assert.doesNotMatch(after, /(?<!\r)\n|\r(?!\n)/);
      assert.equal(after, reflowed(base.replace(/\r\n/g, '\n')).after.replace(/\n/g, '\r\n'));
    }
  });

  test('a double-spaced letter reflows to what the single-spaced one does', () => {
    const { after } = assertReflowProperties(doubleSpace(VALID_LETTER));
    assert.equal(after, reflowed(VALID_LETTER).after);
  });

  test('annotations stay exactly as written; line breaks around and inside highlighted text are reflowed', () => {
    const text = readFileSync(join(SAMPLES, 'annotated.imr'), 'utf8');
    const { after } = assertReflowProperties(text);
    const markup = (t: string) => [...t.matchAll(/\{(>>|==|\+\+|--|~~)[^]*?(<<|==|\+\+|--|~~)\}/g)].map((m) => m[0]);
    assert.deepEqual(markup(after), markup(text));
    assert.equal(stripAnnotations(after).replace(/\s+/g, ' '), stripAnnotations(text).replace(/\s+/g, ' '));
    // The comment in the middle of a wrapped item line: the item line is one line now, the comment in it.
    assert.match(
      after,
      /\nTramadol ER 100mg #30 day supply: 30 with one refill for\{>>question: was a lower dose tried first\?<<\} chronic low back pain: Upheld\n/,
    );

    const crafted = edit(
      VALID_LETTER,
      'The guidelines support a brace for instability only. No instability is\ndocumented.',
      'The guidelines support a brace for {==instability\nonly==}{>>question: a comment\nover two lines<<}. No instability is\n{>>a comment on a line of its own<<}\ndocumented.',
    );
    const { after: craftedAfter } = assertReflowProperties(crafted);
    assert.match(
      craftedAfter,
      /brace for \{==instability only==\}\{>>question: a comment\nover two lines<<\}\. No instability is\n\{>>a comment on a line of its own<<\}\ndocumented\. Therefore/,
    );
  });

  test('a hyphen at a line end joins only as the parser joins: with a small letter or digit after it', () => {
    const text = edit(
      VALID_LETTER,
      'The guidelines support a brace for instability only.',
      'The guidelines support a brace for electro-\nmyography and a pre-\nAuthorized re-\n-evaluation, pages 171-\n172.',
    );
    const { after } = assertReflowProperties(text);
    assert.match(after, /for electro-myography and a pre- Authorized re- -evaluation, pages 171-172\. No instability/);
    const rationale = (t: string) => parseLetter(t).items[0].fields.find((f) => f.kind === 'rationale')!.value!.text;
    assert.equal(rationale(after), rationale(text));
  });

  test('form feeds stay at the start of their line, and nothing is joined across one', () => {
    const text = edit(VALID_LETTER, 'No instability is\ndocumented.', 'No instability is\n\fdocumented.').replace(
      'He/she has no\n',
      'He/she has no\n\f\n',
    );
    const { after } = assertReflowProperties(text);
    assert.match(after, /No instability is\n\fdocumented\. Therefore the request/);
    assert.match(after, /He\/she has no\n\f\naffiliation with the employer/);
  });

  test('imr-disable directives keep the lines they name', () => {
    const text = edit(
      VALID_LETTER,
      'Decision rationale: The guidelines support',
      '{>>imr-disable-next-line item.rationale-closing<<}\nDecision rationale: The guidelines support',
    );
    const { after } = assertReflowProperties(text);
    assert.match(
      after,
      /\{>>imr-disable-next-line item\.rationale-closing<<\}\nDecision rationale: The guidelines support a brace for instability only\. No instability is\ndocumented\./,
    );
    const target = parseLetter(after).suppressions[0].range.end.line + 1;
    assert.ok(lines(after)[target].startsWith('Decision rationale: The guidelines support'));
  });

  test('two lines that together would make a heading or a field label the parser did not see stay apart', () => {
    const text = edit(
      VALID_LETTER,
      'documented. Therefore the request for a hinged knee brace is not medically necessary.\n',
      'documented. Therefore the request for a hinged knee brace is not medically necessary.\n\nDecision\nrationale: as above.\n',
    ).replace('                                CLINICAL CASE SUMMARY\n', 'CLINICAL CASE\nSUMMARY\n\n');
    const { edits, after } = assertReflowProperties(text);
    assert.ok(edits.length > 5);
    assert.match(after, /He\/she has no affiliation/, 'the prose is joined all the same');
    assert.match(after, /\n\nDecision\nrationale: as above\.\n/);
    assert.match(after, /\nCLINICAL CASE\nSUMMARY\n\nThe expert reviewer developed/);
    assert.equal(parseLetter(after).items[0].fields.length, 3);
  });

  test('lists of documents reviewed and the title block keep a line per entry', () => {
    const text = readFileSync(join(SAMPLES, 'maximus-format-2.imr'), 'utf8');
    const { after } = assertReflowProperties(text);
    const head = (t: string) => lines(t).slice(0, 12);
    assert.deepEqual(head(after), head(text));
    assert.match(
      after,
      /\nDOCUMENTS REVIEWED\nApplication of Independent Medical Review\nUtilization Review Determination, 01\/30\/2014\nMedical Treatment Utilization Schedule \(MTUS\)\n/,
    );
  });

  test('text that is no letter, or no text at all, gets no edits', () => {
    for (const text of ['', 'just some\nwrapped text\nthat is not a letter\n', '\u0000\u0001binary\nstuff\n'])
      assert.deepEqual(reflowEdits(parseLetter(text), text), []);
  });

  test('any edit of the letter, double-spaced or not, CRLF or not: the reflow keeps its promises', () => {
    const TOKENS = [
      'Claims Administrator guideline:',
      'MAXIMUS guideline:',
      'Decision rationale:',
      ': Upheld',
      ': Overturned',
      ':',
      'CLINICAL CASE SUMMARY',
      'Decision based on MTUS ',
      'page(s) 171-',
      '{>>',
      '<<}',
      '{==',
      '==}',
      '{~~',
      '~>',
      '~~}',
      '{>>imr-disable-next-line<<}',
      'red- flag',
      '\n',
      '\r\n',
      '\f',
      '\t',
      '   ',
      '\n\n\n',
      'electro-\ndiagnostic',
      'x-\n',
      '\n ',
      ' \n',
      'word',
    ];
    const edits = fc.array(
      fc.record({
        at: fc.nat(),
        del: fc.nat({ max: 120 }),
        insert: fc.array(fc.constantFrom(...TOKENS), { maxLength: 5 }).map((t) => t.join('')),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(edits, fc.boolean(), fc.boolean(), (list, crlf, double) => {
        let text = double ? doubleSpace(VALID_LETTER) : VALID_LETTER;
        if (crlf) text = text.replace(/\n/g, '\r\n');
        for (const e of list) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.del);
        }
        const before = parseLetter(text);
        const reflow = reflowEdits(before, text);
        assertMinimalEdits(text, reflow);
        const after = applyEdits(text, reflow);
        assertSameWords(text, after);
        assert.deepEqual(projection(parseLetter(after)), projection(before));
        assert.deepEqual(reflowEdits(parseLetter(after), after), []);
      }),
      { numRuns: 300, seed: 4610 },
    );
  });

  describe('every bundled sample', () => {
    for (const file of SAMPLE_FILES) {
      test(file, () => {
        const text = readFileSync(join(SAMPLES, file), 'utf8');
        const { edits } = assertReflowProperties(text);
        assert.ok(edits.length > 0, 'every sample has wrapped paragraphs');
        assertReflowProperties(text.replace(/\r?\n/g, '\r\n'));
      });
    }
  });

  describe('every real letter', { skip: skipReal }, () => {
    for (const file of REAL_FILES) {
      test(file, () => {
        const text = readFileSync(join(REAL, file), 'utf8');
        const { edits, after } = assertReflowProperties(text);
        assert.ok(edits.length > 0, 'every real letter has wrapped paragraphs');
        assert.ok(lines(after).length < lines(text).length * 0.6, 'paragraphs were joined');
        // The header block (both column layouts) is as it was, line for line.
        const header = parseLetter(text).header;
        if (header)
          assert.deepEqual(
            lines(after).slice(0, header.range.end.line + 1),
            lines(text).slice(0, header.range.end.line + 1),
          );
        assertReflowProperties(text.replace(/\r?\n/g, '\r\n'));
      });
    }
  });
});
