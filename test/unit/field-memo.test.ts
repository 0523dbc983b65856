import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { documentSymbols } from '../../server/src/features/symbols';
import { OutlineMemo } from '../../server/src/incremental/outline-memo';
import { Catalog, DEFAULT_CATALOG } from '../../server/src/guidelines/catalog';
import { FieldMemo } from '../../server/src/incremental/field-memo';
import type { Letter } from '../../server/src/letter/model';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';
import { withFixes } from '../fixtures/problems';
import { FindingMemo } from '../../server/src/incremental/finding-memo';
import { VALID_LETTER, edit, lineOf, realLetters, sampleLetters } from '../fixtures/letters';
import { snapshot } from '../robustness/invariants';

/** The catalog, counting how often a guideline name is looked up: a field read again looks its citations up. */
class Counting extends Catalog {
  lookups = 0;
  override named(text: string) {
    this.lookups++;
    return super.named(text);
  }
}

const SAMPLES = sampleLetters();
/** A fixed day, so a fresh check and a remembered one agree on dates in the future. */
const CHECK = { today: new Date(2026, 10, 24) };
const REAL_LETTERS = realLetters();

function citationLists(letter: Letter) {
  return letter.items.flatMap((item) => item.fields.map((f) => f.citations));
}

/**
 * Edits of the kinds typing makes: a character or word in, a stretch out, a line break, text typed
 * over (as long as what is typed). Half of them land in or near a field, where the readings are.
 */
const anEdit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  near: fc.constantFrom(
    undefined,
    'guideline: Decision based on',
    'Decision rationale:',
    'Section(s):',
    'medically necessary',
    'Decision Date:',
  ),
  nth: fc.nat(),
  shift: fc.nat({ max: 80 }),
  length: fc.oneof(fc.nat({ max: 40 }), fc.constant(-1)), // -1: typed over
  text: fc.constantFrom(
    '',
    'x',
    ' ',
    '\n',
    '\r\n',
    'Upheld',
    ': ',
    '2009',
    '1',
    ', page 12',
    'Decision rationale: ',
    'Chronic Pain Medical Treatment Guidelines',
    '\f',
    '{>>note: why?<<}',
    'MTUS ',
  ),
});

function apply(
  text: string,
  e: { at: number; near?: string; nth: number; shift: number; length: number; text: string },
): string {
  const places: number[] = [];
  for (let i = e.near ? text.indexOf(e.near) : -1; i >= 0; i = text.indexOf(e.near!, i + 1)) places.push(i);
  const at =
    places.length > 0 ? Math.min(text.length, places[e.nth % places.length] + e.shift) : Math.floor(e.at * text.length);
  const length = e.length < 0 ? e.text.length : e.length;
  return text.slice(0, at) + e.text + text.slice(Math.min(text.length, at + length));
}

