/**
 * imr-lint stats: how often the items of a set of letters were overturned, in all and by category,
 * region, guideline cited, reviewer specialty and decision year, each with its 95 % interval.
 * Counted from the rows of the item table (`itemRows`) through `precedents/tally`, so its numbers
 * are those of `imr-lint export` on the same files by construction.
 */
import {
  GroupTally,
  type Rate,
  type Tally,
  countDecision,
  emptyTally,
  overturnRate,
  percent,
} from '../precedents/tally';
import { type ItemRow, csvLine } from './item-table';
import { printable } from './printable';

/** A group's counts and its overturn rate (none when no item of it was decided). */
export interface RatedGroup extends Tally {
  name: string;
  undecided: number;
  rate?: Rate;
}

export interface StatsTable {
  id: string;
  title: string;
  groups: RatedGroup[];
  /** Groups left out by --min-items. */
  hidden: number;
}

/** Where the numbers come from, so a report says what it could not count. */
export interface StatsSources {
  /** The files and folders named, as given. */
  inputs: string[];
  files: number;
  /** Files read that held at least one disputed item. */
  letters: number;
  /** Files (or names matching nothing) that could not be read. */
  unreadable: string[];
  /** Files read that held no disputed item (not a letter, empty, ...). */
  noItems: string[];
}

export interface StatsReport {
  sources: StatsSources;
  total: RatedGroup;
  tables: StatsTable[];
  minItems: number;
}

/** The columns of the item table the report counts by: all a worker thread need send of a row. */
const STATS_COLUMNS = [
  'decision',
  'category',
  'subcategory',
  'region',
  'maximus_guidelines',
  'claims_administrator_guidelines',
  'rationale_guidelines',
  'specialty',
  'decision_date',
] as const;

export type StatsRow = Pick<ItemRow, (typeof STATS_COLUMNS)[number]>;

/** A row cut to what the report reads, so 100,000 letters' rows stay small. */
export function statsRow(row: StatsRow): StatsRow {
  return Object.fromEntries(STATS_COLUMNS.map((c) => [c, row[c]])) as StatsRow;
}

/** A column of the item table that lists several names, split into them ('; ' joins them there). */
function listed(cell: string): string[] {
  return cell.split('; ').filter(Boolean);
}

const or = (keys: string[], none: string) => (keys.length > 0 ? keys : [none]);

/**
 * The tables, in the order a reader asks. Every item falls in at least one group of each (a
 * placeholder such as "(none named)" when the cell is empty), so no table drops an item; a row
 * naming two guidelines or specialties counts in both.
 */
const DIMENSIONS: { id: string; title: string; keys: (row: StatsRow) => string[]; byName?: boolean }[] = [
  { id: 'category', title: 'Category', keys: (r) => [r.category || 'other'] },
  {
    id: 'subcategory',
    title: 'Category / subcategory',
    keys: (r) => [r.subcategory ? `${r.category} / ${r.subcategory}` : r.category || 'other'],
  },
  { id: 'region', title: 'Body region', keys: (r) => [r.region || '(none named)'] },
  {
    id: 'maximus_guideline',
    title: 'Guideline cited by MAXIMUS',
    keys: (r) => or(listed(r.maximus_guidelines), '(none cited)'),
  },
  {
    id: 'claims_administrator_guideline',
    title: 'Guideline cited by the claims administrator',
    keys: (r) => or(listed(r.claims_administrator_guidelines), '(none cited)'),
  },
  {
    id: 'rationale_guideline',
    title: 'Guideline named in the rationale',
    keys: (r) => or(listed(r.rationale_guidelines), '(none named)'),
  },
  {
    // "Preventive Medicine, Occupational Medicine": a reviewer of two specialties counts in both.
    id: 'specialty',
    title: 'Reviewer specialty',
    keys: (r) =>
      or(
        r.specialty
          .split(/[,;]/)
          .map((s) => s.trim())
          .filter(Boolean),
        '(not stated)',
      ),
  },
  {
    id: 'year',
    title: 'Decision year',
    keys: (r) => [/\b(?:19|20)\d\d\b/.exec(r.decision_date)?.[0] ?? '(no date)'],
    byName: true,
  },
];

function rated(name: string, tally: Tally): RatedGroup {
  return { name, ...tally, undecided: tally.items - tally.upheld - tally.overturned, rate: overturnRate(tally) };
}

/** The report over every row; groups of fewer than `minItems` items are left out (and counted). */
export function itemStats(rows: readonly StatsRow[], sources: StatsSources, minItems = 1): StatsReport {
  const counter = new StatsCounter();
  for (const row of rows) counter.add(row);
  return counter.report(sources, minItems);
}

