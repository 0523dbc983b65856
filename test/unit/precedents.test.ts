import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLetterService, itemRows } from '../../server/src/service';
import { Catalog, DEFAULT_CATALOG } from '../../server/src/guidelines/catalog';
import { decodeIndex, encodeIndex, readerKey } from '../../server/src/precedents/cache';
import { precedentHover, precedentLens, precedentsAnswer } from '../../server/src/precedents/answers';
import { itemOnLine, letterRecords } from '../../server/src/precedents/records';
import { isSimilar } from '../../server/src/precedents/similar';
import { tallyDecisions } from '../../server/src/precedents/tally';
import { WorkspaceIndex } from '../../server/src/precedents/workspace-index';
import { VALID_LETTER, edit, lineOf, sampleLetters } from '../fixtures/letters';

const service = createLetterService();
const BRACE = 'Hinged knee brace, left: Upheld';
const TRAMADOL = 'Tramadol ER 100mg #30 day supply: 30 with two';
const DONE = { indexed: 1, total: 1, complete: true };

/** The fixture letter with its knee brace decided `decision`, as another letter of the workspace. */
const braceLetter = (decision: string) => edit(VALID_LETTER, BRACE, `Hinged knee brace, left: ${decision}`);

describe('index records', () => {
  test('one record per item, with the item table columns and the line the item starts on', () => {
    const letter = service.read(VALID_LETTER);
    const records = letterRecords(letter);
    const rows = itemRows('', letter);
    assert.equal(records.length, 2);
    assert.deepEqual(
      records.map((r) => [r.item, r.category, r.subcategory, r.region, r.drug, r.decision, r.caseNumber]),
      rows.map((r) => [r.item, r.category, r.subcategory, r.region, r.drug, r.decision, r.case_number]),
    );
    assert.equal(records[0].line, lineOf(VALID_LETTER, BRACE));
    assert.equal(records[1].line, lineOf(VALID_LETTER, TRAMADOL));
    assert.deepEqual(records[1].maximusGuidelines, rows[1].maximus_guidelines.split('; '));
    assert.equal(records[0].decisionDate, '12/09/2016');
    assert.equal(records[0].specialty, rows[0].specialty);
  });

  test('itemOnLine finds the item by its title lines (the second line of a wrapped title too), or anywhere in it when asked', () => {
    const letter = service.read(VALID_LETTER);
    assert.equal(itemOnLine(letter, lineOf(VALID_LETTER, BRACE)), 0);
    assert.equal(itemOnLine(letter, lineOf(VALID_LETTER, 'refills: Overturned')), 1);
    const rationale = lineOf(VALID_LETTER, 'Decision rationale: Short-term use');
    assert.equal(itemOnLine(letter, rationale), -1);
    assert.equal(itemOnLine(letter, rationale, true), 1);
    assert.equal(itemOnLine(letter, 0, true), -1);
  });
});

describe('similar requests', () => {
  const req = (category: string, subcategory: string, region = '', drug = '') => ({
    category,
    subcategory,
    region,
    drug,
  });
  test('same category and subcategory; the same drug and region where the item names them', () => {
    const tramadol = req('pharmaceuticals', 'opioids', '', 'tramadol');
    assert.ok(isSimilar(tramadol, req('pharmaceuticals', 'opioids', '', 'tramadol')));
    assert.ok(!isSimilar(tramadol, req('pharmaceuticals', 'opioids', '', 'oxycodone')));
    assert.ok(!isSimilar(tramadol, req('pharmaceuticals', 'nsaids', '', 'tramadol')));
    // An item that names no drug is compared with every item of its subgroup.
    assert.ok(isSimilar(req('pharmaceuticals', 'opioids'), req('pharmaceuticals', 'opioids', '', 'oxycodone')));
    const lumbarMri = req('imaging', 'mri', 'lumbar-spine');
    assert.ok(isSimilar(lumbarMri, req('imaging', 'mri', 'lumbar-spine')));
    assert.ok(!isSimilar(lumbarMri, req('imaging', 'mri', 'knee')));
    assert.ok(!isSimilar(lumbarMri, req('imaging', 'ct', 'lumbar-spine')));
    // Nothing is known of an unclassified request: nothing is like it, not even itself.
    assert.ok(!isSimilar(req('other', ''), req('other', '')));
  });

  test('every item of the sample letters is similar to itself unless it is unclassified', () => {
    for (const text of sampleLetters())
      for (const row of itemRows('', service.read(text)))
        assert.equal(isSimilar(row, row), row.category !== 'other', row.item);
  });
});