describe('re-reading only the fields an edit changed', () => {
  test('every version read with the memo equals a fresh read of it (random edit sequences on every sample and real letter)', () => {
    let reused = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(VALID_LETTER, ...SAMPLES, ...REAL_LETTERS),
        fc.array(anEdit, { minLength: 1, maxLength: 6 }),
        (letter, edits) => {
          const memo = new FieldMemo();
          const findings = new FindingMemo(memo);
          const outline = new OutlineMemo(memo);
          let text = letter;
          let before = parseLetter(text, undefined, memo);
          assert.equal(snapshot(before), snapshot(parseLetter(text)));
          assert.deepEqual(
            withFixes(checkLetter(before, CHECK, findings)),
            withFixes(checkLetter(parseLetter(text), CHECK)),
          );
          assert.deepEqual(documentSymbols(before, outline), documentSymbols(parseLetter(text)));
          for (const e of edits) {
            text = apply(text, e);
            const after = parseLetter(text, undefined, memo);
            assert.equal(snapshot(after), snapshot(parseLetter(text)));
            // The findings of the items taken back are taken back too, and are what a fresh check finds.
            assert.deepEqual(
              withFixes(checkLetter(after, CHECK, findings)),
              withFixes(checkLetter(parseLetter(text), CHECK)),
            );
            // So are the symbols: taken back for the items taken back, moved for the items moved.
            assert.deepEqual(documentSymbols(after, outline), documentSymbols(parseLetter(text)));
            const earlier = new Set(citationLists(before));
            reused += citationLists(after).filter((c) => c && earlier.has(c)).length;
            before = after;
          }
        },
      ),
      { numRuns: 300, seed: 1124 },
    );
    assert.ok(reused > 0, 'some readings were reused');
  });

  test('line breaks typed and taken out one after another, with edits between: every version equals a fresh read, its findings and outline too', () => {
    // A piece a line break moved is a copy (moved-lines.ts), moved again at the next; what the
    // rules and the outline keep per item moves with it. Letters with findings on their fields,
    // so there are findings to move.
    const letters = [
      VALID_LETTER,
      edit(
        VALID_LETTER,
        'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.',
        'Claims Administrator guideline:',
      ),
      edit(
        VALID_LETTER,
        'Decision based on MTUS Opioid Treatment 2016, Section(s): 1.3',
        'Decision based on MTUS Opioid Treatment 2016, pages 179-171, Section(s): 1.3',
      ),
      ...SAMPLES,
      ...REAL_LETTERS,
    ];
    const step = fc.record({
      kind: fc.constantFrom('break', 'join', 'type'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.constantFrom(...letters), fc.array(step, { minLength: 2, maxLength: 10 }), (letter, steps) => {
        const memo = new FieldMemo();
        const findings = new FindingMemo(memo);
        const outline = new OutlineMemo(memo);
        let text = letter;
        for (const [n, { kind, at }] of [{ kind: 'type', at: 1 }, ...steps].entries()) {
          const i = Math.floor(at * text.length);
          const breaks = [...text.matchAll(/\n/g)].map((m) => m.index!);
          if (kind === 'break') text = text.slice(0, i) + '\n' + text.slice(i);
          else if (kind === 'join' && breaks.length > 0)
            text = ((j) => text.slice(0, j) + text.slice(j + 1))(breaks[Math.floor(at * breaks.length)]);
          else if (n > 0) text = text.slice(0, i) + 'x' + text.slice(i);
          const read = parseLetter(text, undefined, memo);
          const fresh = parseLetter(text);
          assert.equal(snapshot(read), snapshot(fresh), `read, version ${n}`);
          assert.deepEqual(
            withFixes(checkLetter(read, CHECK, findings)),
            withFixes(checkLetter(fresh, CHECK)),
            `checked, version ${n}`,
          );
          assert.deepEqual(documentSymbols(read, outline), documentSymbols(fresh), `outlined, version ${n}`);
        }
      }),
      { numRuns: 200, seed: 1202 },
    );
  });

  test("a version's model never changes once built: line breaks and edits read after it leave it as it was", () => {
    const memo = new FieldMemo();
    const findings = new FindingMemo(memo);
    const versions = [
      VALID_LETTER,
      '\n' + VALID_LETTER,
      '\n\n' + VALID_LETTER,
      '\n\nx' + VALID_LETTER,
      '\n' + VALID_LETTER,
    ];
    const read = versions.map((text) => {
      const letter = parseLetter(text, undefined, memo);
      const problems = checkLetter(letter, CHECK, findings);
      return { letter, problems, model: snapshot(letter), found: JSON.stringify(withFixes(problems)) };
    });
    // The second version's field was taken back moved: a copy, not the first's changed.
    assert.notEqual(read[1].letter.items[1].fields[1], read[0].letter.items[1].fields[1]);
    assert.equal(
      read[1].letter.items[1].fields[1].range.start.line,
      read[0].letter.items[1].fields[1].range.start.line + 1,
    );
    read.forEach((r, n) => {
      assert.equal(snapshot(r.letter), r.model, `version ${n}'s model after the later versions were read`);
      assert.equal(
        JSON.stringify(withFixes(r.problems)),
        r.found,
        `version ${n}'s findings after the later versions were checked`,
      );
      assert.equal(r.model, snapshot(parseLetter(versions[n])), `version ${n} as a fresh read`);
    });
  });

  test('a version that fails half-way leaves nothing behind: the next reads as a fresh read', () => {
    class Failing extends Catalog {
      override named(text: string): ReturnType<Catalog['named']> {
        throw new Error(`no lookups: ${text.length}`);
      }
    }
    const memo = new FieldMemo();
    parseLetter(VALID_LETTER, undefined, memo);
    parseLetter('\n' + VALID_LETTER, undefined, memo); // the pieces copied
    // Two lines down, so the item lines are moved, and a new decision year, so the fields are
    // read again after that, and the read fails.
    const edited = '\n\n' + edit(VALID_LETTER, 'Decision Date:        12/09/2016', 'Decision Date:        12/09/2017');
    assert.throws(() => parseLetter(edited, new Failing(DEFAULT_CATALOG.entries), memo), /no lookups/);
    assert.equal(snapshot(parseLetter(edited, undefined, memo)), snapshot(parseLetter(edited)));
  });

  test("an edit in one item keeps the other items' lines, fields and readings, and reads its own again", () => {
    const memo = new FieldMemo();
    const first = parseLetter(VALID_LETTER, undefined, memo);
    const changed = edit(
      VALID_LETTER,
      'The request for\nTramadol ER 100mg #30 is medically necessary.',
      'The request for\nTramadol ER 100mg #30 is not medically necessary.',
    );
    const second = parseLetter(changed, undefined, memo);
    const [knee, tramadol] = [0, 1].map((k) => second.items[k]);
    assert.equal(knee.title, first.items[0].title, 'the knee brace item line is taken back');
    assert.equal(knee.decision, first.items[0].decision);
    assert.equal(knee.fields[1], first.items[0].fields[1], 'its MAXIMUS guideline field is taken back');
    assert.equal(knee.fields[1].citations, first.items[0].fields[1].citations, 'with its citations');
    assert.notEqual(tramadol.fields[2], first.items[1].fields[2], 'the edited rationale is built again');
    assert.equal(knee.conclusion, first.items[0].conclusion);
    assert.equal(tramadol.conclusion?.necessary, false, 'the edited rationale is read again');
    assert.equal(first.items[1].conclusion?.necessary, true);
    assert.equal(knee, first.items[0], "the untouched item is the last version's item");
    assert.notEqual(tramadol, first.items[1], 'the edited one is made again');
  });

  test('a line break typed above the items moves their fields and item lines down instead of reading them again', () => {
    const catalog = new Counting(DEFAULT_CATALOG.entries);
    const memo = new FieldMemo();
    const first = parseLetter(VALID_LETTER, catalog, memo);
    assert.ok(catalog.lookups > 0, 'a first read looks the guidelines up');
    catalog.lookups = 0;
    const moved = 'Reviewed.\n\n' + VALID_LETTER;
    const second = parseLetter(moved, catalog, memo);
    assert.equal(catalog.lookups, 0, 'no field was read again');
    assert.equal(snapshot(second), snapshot(parseLetter(moved)));
    assert.notEqual(second.items[0].fields[1], first.items[0].fields[1], 'a copy: the last version keeps its own');
    assert.notEqual(second.items[0], first.items[0], 'and a new item: its ranges moved');
    assert.equal(second.items[0].fields[1].range.start.line, first.items[0].fields[1].range.start.line + 2);
    assert.equal(
      first.items[0].fields[1].range.start.line,
      lineOf(VALID_LETTER, 'MAXIMUS guideline: Decision based on MTUS Knee'),
      'the last version is not changed',
    );
  });

  test("an item moved whole by a line break is known as the last version's item moved; one edited as well is not", () => {
    const memo = new FieldMemo();
    const first = parseLetter(VALID_LETTER, undefined, memo);
    const moved = 'Reviewed.\n\n' + VALID_LETTER;
    const second = parseLetter(moved, undefined, memo);
    assert.deepEqual(
      second.items.map((item) => memo.movedItem(item)),
      first.items.map((from) => ({ from, lines: 2 })),
    );
    const edited = edit(moved, 'The guidelines support a brace', 'Reviewed.\nThe guidelines support a brace');
    const third = parseLetter(edited, undefined, memo);
    assert.equal(memo.movedItem(third.items[0]), undefined, 'the knee brace item was edited');
    assert.deepEqual(memo.movedItem(third.items[1]), { from: second.items[1], lines: 1 });
    const fourth = parseLetter(edited, undefined, memo);
    assert.equal(fourth.items[1], third.items[1], 'read again unchanged: kept, not moved');
    assert.equal(memo.movedItem(fourth.items[1]), undefined);
    // An annotated version is not read with the memo: what the last one moved is forgotten.
    const fifth = parseLetter('\n' + edited, undefined, memo);
    assert.ok(memo.movedItem(fifth.items[1]));
    parseLetter('{>>note: checked<<}\n' + edited, undefined, memo);
    assert.equal(memo.movedItem(fifth.items[1]), undefined);
  });

  test('a field with no value (never read) does not keep the fields after it from taking back their readings', () => {
    const empty = edit(
      VALID_LETTER,
      'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.',
      'Claims Administrator guideline:',
    );
    const catalog = new Counting(DEFAULT_CATALOG.entries);
    const memo = new FieldMemo();
    const first = parseLetter(empty, catalog, memo);
    assert.equal(first.items[0].fields[0].value, undefined);
    catalog.lookups = 0;
    const typed = edit(
      empty,
      'Tramadol ER 100mg #30 is medically necessary.',
      'Tramadol ER 100mg #30 is medically  necessary.',
    );
    const second = parseLetter(typed, catalog, memo);
    assert.equal(catalog.lookups, 0, "the knee brace's MAXIMUS guideline, after the empty field, was not read again");
    assert.equal(second.items[0].fields[1].citations, first.items[0].fields[1].citations);
    assert.equal(snapshot(second), snapshot(parseLetter(typed)));
  });

  test('text typed over in place (same length, same lines) is read again', () => {
    const memo = new FieldMemo();
    const entries = (l: Letter) => l.items[0].fields.map((f) => f.citations!.map((c) => c.entry?.id ?? null));
    assert.deepEqual(entries(parseLetter(VALID_LETTER, undefined, memo)), [
      ['mtus-acoem2-ch13'],
      ['mtus-acoem2-ch13'],
      [],
    ]);
    const typo = edit(
      VALID_LETTER,
      'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.',
      'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2009.',
    );
    assert.deepEqual(entries(parseLetter(typo, undefined, memo)), [[null], ['mtus-acoem2-ch13'], []]);
    // A label retyped as another of the same length: the same value, now read as a rationale.
    const spaced = edit(
      typo,
      'MAXIMUS guideline: Decision based on MTUS Knee',
      'MAXIMUS  guideline: Decision based on MTUS Knee',
    );
    assert.deepEqual(entries(parseLetter(spaced, undefined, memo)), [[null], ['mtus-acoem2-ch13'], []]);
    const relabelled = edit(
      spaced,
      'MAXIMUS  guideline: Decision based on MTUS Knee',
      'Decision rationale: Decision based on MTUS Knee',
    );
    assert.equal(snapshot(parseLetter(relabelled, undefined, memo)), snapshot(parseLetter(relabelled)));
  });

  test('a new decision year re-reads the rationales that name a guideline by name alone', () => {
    const letter = edit(
      VALID_LETTER,
      'Short-term use is supported',
      'The Chronic Pain Medical Treatment Guidelines support short-term use',
    );
    const memo = new FieldMemo();
    const cpmtg = (l: Letter) =>
      l.items[1].fields.find((f) => f.kind === 'rationale')!.citations!.map((c) => c.entry?.id);
    assert.deepEqual(cpmtg(parseLetter(letter, undefined, memo)), ['mtus-cpmtg-2016']);
    const older = edit(letter, 'Decision Date:        12/09/2016', 'Decision Date:        12/09/2012');
    assert.deepEqual(cpmtg(parseLetter(older, undefined, memo)), ['mtus-cpmtg-2009']);
    assert.equal(snapshot(parseLetter(older, undefined, memo)), snapshot(parseLetter(older)));
  });

  test('an annotated version in between: nothing is carried across it', () => {
    const memo = new FieldMemo();
    const clean = parseLetter(VALID_LETTER, undefined, memo);
    const annotated = edit(
      VALID_LETTER,
      'No instability is\ndocumented.',
      'No instability is\n{>>question: was it examined?<<}documented.',
    );
    assert.equal(snapshot(parseLetter(annotated, undefined, memo)), snapshot(parseLetter(annotated)));
    const again = parseLetter(VALID_LETTER, undefined, memo);
    assert.equal(snapshot(again), snapshot(clean));
    assert.notEqual(
      again.items[0].fields[1].citations,
      clean.items[0].fields[1].citations,
      'read afresh after the annotated version',
    );
  });

  test('what a line says about items is carried over for the lines an edit left alone, moved with them by a line break', () => {
    const memo = new FieldMemo();
    parseLetter(VALID_LETTER, undefined, memo);
    const label = lineOf(VALID_LETTER, 'MAXIMUS guideline: Decision based on MTUS Knee');
    const typed = 'x' + VALID_LETTER;
    memo.text(typed); // the next version's lines: line 0 changed
    assert.equal(memo.lineMarks.current[0], undefined, 'the edited line is read again');
    assert.deepEqual(
      memo.lineMarks.current[label],
      { kind: 'maximusGuideline', length: 18 },
      'a label line below keeps its reading',
    );
    parseLetter(typed, undefined, memo);
    memo.text('\n' + typed); // a line break at the top moves every line down
    assert.equal(memo.lineMarks.current[0], undefined);
    assert.equal(memo.lineMarks.current[label], null, 'what the line above said (nothing) moved down to here');
    assert.deepEqual(memo.lineMarks.current[label + 1], { kind: 'maximusGuideline', length: 18 });
  });

  test("what a line says about headings is carried over the same way, and the sections are a fresh read's", () => {
    const memo = new FieldMemo();
    parseLetter(VALID_LETTER, undefined, memo);
    const heading = lineOf(VALID_LETTER, 'IMR ISSUES, DECISIONS AND RATIONALES');
    const typed = 'x' + VALID_LETTER;
    memo.text(typed);
    assert.equal(memo.headingMarks.current[0], undefined, 'the edited line is read again');
    assert.equal(memo.headingMarks.current[heading]?.[0].spec.kind, 'issues', 'the heading below keeps its reading');
    assert.equal(memo.headingMarks.current[heading + 1], null, 'as does a line that heads nothing');
    const moved = '\n' + typed;
    parseLetter(typed, undefined, memo);
    memo.text(moved);
    assert.equal(memo.headingMarks.current[heading + 1]?.[0].spec.kind, 'issues', 'moved down with its line');
    const read = parseLetter(moved, undefined, memo);
    assert.deepEqual(read.sections, parseLetter(moved).sections);
    // A heading typed over is read again: its section is gone.
    const broken = edit(moved, 'IMR ISSUES, DECISIONS AND RATIONALES', 'IMR ISSUES, DECISIONS AND RATIONALE$');
    assert.deepEqual(
      parseLetter(broken, undefined, memo).sections.map((s) => s.kind),
      parseLetter(broken).sections.map((s) => s.kind),
    );
    assert.ok(!parseLetter(broken).sections.some((s) => s.kind === 'issues'));
  });
});
