/**
 * What a new user meets in the first hour (issue #25): the counts name undecided items, the last
 * day to appeal sits in a code lens and the Decision Date's hover rather than inside the header,
 * the outline names each item by its decision first and goes only as deep as asked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { codeLenses } from '../../server/src/features/code-lens';
import { hover } from '../../server/src/features/hover';
import { decisionDateHover } from '../../server/src/features/date-hover';
import { decisionCount, describeCount, letterSummary } from '../../server/src/features/letter-summary';
import { DEFAULT_OUTLINE_DEPTH, outlineToDepth } from '../../server/src/features/outline-depth';
import { documentSymbols } from '../../server/src/features/symbols';
import { parseLetter } from '../../server/src/letter/parse';
import { readSettings } from '../../server/src/service/settings';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';

const markdown = (h: ReturnType<typeof hover>) => (h?.contents as { value: string } | undefined)?.value ?? '';
const at = (text: string, needle: string, offset = 1) => ({
  line: lineOf(text, needle),
  character: text.split('\n')[lineOf(text, needle)].indexOf(needle) + offset,
});
const rows = (symbols: DocumentSymbol[] | undefined): number =>
  (symbols ?? []).reduce((n, s) => n + 1 + rows(s.children), 0);
const kinds = (symbols: DocumentSymbol[] | undefined, into = new Set<SymbolKind>()): Set<SymbolKind> => {
  for (const s of symbols ?? []) {
    into.add(s.kind);
    kinds(s.children, into);
  }
  return into;
};

describe('counts name the undecided items', () => {
  test('a count that leaves items out says how many are undecided, so the numbers add up', () => {
    const undecided = parseLetter(edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
    const count = decisionCount(undecided.items);
    assert.deepEqual(count, { items: 2, upheld: 0, overturned: 1, undecided: 1 });
    assert.equal(describeCount(count), '2 items: 0 upheld, 1 overturned, 1 undecided');
    assert.equal(letterSummary(undecided).text, '2 items: 0 upheld, 1 overturned, 1 undecided');
    const missing = parseLetter(edit(VALID_LETTER, 'left: Upheld', 'left:'));
    assert.match(codeLenses(missing)[0].command!.title, /^2 items: 0 upheld, 1 overturned, 1 undecided · /);
  });

  test('when every item is decided, no undecided count is shown', () => {
    assert.equal(describeCount(decisionCount(parseLetter(VALID_LETTER).items)), '2 items: 1 upheld, 1 overturned');
  });
});

describe('the last day to appeal, outside the header', () => {
  test('the Decision Date hover (label or value) says what the date means and the last day to appeal', () => {
    for (const where of [at(VALID_LETTER, '12/09/2016', 3), at(VALID_LETTER, 'Decision Date:', 2)]) {
      const h = hover(parseLetter(VALID_LETTER), where);
      assert.match(markdown(h), /^\*\*Decision Date: 12\/09\/2016\*\*/);
      assert.match(markdown(h), /date the IMR determination was made/);
      assert.match(
        markdown(h),
        /Last day to appeal: 01\/08\/2017\*\*, the Decision Date plus 30 calendar days[\s\S]*mailed/,
      );
    }
    // The hover covers what is under the cursor: the value here.
    const value = decisionDateHover(parseLetter(VALID_LETTER), at(VALID_LETTER, '12/09/2016'))!;
    assert.deepEqual(value.range, {
      start: at(VALID_LETTER, '12/09/2016', 0),
      end: at(VALID_LETTER, '12/09/2016', 10),
    });
  });

  test('the date crosses months and leap days, and a written-out date is read too', () => {
    const last = (date: string) =>
      /Last day to appeal: ([\d/]+)/.exec(
        markdown(hover(parseLetter(edit(VALID_LETTER, '12/09/2016', date)), at(VALID_LETTER, 'Decision Date:'))),
      )?.[1];
    assert.equal(last('02/10/2016'), '03/11/2016');
    assert.equal(last('01/31/2015'), '03/02/2015');
    assert.equal(last('January 31, 2015'), '03/02/2015');
  });

  test('an impossible or missing date gets the meaning and no deadline; no hover on the other header dates', () => {
    const bad = edit(VALID_LETTER, '12/09/2016', '02/30/2016');
    const text = markdown(hover(parseLetter(bad), at(bad, '02/30/2016')));
    assert.match(text, /cannot be read as a calendar date/);
    assert.doesNotMatch(text, /Last day/);
    assert.doesNotMatch(text, /02\/30/, 'no letter text in the hover');
    const empty = edit(VALID_LETTER, 'Decision Date:        12/09/2016', 'Decision Date:');
    assert.match(markdown(hover(parseLetter(empty), at(empty, 'Decision Date:'))), /gives no Decision Date/);
    assert.equal(decisionDateHover(parseLetter(VALID_LETTER), at(VALID_LETTER, '11/09/2016')), null);
    assert.equal(decisionDateHover(parseLetter(VALID_LETTER), at(VALID_LETTER, '10/03/2016')), null);
  });

  test('the code lens at the top line gives the counts and the deadline; without a real date, only the counts', () => {
    assert.deepEqual(
      codeLenses(parseLetter(VALID_LETTER)).map((l) => [l.range.start, l.command!.title]),
      [[{ line: 0, character: 0 }, '2 items: 1 upheld, 1 overturned · appeal by 01/08/2017']],
    );
    assert.deepEqual(
      codeLenses(parseLetter(edit(VALID_LETTER, '12/09/2016', '02/30/2016'))).map((l) => l.command!.title),
      ['2 items: 1 upheld, 1 overturned'],
    );
    assert.deepEqual(letterSummary(parseLetter(edit(VALID_LETTER, '12/09/2016', '02/30/2016'))).appealBy, undefined);
  });

  test('a letter whose items sit under two headings keeps a lens above each, since each counts only some', () => {
    const split = edit(
      VALID_LETTER,
      'Tramadol ER 100mg #30 day supply: 30 with two\n',
      '                      IMR ISSUES, DECISIONS AND RATIONALES\nTramadol ER 100mg #30 day supply: 30 with two\n',
    );
    const letter = parseLetter(split);
    assert.equal(letter.items.length, 2);
    assert.deepEqual(
      codeLenses(letter).map((l) => [l.range.start.line, l.command!.title]),
      [
        [0, '2 items: 1 upheld, 1 overturned · appeal by 01/08/2017'],
        [lineOf(split, 'IMR ISSUES'), '1 item: 1 upheld, 0 overturned'],
        [lineOf(split, 'Tramadol') - 1, '1 item: 0 upheld, 1 overturned'],
      ],
    );
  });
});

