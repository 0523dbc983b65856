import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ItemRow, createLetterService, itemRows } from '../../server/src/service';
import { itemStats, statsCsv, statsJson, statsText } from '../../server/src/reports/stats';
import { statsHtml } from '../../server/src/reports/stats-html';
import { tallyDecisions } from '../../server/src/precedents/tally';
import { VALID_LETTER, edit } from '../fixtures/letters';

const service = createLetterService();

// A: knee brace upheld (dmepos, knee), tramadol overturned (opioids, no region); 2016; two specialties.
// B: the same items, both upheld, in 2017, by a reviewer whose specialty and MAXIMUS guideline are
// hostile (markup, a spreadsheet formula; the reader drops the terminal escape).
// C: one item with a decision that cannot be read, no decision date.
const A = VALID_LETTER;
let B = edit(
  VALID_LETTER,
  'Physical Medicine & Rehabilitation, Pain\nManagement',
  'Orthopedic <script>alert(1)</script> Surgery, \x1b[31mRed; =HYPERLINK("x")',
);
B = edit(
  B,
  'Decision based on MTUS Knee Complaints 2004, Section(s):\nInitial Care.',
  'Decision based on <img src=x onerror=alert(1)> "Guide", Section(s): 1.',
);
B = edit(B, 'Decision Date:        12/09/2016', 'Decision Date:        01/05/2017');
B = edit(B, '30 with two\nrefills: Overturned', '30 with two\nrefills: Upheld');
const C = edit(
  edit(VALID_LETTER, 'Decision Date:        12/09/2016', 'Decision Date:'),
  /\nTramadol ER[^]*$/,
  '\n',
).replace('left: Upheld', 'left: Uphled');

function rows(): ItemRow[] {
  return [
    ...itemRows('a.imr', service.read(A)),
    ...itemRows('b.imr', service.read(B)),
    ...itemRows('c.imr', service.read(C)),
  ];
}

const SOURCES = {
  inputs: ['letters\x1b]0;title\x07'],
  files: 4,
  letters: 3,
  unreadable: ['gone.pdf'],
  noItems: ['<b>notes</b>.txt'],
};

function group(report: ReturnType<typeof itemStats>, table: string, name: string) {
  const found = report.tables.find((t) => t.id === table)?.groups.find((g) => g.name === name);
  assert.ok(found, `${table}: ${name}`);
  return found;
}

describe('stats: the computation', () => {
  const all = rows();
  const report = itemStats(all, SOURCES);

  test('the fixture rows are what the tests below assume', () => {
    assert.equal(all.length, 5);
    assert.deepEqual(
      all.map((r) => [r.file, r.category, r.decision]),
      [
        ['a.imr', 'dmepos', 'Upheld'],
        ['a.imr', 'pharmaceuticals', 'Overturned'],
        ['b.imr', 'dmepos', 'Upheld'],
        ['b.imr', 'pharmaceuticals', 'Upheld'],
        ['c.imr', 'dmepos', 'Uphled'],
      ],
    );
  });

  test('the totals are those of tallyDecisions over the rows, with the Wilson interval', () => {
    assert.deepEqual(
      { items: report.total.items, upheld: report.total.upheld, overturned: report.total.overturned },
      tallyDecisions(all.map((r) => r.decision)),
    );
    assert.equal(report.total.undecided, 1);
    assert.equal(report.total.rate?.rate, 0.25);
    assert.equal(report.total.rate?.low.toFixed(3), '0.046');
    assert.equal(report.total.rate?.high.toFixed(3), '0.699');
  });

  test('by category, subcategory, region, year: each item once, so every table adds up to the total', () => {
    assert.deepEqual(
      report.tables.find((t) => t.id === 'category')?.groups.map((g) => [g.name, g.items, g.upheld, g.overturned]),
      [
        ['dmepos', 3, 2, 0],
        ['pharmaceuticals', 2, 1, 1],
      ],
    );
    assert.equal(group(report, 'subcategory', 'pharmaceuticals / opioids').items, 2);
    assert.equal(group(report, 'subcategory', 'dmepos').items, 3);
    assert.equal(group(report, 'region', 'knee').items, 3);
    assert.equal(group(report, 'region', '(none named)').items, 2);
    assert.deepEqual(
      report.tables.find((t) => t.id === 'year')?.groups.map((g) => [g.name, g.items]),
      [
        ['(no date)', 1],
        ['2016', 2],
        ['2017', 2],
      ],
    );
    for (const id of ['category', 'subcategory', 'region', 'year']) {
      const table = report.tables.find((t) => t.id === id)!;
      assert.equal(
        table.groups.reduce((n, g) => n + g.items, 0),
        report.total.items,
        id,
      );
    }
  });

  test('guidelines and specialties: a row naming two counts in both; none named is a group of its own', () => {
    assert.equal(group(report, 'maximus_guideline', 'Opioids Treatment Guidelines (2016)').items, 2);
    assert.equal(group(report, 'maximus_guideline', 'ACOEM Ch. 13 Knee Complaints').items, 2);
    assert.equal(group(report, 'rationale_guideline', '(none named)').items, 5);
    assert.equal(group(report, 'claims_administrator_guideline', 'ACOEM Ch. 13 Knee Complaints').items, 3);
    assert.equal(group(report, 'claims_administrator_guideline', '(no evidence cited)').items, 2);
    assert.equal(group(report, 'specialty', 'Physical Medicine & Rehabilitation').items, 3);
    assert.equal(group(report, 'specialty', 'Pain Management').items, 3);
    assert.equal(group(report, 'specialty', 'Orthopedic <script>alert(1)</script> Surgery').items, 2);
    assert.equal(group(report, 'specialty', '=HYPERLINK("x")').items, 2);
  });

  test('a group with nothing decided has no rate; --min-items leaves small groups out and counts them', () => {
    const undecided = itemStats(all.slice(4), SOURCES);
    assert.equal(undecided.total.rate, undefined);
    const big = itemStats(all, SOURCES, 3);
    const category = big.tables.find((t) => t.id === 'category')!;
    assert.deepEqual(
      category.groups.map((g) => g.name),
      ['dmepos'],
    );
    assert.equal(category.hidden, 1);
    assert.equal(big.total.items, 5, 'the totals keep every item');
  });
});

