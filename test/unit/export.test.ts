import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ExportSource, exportAnnotations } from '../../server/src/reports/export-annotations';
import { csvCell } from '../../server/src/reports/item-table';
import { stripAnnotations } from '../../server/src/letter/annotations';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, edit } from '../fixtures/letters';

const TEXT = edit(
  edit(VALID_LETTER, 'No instability is', 'No {==instability==}{>>appeal-fact: the exam notes "laxity", grade 2<<} is'),
  'Short-term use is supported',
  'Short-term use is {~~supported~>allowed~~}{>>=HYPERLINK("x")<<}',
);
const source = (text: string): ExportSource => ({ name: 'letter.imr', text, letter: parseLetter(text) });

describe('annotation exports', () => {
  test('markdown: an appeal worksheet with the grounds, grouped by item with its decision, quoting the text', () => {
    const md = exportAnnotations(source(TEXT), 'markdown');
    assert.match(md, /^# Annotations: CM16-0123456\n/);
    assert.match(
      md,
      /## Grounds for appeal marked \(Labor Code 4610\.6\(h\)\)\n\n- 4610\.6\(h\)\(5\): .* \(1: line \d+\)/,
    );
    assert.match(
      md,
      /## Hinged knee brace, left: Upheld\n\n- \*\*appeal-fact\*\* \(line \d+\): the exam notes "laxity", grade 2\n {2}> instability/,
    );
    assert.match(
      md,
      /## Tramadol ER 100mg #30 day supply: 30 with two refills: Overturned\n\n- \*\*substitution\*\* \(line \d+\)\n {2}> supported\n {2}Replace with: allowed/,
    );
  });

  test('markdown: item names, notes, quotes and file names from a letter are escaped: no HTML, image, link or command: link renders', () => {
    const hostile = edit(
      edit(
        VALID_LETTER,
        'Hinged knee brace, left: Upheld',
        'Hinged knee brace <img src=x onerror=alert(1)>, left: Upheld',
      ),
      'No instability is',
      'No {==instability <script>alert(1)</script>==}{>>appeal-fact: see [the notes](command:workbench.action.terminal.new) and ![x](https://example.org/t.png)<<} is',
    );
    const md = exportAnnotations(
      { name: '<b>letter</b>.imr', text: hostile, letter: parseLetter(hostile) },
      'markdown',
    );
    // Every < and [ from the letter is escaped, so none opens a tag, a link or an image.
    assert.doesNotMatch(md, /(?<!\\)[<[]/, md);
    assert.match(md, /\\<img src=x onerror=alert\(1\)\\>/);
    assert.match(md, /\\\[the notes\\\]\(command:/);
  });

  test('a hundred thousand notes export in one pass (grouping pushes rows, it does not copy them)', () => {
    const notes = Array.from({ length: 100_000 }, (_, i) => `{>>note: ${i}<<}`).join(' ');
    const many = edit(VALID_LETTER, 'No instability is', `No ${notes} instability is`);
    const md = exportAnnotations(source(many), 'markdown');
    assert.equal(md.match(/^- \*\*note\*\*/gm)?.length, 100_000);
  });

  test('csv: one row per annotation, quoted where needed, formulas defused', () => {
    const csv = exportAnnotations(source(TEXT), 'csv').split('\r\n');
    assert.equal(csv[0], 'file,case_number,line,form,kind,item,decision,quote,note,proposed');
    assert.equal(csv.length, 5); // header, three annotations, final empty line
    assert.match(
      csv[1],
      /^letter\.imr,CM16-0123456,\d+,highlight,appeal-fact,"Hinged knee brace, left",Upheld,instability,"the exam notes ""laxity"", grade 2",$/,
    );
    assert.match(csv[3], /,"'=HYPERLINK\(""x""\)",$/);
  });

  test('csv cells: every opening a spreadsheet runs as a formula is defused, and nothing else is touched', () => {
    for (const formula of ['=1+1', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      assert.ok(csvCell(formula).replace(/^"/, '').startsWith(`'`), JSON.stringify(formula));
    for (const plain of ['CM16-0123456', '12/09/2016', 'Upheld', "O'Neil", '3-4 weeks'])
      assert.equal(csvCell(plain), plain);
  });

  test('json: W3C Web Annotations whose selectors find the text in the clean letter', () => {
    const collection = JSON.parse(exportAnnotations(source(TEXT), 'json'));
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    const clean = stripAnnotations(TEXT);
    assert.equal(clean, VALID_LETTER);
    for (const a of collection.first.items) {
      const [quote, position] = a.target.selector;
      assert.equal(clean.slice(position.start, position.end), quote.exact);
      assert.equal(clean.slice(position.start - quote.prefix.length, position.start), quote.prefix);
    }
    const [highlight] = collection.first.items;
    assert.equal(highlight.motivation, 'highlighting');
    assert.equal(highlight.target.selector[0].exact, 'instability');
    assert.deepEqual(
      highlight.body.map((b: { purpose: string; value: string }) => [b.purpose, b.value]),
      [
        ['commenting', 'the exam notes "laxity", grade 2'],
        ['tagging', 'appeal-fact'],
      ],
    );
  });
});
