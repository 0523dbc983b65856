/**
 * What must hold for any text at all, shared by the property tests and `npm run fuzz`: analysis
 * never throws, every range lies inside the text, the outline is a proper tree, folds are in
 * order, inline help and lenses point inside the text, and a text read after an earlier version
 * of it (as the server reads an edit) gives the model a fresh read gives.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { codeLenses } from '../../server/src/features/code-lens';
import { foldingRanges } from '../../server/src/features/folding';
import { inlayHints } from '../../server/src/features/inlay-hints';
import { documentSymbols } from '../../server/src/features/symbols';
import { OutlineMemo } from '../../server/src/incremental/outline-memo';
import { before } from '../../server/src/letter/text/lines';
import { FieldMemo } from '../../server/src/incremental/field-memo';
import { FindingMemo } from '../../server/src/incremental/finding-memo';
import type { Letter } from '../../server/src/letter/model';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';
import { withFixes } from '../fixtures/problems';
import { VALID_LETTER } from '../fixtures/letters';

// Pieces that make the parser work hardest: labels, decisions, headings, colons, markup, odd characters.
export const TOKENS = [
  'Claims Administrator guideline:',
  'MAXIMUS guideline:',
  'Decision rationale:',
  ': Upheld',
  ': Overturned',
  ': Uphled',
  ':',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'CLINICAL CASE SUMMARY',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'Case Number:',
  'Application',
  'Received:',
  'Decision based on MTUS ',
  'Decision based on Non-MTUS Citation ODG, ',
  'Section(s): ',
  'page(s) 171-',
  ', and ',
  '2016',
  'Chapter 12, Table 12-8, page 309',
  '{>>',
  '<<}',
  '{==',
  '==}',
  '{~~',
  '~>',
  '~~}',
  '{++',
  '--}',
  '{>>imr-disable ',
  'red- flag',
  'is not medically necessary.',
  'is medically necessary.',
  '\n',
  '\r\n',
  '\r',
  '\f',
  '\t',
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufeff',
  'é',
  '漢字',
  '   ',
  '\n\n\n',
];

export type Edit = { at: number; del: number; insert: string };
export const edits = fc.array(
  fc.record({
    at: fc.nat(),
    del: fc.nat({ max: 200 }),
    insert: fc.array(fc.constantFrom(...TOKENS), { maxLength: 6 }).map((t) => t.join('')),
  }),
  { maxLength: 12 },
);

export function applyEdits(text: string, list: Edit[]): string {
  for (const e of list) {
    const at = e.at % (text.length + 1);
    text = text.slice(0, at) + e.insert + text.slice(at + e.del);
  }
  return text;
}

/** Every range lies inside the text (LSP positions, lines split as editors split them). */
export function assertInside(text: string, ranges: Range[]) {
  const lines = text.split(/\r\n|\r|\n/);
  for (const r of ranges) {
    assert.ok(!before(r.end, r.start), `range ends before it starts: ${JSON.stringify(r)}`);
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} outside ${lines.length} lines`);
      assert.ok(
        p.character >= 0 && p.character <= lines[p.line].length,
        `character ${p.character} outside line ${p.line} (${lines[p.line].length})`,
      );
    }
  }
}

/** The outline is a proper tree: each selection inside its symbol, each child inside its parent. */
export function assertTree(symbols: DocumentSymbol[], parent?: Range): Range[] {
  const ranges: Range[] = [];
  for (const s of symbols) {
    assert.ok(s.name.length > 0 && !/\n/.test(s.name), 'symbol names are one non-empty line');
    const inside = (outer: Range, inner: Range) => !before(inner.start, outer.start) && !before(outer.end, inner.end);
    assert.ok(inside(s.range, s.selectionRange), `selection outside ${s.name}`);
    if (parent) assert.ok(inside(parent, s.range), `${s.name} outside its parent`);
    ranges.push(s.range, s.selectionRange, ...assertTree(s.children ?? [], s.range));
  }
  return ranges;
}

const CHECK = { today: new Date(2026, 0, 1) };

export function analyse(text: string) {
  const letter = parseLetter(text);
  const problems = checkLetter(letter, CHECK);
  const symbols = documentSymbols(letter);
  const folds = foldingRanges(letter);
  return { letter, problems, symbols, folds };
}

/** Every invariant on one text; throws (an assertion error) on the first that fails. */
export function checkInvariants(text: string): void {
  const { letter, problems, symbols, folds } = analyse(text);
  const lines = text.split(/\r\n|\r|\n/).length;
  const everything = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
  const hints = inlayHints(letter, everything).map((h) => ({ start: h.position, end: h.position }));
  assertInside(text, [
    ...problems.map((p) => p.range),
    ...problems.flatMap((p) => p.fixes?.().flatMap((f) => f.edits.map((e) => e.range)) ?? []),
    ...assertTree(symbols),
    ...hints,
    ...codeLenses(letter).map((l) => l.range),
  ]);
  for (const f of folds)
    assert.ok(f.startLine < f.endLine && f.endLine < lines, `fold ${f.startLine}-${f.endLine} of ${lines} lines`);
  // Earlier versions: the middle character typed over; a line break typed in the middle (the
  // pieces below it move, copied); and line breaks typed and taken out again one after another
  // (a moved copy moved again). Texts up to 64 KB; the 1 MB ones would
  // only repeat the same check at length.
  if (text.length > 0 && text.length <= 1 << 16) {
    const middle = Math.floor(text.length / 2);
    const quarter = Math.floor(text.length / 4);
    const broken = (...at: number[]) => at.reduceRight((t, i) => t.slice(0, i) + '\n' + t.slice(i), text);
    const histories = [
      [text.slice(0, middle) + (text[middle] === 'x' ? 'y' : 'x') + text.slice(middle + 1)],
      [broken(middle)],
      [text, broken(middle), broken(quarter, middle), broken(middle)],
    ];
    for (const history of histories) {
      const memo = new FieldMemo();
      const findings = new FindingMemo(memo);
      const outline = new OutlineMemo(memo);
      for (const earlier of history) {
        const before = parseLetter(earlier, undefined, memo);
        checkLetter(before, CHECK, findings);
        documentSymbols(before, outline);
      }
      const again = parseLetter(text, undefined, memo);
      assert.equal(snapshot(again), snapshot(letter), `read after ${history.length} earlier versions`);
      assert.deepEqual(
        withFixes(checkLetter(again, CHECK, findings)),
        withFixes(problems),
        `checked after ${history.length} earlier versions`,
      );
      assert.deepEqual(documentSymbols(again, outline), symbols, `outlined after ${history.length} earlier versions`);
    }
  }
}

/** The model as data: catalog entries and the layout by id, so two reads compare by value. */
export function snapshot(letter: Letter): string {
  return JSON.stringify(letter, (key, value) => ((key === 'entry' || key === 'layout') && value ? value.id : value));
}

/** Texts to check: edits of a letter (LF or CRLF), any string at all, lines shuffled and repeated. */
export function texts(letters: readonly string[] = [VALID_LETTER]): fc.Arbitrary<string> {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join('')),
  );
  const edited = fc
    .tuple(fc.constantFrom(...letters), edits, fc.boolean())
    .map(([letter, list, crlf]) => applyEdits(crlf ? letter.replace(/\r?\n/g, '\r\n') : letter, list));
  const shuffled = fc
    .tuple(fc.constantFrom(...letters), fc.nat({ max: 3 }))
    .chain(([letter, twice]) =>
      fc.shuffledSubarray(letter.split('\n')).map((lines) => lines.flatMap((l) => Array(twice + 1).fill(l)).join('\n')),
    );
  return fc.oneof({ arbitrary: edited, weight: 3 }, anyText, shuffled);
}
