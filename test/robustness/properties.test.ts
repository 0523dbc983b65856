import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { VALID_LETTER, sampleLetters } from '../fixtures/letters';
import { completions } from '../../server/src/features/completion';
import { analyse, checkInvariants, texts } from './invariants';

const SAMPLES = sampleLetters();
/** Inputs `npm run fuzz` once found failing, kept so they never fail again. */
const REGRESSIONS = join(__dirname, 'regressions');

describe('robustness', () => {
  test('any text (edits of the letters, any string, shuffled lines): no exception, ranges inside, the outline a tree, folds in order, read after an earlier version as a fresh read', () => {
    fc.assert(fc.property(texts([VALID_LETTER, ...SAMPLES]), checkInvariants), { numRuns: 1000, seed: 20261124 });
  });

  test('every letter truncated at every 13th character', () => {
    for (const letter of [VALID_LETTER, ...SAMPLES])
      for (let cut = 0; cut <= letter.length; cut += 13) checkInvariants(letter.slice(0, cut));
  });

  test(
    'the inputs the fuzzer once failed on',
    { skip: existsSync(REGRESSIONS) ? false : 'no regressions saved' },
    () => {
      for (const file of readdirSync(REGRESSIONS)) checkInvariants(readFileSync(join(REGRESSIONS, file), 'utf8'));
    },
  );

  // Inputs crafted against backtracking regular expressions and nested scans, each 1 MB, most of
  // them inside a letter's item so the field and citation parsers meet them. Each one that was
  // quadratic took minutes here; a generous bound on each run (not a performance target: see
  // npm run bench) catches a regression without timing anything finely.
  const MB = 1 << 20;
  const inItem = (s: string) =>
    VALID_LETTER.replace('Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.', s);
  const crafted: [string, string][] = [
    ['one line of colons', inItem(':'.repeat(MB))],
    ['one huge item line', inItem('\n' + 'x'.repeat(MB - 10) + ': Upheld\n')],
    ['labels on every line', inItem('Decision rationale: a\n'.repeat(MB / 22))],
    ['decisions on every line', inItem('A: Upheld\n'.repeat(MB / 10))],
    [
      'citations without end',
      inItem(`Claims Administrator guideline: ${'Decision based on MTUS Low Back '.repeat(MB / 32)}`),
    ],
    [
      'citations of named guidelines',
      inItem(
        `Claims Administrator guideline: ${'Decision based on MTUS Chronic Pain Medical Treatment Guidelines 2009, '.repeat(MB / 72)}`,
      ),
    ],
    [
      'ODG citations',
      inItem(`Claims Administrator guideline: ${'Decision based on Non-MTUS Citation ODG, Knee, '.repeat(MB / 48)}`),
    ],
    [
      'a sections list without end',
      inItem(
        `MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): ${'Summary, '.repeat(MB / 9)}`,
      ),
    ],
    [
      'a sections list wrapped on every line',
      inItem(
        `MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): ${'Summary,\n'.repeat(MB / 9)}`,
      ),
    ],
    [
      'page lists',
      inItem(
        `MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints page(s) ${'1-2, '.repeat(MB / 5)}`,
      ),
    ],
    [
      'chapters, pages and tables',
      inItem(`MAXIMUS guideline: Decision based on MTUS ACOEM ${'Chapter 8, page 12, Table 12-8, '.repeat(MB / 32)}`),
    ],
    [
      'rationale citations and conclusions',
      inItem(
        `Decision rationale: ${'MTUS ACOEM guidelines page 171 state that the request is not medically necessary. '.repeat(MB / 84)}`,
      ),
    ],
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
    // Issue #24's: each made a pattern backtrack (seconds to minutes) before it was rewritten.
    [
      'spaces in a rationale before ";is medically necessary"',
      inItem(`Decision rationale: The request for${' '.repeat(MB)};is medically necessary.`),
    ],
    [
      "spaces before a guideline's year",
      inItem(`Claims Administrator guideline: Decision based on MTUS Low Back Complaints${' '.repeat(MB)}x`),
    ],
    [
      'spaces before Section(s)',
      inItem(
        `Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004${' '.repeat(MB)}Section(s): Summary`,
      ),
    ],
    [
      'spaces before Page(s)',
      inItem(`Claims Administrator guideline: Decision based on MTUS ACOEM Chapter 8${' '.repeat(MB)}Page(s): 178`),
    ],
    [
      'spaces before pp.',
      inItem(`Claims Administrator guideline: Decision based on Non-MTUS Citation ODG${' '.repeat(MB)}pp. 12`),
    ],
    [
      'spaces after ODG',
      inItem(
        `Claims Administrator guideline: Decision based on Non-MTUS Citation Official Disability Guidelines${' '.repeat(MB)},`,
      ),
    ],
    [
      'a treatment list with no full stop',
      VALID_LETTER.replace(
        'requested treatment includes a knee brace and tramadol.',
        `requested treatment includes ${'a brace, '.repeat(MB / 9)}`,
      ),
    ],
    [
      'spaces in a treatment list',
      VALID_LETTER.replace(
        'requested treatment includes a knee brace and tramadol.',
        `requested treatment includes a${' '.repeat(MB)}and tramadol.`,
      ),
    ],
    [
      'modified requests without a decision',
      inItem(`Decision rationale: ${'The remaining IMR eligible portion of the original request '.repeat(MB / 58)}`),
    ],
    [
      'a 2013 notice with no verdict',
      `Notice of Independent Medical Review Determination\n\n1) MAXIMUS has determined the request for ${'x '.repeat(MB / 2)}\n`,
    ],
  ];
  test('completion after "Decision based on" and 100,000 tabs, and in a Section(s) list after 100,000 spaces, answers in bounded time', () => {
    const start = Date.now();
    for (const prefix of [
      `Decision based on${'\t'.repeat(100_000)}`,
      `Decision based on MTUS Low Back Complaints 2004${' '.repeat(100_000)}, Section(s): Su`,
    ])
      completions({ line: 0, character: prefix.length }, prefix);
    assert.ok(Date.now() - start < 30_000, `took ${Date.now() - start} ms`);
  });

  for (const [name, input] of crafted) {
    test(`1 MB of ${name} analyses in bounded time`, () => {
      const start = Date.now();
      analyse(input);
      assert.ok(Date.now() - start < 30_000, `${name} took ${Date.now() - start} ms`);
    });
  }
});