describe('stats: the renderings', () => {
  const report = itemStats(rows(), SOURCES);

  test('text: numbers aligned, the name last, control characters escaped', () => {
    const text = statsText(report);
    assert.match(
      text,
      /^From letters\\x1b\]0;title\\x07: 4 files, 3 letters with disputed items: 5 items \(3 upheld, 1 overturned, 1 undecided\)\n/,
    );
    assert.match(text, /\nOverturned: 25 % \(95 % interval 5 % to 70 %\) of 4 decided items\n/);
    assert.match(text, /\nCould not be read: 1 file\n/);
    assert.match(text, /\nNo disputed item found in: 1 file\n/);
    assert.ok(!text.includes('\x1b'), 'no raw escape character');
    const table = text.split('\n\n')[1].split('\n');
    assert.match(table[0], /^items +upheld +overturned +rate +95 % interval +Category$/);
    const nameAt = table[0].indexOf('Category');
    assert.deepEqual(
      table.slice(1).map((l) => l.slice(nameAt)),
      ['dmepos', 'pharmaceuticals'],
    );
    assert.match(table[2], /^ +2 +1 +1 +50 % +9 % - 91 % +pharmaceuticals$/);
  });

  test('CSV: one line a group after the totals, rates as fractions, formulas defused', () => {
    const lines = statsCsv(report).split('\r\n');
    assert.equal(lines[0], 'table,group,items,upheld,overturned,undecided,overturn_rate,ci95_low,ci95_high');
    assert.equal(lines[1], 'all,all items,5,3,1,1,0.2500,0.0456,0.6994');
    assert.ok(lines.includes('category,dmepos,3,2,0,1,0.0000,0.0000,0.6576'));
    assert.ok(lines.includes(`specialty,"'=HYPERLINK(""x"")",2,2,0,0,0.0000,0.0000,0.6576`));
    assert.equal(lines.length, 2 + report.tables.reduce((n, t) => n + t.groups.length, 0) + 1);
  });

  test('JSON: the report itself', () => {
    assert.deepEqual(JSON.parse(statsJson(report)), JSON.parse(JSON.stringify(report)));
  });

  test('HTML: one bar a group, every letter-derived string escaped, nothing fetched', () => {
    const html = statsHtml(report);
    assert.ok(html.startsWith('<!doctype html>'));
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/<img/i.test(html), 'no image element');
    assert.ok(!/https?:/i.test(html), 'no address');
    // No tag has a src or href attribute (quoted values, where escaped letter text may say "src=", aside).
    const attributes = (html.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
    assert.ok(attributes.length > 50);
    assert.deepEqual(
      attributes.filter((tag) => /\s(?:src|href|xlink:href)\s*=/i.test(tag)),
      [],
    );
    assert.ok(html.includes('Orthopedic &lt;script&gt;alert(1)&lt;/script&gt; Surgery'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &quot;Guide&quot;'));
    assert.ok(html.includes('<li>&lt;b&gt;notes&lt;/b&gt;.txt</li>'));
    assert.ok(html.includes('<li>gone.pdf</li>'));
    assert.match(html, /content="default-src 'none'; style-src 'unsafe-inline'"/);
    const groups = report.tables.reduce((n, t) => n + t.groups.length, 0);
    assert.equal(html.match(/<svg [^>]*role="img"/g)?.length, groups);
    // The dmepos bar: rate 0, whisker from 0 to 66 % of 240.
    assert.match(html, /aria-label="dmepos: 0 % \(95 % interval 0 % to 66 %\)"/);
    assert.match(html, /<line class="whisker" x1="0\.0" y1="9" x2="157\.8" y2="9"\/>/);
  });
});
