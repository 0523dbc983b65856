import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { VALID_LETTER } from '../fixtures/letters';
import { CLI, run } from './run-cli';

const ROOT = join(__dirname, '..', '..');
const SHARED = join(ROOT, '..', 'shared', 'imr-letters');

interface Group {
  name: string;
  items: number;
  upheld: number;
  overturned: number;
}

interface Report {
  sources: { files: number; letters: number; unreadable: string[]; noItems: string[] };
  total: Group;
  tables: { id: string; groups: Group[] }[];
}

type Row = Record<string, string>;

/** Counts the export's rows by one column, here, without the project's counter. */
function countBy(rows: Row[], key: (row: Row) => string[]): Map<string, Omit<Group, 'name'>> {
  const groups = new Map<string, Omit<Group, 'name'>>();
  for (const row of rows)
    for (const k of new Set(key(row))) {
      const g = groups.get(k) ?? { items: 0, upheld: 0, overturned: 0 };
      g.items++;
      if (row.decision.toLowerCase() === 'upheld') g.upheld++;
      if (row.decision.toLowerCase() === 'overturned') g.overturned++;
      groups.set(k, g);
    }
  return groups;
}

/** `stats` and `export` on the same paths agree: the totals and every group of the tables a column names. */
function assertAgree(paths: string[]) {
  const stats = run(['stats', '--format', 'json', ...paths], ROOT);
  const exported = run(['export', '--format', 'jsonl', ...paths], ROOT);
  assert.equal(stats.code, exported.code, `${stats.err}\n${exported.err}`);
  const report = JSON.parse(stats.out) as Report;
  const rows = exported.out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
  assert.ok(rows.length > 0);
  const all = countBy(rows, () => ['all']).get('all')!;
  assert.deepEqual(
    { items: report.total.items, upheld: report.total.upheld, overturned: report.total.overturned },
    all,
  );
  assert.equal(report.sources.letters, new Set(rows.map((r) => r.file)).size);
  const split = (cell: string, none: string) => (cell ? cell.split('; ') : [none]);
  const columns: Record<string, (row: Row) => string[]> = {
    category: (r) => [r.category],
    subcategory: (r) => [r.subcategory ? `${r.category} / ${r.subcategory}` : r.category],
    region: (r) => [r.region || '(none named)'],
    maximus_guideline: (r) => split(r.maximus_guidelines, '(none cited)'),
    rationale_guideline: (r) => split(r.rationale_guidelines, '(none named)'),
    claims_administrator_guideline: (r) => split(r.claims_administrator_guidelines, '(none cited)'),
  };
  for (const [id, key] of Object.entries(columns)) {
    const table = report.tables.find((t) => t.id === id);
    assert.ok(table, id);
    const counted = countBy(rows, key);
    assert.deepEqual(
      new Map(table.groups.map(({ name, items, upheld, overturned }) => [name, { items, upheld, overturned }])),
      counted,
      id,
    );
  }
  return { report, rows };
}

describe('imr-lint stats', { skip: existsSync(CLI) ? false : `no bundle at ${CLI}: run node esbuild.mjs` }, () => {
  test('agrees with imr-lint export on the sample letters', () => {
    const { report } = assertAgree(['samples']);
    assert.equal(report.sources.files, 8);
    assert.deepEqual(report.sources.unreadable, []);
  });

  test('agrees with imr-lint export on 416 letters, read by worker threads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-stats-many-'));
    const samples = readdirSync(join(ROOT, 'samples')).filter((f) => /\.imr(\.txt)?$/.test(f));
    for (let i = 0; i < 416; i++)
      copyFileSync(join(ROOT, 'samples', samples[i % samples.length]), join(dir, `${String(i).padStart(3, '0')}.imr`));
    const { report } = assertAgree([dir]);
    assert.equal(report.sources.files, 416);
  });

  test(
    'agrees with imr-lint export on the real letters (text and PDF)',
    {
      skip: existsSync(SHARED) ? false : 'no ../shared/imr-letters beside the project',
    },
    () => {
      const { report } = assertAgree([SHARED]);
      assert.ok(report.total.items >= 27, `${report.total.items} items`);
    },
  );

  test('text by default; HTML to --out, self-contained; unreadable and empty files named in the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-stats-'));
    writeFileSync(join(dir, 'good.imr'), VALID_LETTER);
    writeFileSync(join(dir, 'empty.imr'), '');
    const text = run(['stats', '.'], dir);
    assert.equal(text.code, 1, 'a file with no items: exit 1, as export');
    assert.match(text.err, /empty\.imr: no rows: the file is empty/);
    assert.match(
      text.out,
      /^From \.: 2 files, 1 letter with disputed items: 2 items \(1 upheld, 1 overturned, 0 undecided\)\n/,
    );
    assert.match(
      text.out,
      /\nitems +upheld +overturned +rate +95 % interval +Category\n +1 +1 +0 +0 % +0 % - 79 % +dmepos\n/,
    );

    const html = run(['stats', '--format', 'html', '--out', 'report.html', '.', 'missing.imr'], dir);
    assert.equal(html.code, 2, 'a name that matched nothing: exit 2');
    assert.equal(html.out, '');
    assert.match(html.err, /cannot read missing\.imr\n[^]*written: report\.html\n/);
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    assert.match(page, /^<!doctype html>/);
    assert.ok(!/https?:\/\//i.test(page), 'no address');
    assert.ok(!/<script/i.test(page), 'no script');
    assert.ok(!/<link|@import|url\(/i.test(page), 'no style sheet, font or image fetched');
    assert.match(page, /<summary>Files that could not be read \(1\)<\/summary><ul><li>missing\.imr<\/li>/);
    assert.match(page, /<summary>Files with no disputed item \(1\)<\/summary><ul><li>empty\.imr<\/li>/);

    const csv = run(['stats', '--format', 'csv', '--bom', 'good.imr'], dir);
    assert.equal(csv.code, 0);
    assert.ok(csv.out.startsWith('\ufefftable,group,items,'));
  });

  test('usage errors: exit 2 with a clear message', () => {
    assert.match(run(['stats', '--min-items', 'x', 'samples'], ROOT).err, /--min-items takes a whole number from 1/);
    assert.match(run(['stats', '--format', 'sarif', 'samples'], ROOT).err, /--format takes text, csv, json, html here/);
    assert.equal(run(['stats', '--format', 'sarif', 'samples'], ROOT).code, 2);
    const unwritable = run(['stats', '--out', join(ROOT, 'no-such-folder', 'r.html'), 'samples'], ROOT);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.err, /cannot write .*no-such-folder/);
  });

  test('--min-items leaves the smaller groups out, and says so', () => {
    const r = run(['stats', '--min-items', '3', 'samples'], ROOT);
    assert.equal(r.code, 0);
    assert.match(r.out, /Groups of fewer than 3 items are left out/);
    assert.match(r.out, /\(\d+ smaller groups? left out\)/);
  });
});