describe('the outline', () => {
  const full = documentSymbols(parseLetter(VALID_LETTER));
  const issues = (symbols: DocumentSymbol[]) => symbols.find((s) => s.name.startsWith('IMR issues'))!;

  test('each item is named by its decision first; an undecided one says so', () => {
    assert.deepEqual(
      issues(full).children!.map((s) => [s.name, s.detail]),
      [
        ['Upheld · Hinged knee brace, left', ''],
        ['Overturned · Tramadol ER 100mg #30 day supply: 30 with two refills', ''],
      ],
    );
    const names = (text: string) => issues(documentSymbols(parseLetter(text))).children!.map((s) => s.name);
    assert.equal(names(edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'))[0], '"Uphled"? · Hinged knee brace, left');
    assert.equal(names(edit(VALID_LETTER, 'left: Upheld', 'left:'))[0], 'No decision · Hinged knee brace, left:');
  });

  test('imrLetter.outline.depth: items (the default) leave out fields and citations, fields leave out citations, all keeps everything', () => {
    assert.equal(DEFAULT_OUTLINE_DEPTH, 'items');
    const items = outlineToDepth(full, 'items');
    const fields = outlineToDepth(full, 'fields');
    assert.equal(outlineToDepth(full, 'all'), full);
    assert.deepEqual([...kinds(items)].sort(), [SymbolKind.Module, SymbolKind.Namespace, SymbolKind.Event].sort());
    assert.deepEqual(
      [...kinds(fields)].sort(),
      [SymbolKind.Module, SymbolKind.Namespace, SymbolKind.Event, SymbolKind.Property, SymbolKind.Field].sort(),
    );
    assert.ok(kinds(full).has(SymbolKind.Package));
    assert.ok(
      rows(items) < rows(fields) && rows(fields) < rows(full),
      `${rows(items)} < ${rows(fields)} < ${rows(full)}`,
    );
    assert.deepEqual(
      issues(items).children!.map((s) => [s.name, s.children]),
      issues(full).children!.map((s) => [s.name, undefined]),
    );
    // The symbols given are left as they were (the server's outline memo keeps them).
    assert.ok(issues(full).children![0].children!.length > 0);
  });

  test('annotations stay at every depth, under their item', () => {
    const annotated = edit(
      VALID_LETTER,
      'No instability is',
      'No instability{>>appeal-fact: the exam notes laxity<<} is',
    );
    const items = outlineToDepth(documentSymbols(parseLetter(annotated)), 'items');
    assert.deepEqual(
      issues(items).children![0].children!.map((s) => s.name),
      ['appeal-fact: the exam notes laxity'],
    );
  });

  test('the setting is read defensively: anything but the three values is the default', () => {
    assert.equal(readSettings({ outline: { depth: 'fields' } }).outlineDepth, 'fields');
    assert.equal(readSettings({ outline: { depth: 'all' } }).outlineDepth, 'all');
    for (const raw of [
      undefined,
      null,
      {},
      { outline: { depth: 'deep' } },
      { outline: { depth: 3 } },
      { outline: null },
    ])
      assert.equal(readSettings(raw).outlineDepth, 'items');
  });
});
