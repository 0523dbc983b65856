import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/features/folding';
import { documentSymbols } from '../../server/src/features/symbols';
import { before } from '../../server/src/letter/lines';
import { parseLetter } from '../../server/src/letter/parse';
import { checkLetter } from '../../server/src/rules';
import { VALID_LETTER } from '../fixtures/letters';

// Pieces that make the parser work hardest: labels, decisions, headings, colons, markup, odd characters.
const TOKENS = [
  'Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:', ': Upheld', ': Overturned', ': Uphled', ':',
  'IMR ISSUES, DECISIONS AND RATIONALES', 'CLINICAL CASE SUMMARY', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'Case Number:', 'Application', 'Received:',
  'Decision based on MTUS ', 'Decision based on Non-MTUS Citation ODG, ', 'Section(s): ', 'page(s) 171-', ', and ', '2016', 'Chapter 12, Table 12-8, page 309',
  '{>>', '<<}', '{==', '==}', '{~~', '~>', '~~}', '{++', '--}', '{>>imr-disable ', 'red- flag', 'is not medically necessary.', 'is medically necessary.',
  '\n', '\r\n', '\r', '\f', '\t', '\u0000', '\ud800', '\udfff', '\ufeff', 'é', '漢字', '   ', '\n\n\n',
];

type Edit = { at: number; del: number; insert: string };
const edits = fc.array(
  fc.record({ at: fc.nat(), del: fc.nat({ max: 200 }), insert: fc.array(fc.constantFrom(...TOKENS), { maxLength: 6 }).map((t) => t.join('')) }),
  { maxLength: 12 },
);

function applyEdits(text: string, list: Edit[]): string {
  for (const e of list) {
    const at = e.at % (text.length + 1);
    text = text.slice(0, at) + e.insert + text.slice(at + e.del);
  }
  return text;
}

/** Every range lies inside the text (LSP positions, lines split as editors split them). */
function assertInside(text: string, ranges: Range[]) {
  const lines = text.split(/\r\n|\r|\n/);
  for (const r of ranges) {
    assert.ok(!before(r.end, r.start), `range ends before it starts: ${JSON.stringify(r)}`);
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} outside ${lines.length} lines`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `character ${p.character} outside line ${p.line} (${lines[p.line].length})`);
    }
  }
}

/** The outline is a proper tree: each selection inside its symbol, each child inside its parent. */
function assertTree(symbols: DocumentSymbol[], parent?: Range): Range[] {
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

function analyse(text: string) {
  const letter = parseLetter(text);
  const problems = checkLetter(letter, { today: new Date(2026, 0, 1) });
  const symbols = documentSymbols(letter);
  const folds = foldingRanges(letter);
  return { letter, problems, symbols, folds };
}

describe('robustness', () => {
  test('any edit of a letter: no exception, every range inside the text, the outline a proper tree, folds in order', () => {
    fc.assert(
      fc.property(edits, fc.boolean(), (list, crlf) => {
        const text = applyEdits(crlf ? VALID_LETTER.replace(/\n/g, '\r\n') : VALID_LETTER, list);
        const { problems, symbols, folds } = analyse(text);
        const lines = text.split(/\r\n|\r|\n/).length;
        assertInside(text, [...problems.map((p) => p.range), ...assertTree(symbols)]);
        for (const f of folds) assert.ok(f.startLine < f.endLine && f.endLine < lines);
      }),
      { numRuns: 400, seed: 20261124 },
    );
  });

  test('any string at all (every code point, lone surrogates, NUL, BOM, CR/LF mixes) analyses with every range inside it', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join('')));
    fc.assert(
      fc.property(anyText, (text) => {
        const { problems, symbols } = analyse(text);
        assertInside(text, [...problems.map((p) => p.range), ...assertTree(symbols)]);
      }),
      { numRuns: 500, seed: 4610 },
    );
  });

  test('truncated at every 13th character and with lines shuffled or doubled, every letter still analyses', () => {
    for (let cut = 0; cut <= VALID_LETTER.length; cut += 13) analyse(VALID_LETTER.slice(0, cut));
    fc.assert(
      fc.property(fc.shuffledSubarray(VALID_LETTER.split('\n')), fc.nat({ max: 3 }), (lines, twice) => {
        const text = lines.flatMap((l) => Array(twice + 1).fill(l)).join('\n');
        assertInside(text, assertTree(analyse(text).symbols));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  // Inputs crafted against backtracking regular expressions and nested scans, each 1 MB, most of
  // them inside a letter's item so the field and citation parsers meet them. Each one that was
  // quadratic took minutes here; a generous bound on each run (not a performance target: see
  // npm run bench) catches a regression without timing anything finely.
  const MB = 1 << 20;
  const inItem = (s: string) => VALID_LETTER.replace('Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.', s);
  const crafted: [string, string][] = [
    ['one line of colons', inItem(':'.repeat(MB))],
    ['one huge item line', inItem('\n' + 'x'.repeat(MB - 10) + ': Upheld\n')],
    ['labels on every line', inItem('Decision rationale: a\n'.repeat(MB / 22))],
    ['decisions on every line', inItem('A: Upheld\n'.repeat(MB / 10))],
    ['citations without end', inItem(`Claims Administrator guideline: ${'Decision based on MTUS Low Back '.repeat(MB / 32)}`)],
    ['citations of named guidelines', inItem(`Claims Administrator guideline: ${'Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, '.repeat(MB / 72)}`)],
    ['ODG citations', inItem(`Claims Administrator guideline: ${'Decision based on Non-MTUS Citation ODG, Knee, '.repeat(MB / 48)}`)],
    ['a sections list without end', inItem(`MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): ${'Summary, '.repeat(MB / 9)}`)],
    ['a sections list wrapped on every line', inItem(`MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): ${'Summary,\n'.repeat(MB / 9)}`)],
    ['page lists', inItem(`MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints page(s) ${'1-2, '.repeat(MB / 5)}`)],
    ['chapters, pages and tables', inItem(`MAXIMUS guideline: Decision based on MTUS ACOEM ${'Chapter 8, page 12, Table 12-8, '.repeat(MB / 32)}`)],
    ['rationale citations and conclusions', inItem(`Decision rationale: ${'MTUS ACOEM guidelines page 171 state that the request is not medically necessary. '.repeat(MB / 84)}`)],
    ['dates', inItem(`Decision rationale: ${'10/13/16 October 10, 2015 01-14-15 '.repeat(MB / 36)}`)],
    ['hyphens and spaces', inItem('ab- cd '.repeat(MB / 7))],
    ['unclosed comments', '{>>'.repeat(MB / 3)],
    ['unclosed highlights in an item', inItem('{=='.repeat(MB / 3))],
    ['mixed broken markup', inItem('{>> a {== b ~> {~~ c '.repeat(MB / 21))],
    ['closed comments', inItem('{>>note: a<<}'.repeat(MB / 13))],
    ['unclosed directives', inItem('{>>imr-disable '.repeat(MB / 15))],
    ['headings', 'IMR ISSUES, DECISIONS AND RATIONALES\n'.repeat(MB / 37)],
    ['header labels', 'Case Number: CM15-0000001\n'.repeat(MB / 26)],
    ['blank lines', inItem('\n'.repeat(MB))],
    ['carriage returns', inItem('\r'.repeat(MB))],
    ['form feeds', inItem('\f'.repeat(MB))],
  ];
  for (const [name, input] of crafted) {
    test(`1 MB of ${name} analyses in bounded time`, () => {
      const start = Date.now();
      analyse(input);
      assert.ok(Date.now() - start < 30_000, `${name} took ${Date.now() - start} ms`);
    });
  }
});