describe('the workspace index', () => {
  const index = new WorkspaceIndex();
  const add = (uri: string, text: string) =>
    index.set(uri, { stamp: '1', hash: uri, items: letterRecords(service.read(text)) });
  add('file:///w/a.imr', braceLetter('Upheld'));
  add('file:///w/b.imr', braceLetter('Overturned'));
  add('file:///w/c.imr', braceLetter('Upheld'));
  add('file:///w/d.imr', VALID_LETTER.replace(/Tramadol/g, 'Oxycodone')); // not tramadol: not similar
  const target = letterRecords(service.read(VALID_LETTER))[0];

  test('a letter is not its own precedent, and counts agree with tallyDecisions over the similar rows', () => {
    const similar = index.similar(target, 'file:///w/a.imr');
    assert.deepEqual(
      similar.map((p) => p.uri),
      ['file:///w/b.imr', 'file:///w/c.imr', 'file:///w/d.imr'],
    );
    const tally = tallyDecisions(similar.map((p) => p.record.decision));
    assert.deepEqual(tally, { items: 3, upheld: 2, overturned: 1 });
    const hover = precedentHover(target, similar, DONE);
    assert.match(hover, /Similar requests in this workspace: 3 \(2 upheld, 1 overturned, 33 % overturned\)/);
    assert.match(hover, /citing the same MAXIMUS guideline: 3 \(2 upheld, 1 overturned\)/);
    // Links open the letters at the item (1-based line in the fragment).
    assert.match(hover, new RegExp(`\\(file:///w/b\\.imr#L${target.line + 1}\\)`));
  });

  test('the tramadol item finds only tramadol items', () => {
    const tramadol = letterRecords(service.read(VALID_LETTER))[1];
    const similar = index.similar(tramadol, 'file:///none');
    assert.deepEqual(
      similar.map((p) => p.uri),
      ['file:///w/a.imr', 'file:///w/b.imr', 'file:///w/c.imr'],
    );
  });

  test('the lens gives the counts and shows the view at the item; an unindexed workspace says it is still indexing', () => {
    const similar = index.similar(target, 'file:///x.imr');
    const lens = precedentLens('file:///x.imr', target, similar, DONE);
    assert.equal(lens.command?.title, 'Precedents: 4 similar, 25 % overturned');
    assert.deepEqual(lens.command?.arguments, ['file:///x.imr', target.line]);
    assert.match(
      precedentLens('file:///x.imr', target, [], { indexed: 1, total: 9, complete: false }).command!.title,
      /indexing/,
    );
  });

  test('the view groups by decision and filters by region, guideline, year and category', () => {
    const view = precedentsAnswer('file:///x.imr', target, index, {}, DONE);
    assert.deepEqual(
      view.groups.map((g) => [g.decision, g.total]),
      [
        ['Upheld', 3],
        ['Overturned', 1],
      ],
    );
    assert.deepEqual(view.choices.year, ['2016']);
    assert.equal(precedentsAnswer('file:///x.imr', target, index, { year: '2015' }, DONE).groups.length, 0);
    assert.equal(precedentsAnswer('file:///x.imr', target, index, { region: 'lumbar-spine' }, DONE).groups.length, 0);
    // A category filter widens past similarity: every item of that category, the opioids included.
    const drugs = precedentsAnswer('file:///x.imr', target, index, { category: 'pharmaceuticals' }, DONE);
    assert.equal(
      drugs.groups.reduce((n, g) => n + g.total, 0),
      4,
    );
    const guideline = view.choices.guideline.find((g) => /Knee/.test(g));
    assert.ok(guideline);
    assert.equal(
      precedentsAnswer('file:///x.imr', target, index, { guideline }, DONE).groups.reduce((n, g) => n + g.total, 0),
      4,
    );
  });

  test('the hover links the closest letters, in the order the view lists them: the same guideline first, then the latest', () => {
    const dated = new WorkspaceIndex();
    for (let i = 0; i < 9; i++) {
      let text = edit(braceLetter('Upheld'), '12/09/2016', `12/0${i + 1}/2016`);
      // Two of them cite another MAXIMUS guideline: they come last, whatever their date.
      if (i >= 7)
        text = edit(
          text,
          'MAXIMUS guideline: Decision based on MTUS Knee',
          'MAXIMUS guideline: Decision based on ODG Knee',
        );
      dated.set(`file:///d/${i}.imr`, { stamp: '', hash: '', items: letterRecords(service.read(text)) });
    }
    const similar = dated.similar(target, 'file:///x.imr');
    const linked = [...precedentHover(target, similar, DONE).matchAll(/\(file:\/\/\/d\/(\d)\.imr#/g)].map((m) => m[1]);
    const listed = precedentsAnswer('file:///x.imr', target, dated, {}, DONE).groups[0].entries.map((e) => e.file[0]);
    assert.deepEqual(linked, ['6', '5', '4', '3', '2']);
    assert.deepEqual(listed, ['6', '5', '4', '3', '2', '1', '0', '8', '7']);
  });

  test('an item name is escaped in the hover', () => {
    const hostile = letterRecords(
      service.read(edit(VALID_LETTER, BRACE, 'Hinged knee brace [x](javascript:alert(1)), left: Upheld')),
    );
    const hover = precedentHover(target, [{ uri: 'file:///w/e.imr', record: hostile[0] }], DONE);
    assert.match(hover, /brace \\\[x\\\]\(javascript/);
    assert.doesNotMatch(hover, /[^\\]\]\(javascript/);
  });
});

describe('the saved index', () => {
  const letters = new Map([
    ['file:///w/a.imr', { stamp: '1:2', hash: 'h1', items: letterRecords(service.read(VALID_LETTER)) }],
    ['file:///w/b.txt', { stamp: '3:4', hash: 'h2', items: [] }],
  ]);

  const reader = readerKey(DEFAULT_CATALOG);

  test('reads back as it was saved', () => {
    assert.deepEqual(decodeIndex(encodeIndex(letters, reader), reader), letters);
  });

  test('an index read with another catalog (or vocabulary) is not used', () => {
    const other = readerKey(new Catalog(DEFAULT_CATALOG.entries.slice(1)));
    assert.notEqual(other, reader);
    assert.equal(readerKey(DEFAULT_CATALOG), reader);
    assert.equal(decodeIndex(encodeIndex(letters, reader), other), undefined);
  });

  test('a damaged, truncated, older or foreign file is ignored whole', () => {
    const text = encodeIndex(letters, reader);
    assert.equal(decodeIndex(text.slice(0, text.length - 10), reader), undefined);
    assert.equal(decodeIndex('', reader), undefined);
    assert.equal(decodeIndex('null', reader), undefined);
    // Version 1 keyed contents by 22 base64url characters of their hash, not its hex.
    assert.ok(text.includes('"version":2'));
    assert.equal(decodeIndex(text.replace('"version":2', '"version":1'), reader), undefined);
    assert.equal(
      decodeIndex(JSON.stringify({ version: 2, reader, strings: ['a'], letters: [['u', 's', 'h', [[0]]]] }), reader),
      undefined,
    );
    // An index past the table of strings.
    const saved = JSON.parse(text) as { strings: string[] };
    saved.strings = saved.strings.slice(0, 2);
    assert.equal(decodeIndex(JSON.stringify(saved), reader), undefined);
  });
});