/**
 * The report's counts, added a row at a time: a corpus is counted in memory that grows with its
 * groups (categories, guidelines, years), not with its letters.
 */
export class StatsCounter {
  private readonly total = emptyTally();
  private readonly tables = DIMENSIONS.map(() => new GroupTally());

  add(row: StatsRow): void {
    countDecision(this.total, row.decision);
    DIMENSIONS.forEach(({ keys }, i) => this.tables[i].add(keys(row), row.decision));
  }

  report(sources: StatsSources, minItems = 1): StatsReport {
    return {
      sources,
      total: rated('all items', this.total),
      minItems,
      tables: DIMENSIONS.map(({ id, title, byName }, i) => {
        const all = this.tables[i].sorted();
        if (byName) all.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        const shown = all.filter(([, t]) => t.items >= minItems);
        return { id, title, groups: shown.map(([name, t]) => rated(name, t)), hidden: all.length - shown.length };
      }),
    };
  }
}

export const STATS_FORMATS = ['text', 'csv', 'json', 'html'] as const;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "23 % (95 % interval 11 % to 42 %)", or why there is no rate. */
export function describeRate(rate: Rate | undefined): string {
  return rate
    ? `${percent(rate.rate)} (95 % interval ${percent(rate.low)} to ${percent(rate.high)})`
    : 'no rate (no item decided)';
}

/** What was read and what was not, in sentences (the text and HTML reports open with them). */
export function sourceLines(report: StatsReport): string[] {
  const { sources: s, total } = report;
  const lines = [
    `From ${s.inputs.join(', ')}: ${plural(s.files, 'file')}, ${plural(s.letters, 'letter')} with disputed items: ${plural(total.items, 'item')} (${total.upheld} upheld, ${total.overturned} overturned, ${total.undecided} undecided)`,
    `Overturned: ${describeRate(total.rate)} of ${plural(total.upheld + total.overturned, 'decided item')}`,
  ];
  if (s.unreadable.length > 0) lines.push(`Could not be read: ${plural(s.unreadable.length, 'file')}`);
  if (s.noItems.length > 0) lines.push(`No disputed item found in: ${plural(s.noItems.length, 'file')}`);
  if (total.undecided > 0)
    lines.push(`Decision not read: ${plural(total.undecided, 'item')} (counted in items, not in the rates)`);
  if (report.minItems > 1) lines.push(`Groups of fewer than ${plural(report.minItems, 'item')} are left out`);
  return lines;
}

const COLUMNS = ['items', 'upheld', 'overturned', 'rate', '95 % interval'];

/** Aligned tables for a terminal: the numbers first, the group's name last (guideline names are long). */
export function statsText(report: StatsReport): string {
  const cells = (g: RatedGroup) => [
    String(g.items),
    String(g.upheld),
    String(g.overturned),
    g.rate ? percent(g.rate.rate) : '-',
    g.rate ? `${percent(g.rate.low)} - ${percent(g.rate.high)}` : '-',
  ];
  const groups = [report.total, ...report.tables.flatMap((t) => t.groups)];
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...groups.map((g) => cells(g)[i].length)));
  const line = (values: string[], name: string) =>
    values.map((v, i) => v.padStart(widths[i])).join('  ') + '  ' + printable(name);
  const out = sourceLines(report).map(printable);
  for (const table of report.tables) {
    out.push('', line(COLUMNS, table.title));
    for (const g of table.groups) out.push(line(cells(g), g.name));
    if (table.hidden > 0) out.push(`${' '.repeat(widths[0])}  (${plural(table.hidden, 'smaller group')} left out)`);
  }
  return out.join('\n') + '\n';
}

const CSV_COLUMNS = [
  'table',
  'group',
  'items',
  'upheld',
  'overturned',
  'undecided',
  'overturn_rate',
  'ci95_low',
  'ci95_high',
];

/** One line a group, the totals first (table "all"); rates as fractions, empty when nothing was decided. */
export function statsCsv(report: StatsReport): string {
  const line = (table: string, g: RatedGroup) =>
    csvLine([
      table,
      g.name,
      ...[g.items, g.upheld, g.overturned, g.undecided].map(String),
      ...(g.rate ? [g.rate.rate, g.rate.low, g.rate.high].map((x) => x.toFixed(4)) : ['', '', '']),
    ]);
  return (
    csvLine(CSV_COLUMNS) +
    line('all', report.total) +
    report.tables.flatMap((t) => t.groups.map((g) => line(t.id, g))).join('')
  );
}

export function statsJson(report: StatsReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
