import { parseDate } from '../letter/dates';
import type { Letter } from '../letter/model';
import type { Problem } from '../rules/rule';
import { decisionCount } from '../features/letter-summary';
import { ITEM_COLUMNS, type ItemRow, letterCells } from './item-table';

/**
 * What a column holds, for a typed table (Parquet): free text; a category (a few values again and
 * again, stored once each); a calendar date; yes or no; a count.
 */
export type ColumnKind = 'text' | 'category' | 'date' | 'flag' | 'count';

export interface TypedColumn {
  name: string;
  kind: ColumnKind;
}

/** A cell of a typed table: a date is days since 1970-01-01 (how Parquet and Arrow store one); null is missing. */
export type TypedCell = string | number | boolean | null;

const ITEM_KINDS: Partial<Record<(typeof ITEM_COLUMNS)[number], ColumnKind>> = {
  date_of_injury: 'date',
  ur_denial_date: 'date',
  application_received: 'date',
  date_assigned: 'date',
  decision_date: 'date',
  priority: 'category',
  licensure: 'category',
  specialty: 'category',
  decision: 'category',
  associated_surgical_service: 'flag',
  modified_request: 'flag',
  rationale_concludes: 'category',
  category: 'category',
  subcategory: 'category',
  region: 'category',
  drug: 'category',
};

/** The item table's columns (the CSV's, in its order), typed. */
export const ITEM_TABLE: readonly TypedColumn[] = ITEM_COLUMNS.map((name) => ({
  name,
  kind: ITEM_KINDS[name] ?? 'text',
}));

/** The per-letter table: one row a letter, its header, its decision counts and its findings. */
export const LETTER_TABLE: readonly TypedColumn[] = [
  { name: 'file', kind: 'text' },
  { name: 'layout', kind: 'category' },
  { name: 'case_number', kind: 'text' },
  { name: 'date_of_injury', kind: 'date' },
  { name: 'ur_denial_date', kind: 'date' },
  { name: 'application_received', kind: 'date' },
  { name: 'date_assigned', kind: 'date' },
  { name: 'decision_date', kind: 'date' },
  { name: 'priority', kind: 'category' },
  { name: 'licensure', kind: 'category' },
  { name: 'specialty', kind: 'category' },
  { name: 'items', kind: 'count' },
  { name: 'upheld', kind: 'count' },
  { name: 'overturned', kind: 'count' },
  { name: 'undecided', kind: 'count' },
  { name: 'errors', kind: 'count' },
  { name: 'warnings', kind: 'count' },
  { name: 'findings', kind: 'count' },
  { name: 'annotations', kind: 'count' },
];

/** One letter's row of the per-letter table, its cells as the item table writes them (text). */
export function letterRow(file: string, letter: Letter, problems: readonly Problem[]): Record<string, string | number> {
  return {
    file,
    layout: letter.layout.id,
    ...letterCells(letter),
    ...decisionCount(letter.items),
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    findings: problems.length,
    annotations: letter.annotations.filter((a) => a.closed).length,
  };
}

/**
 * A row's cells typed by its table's columns: a date a letter wrote that is no real date, and an
 * empty cell, become null (missing), never a made-up value.
 */
export function typedRow(
  columns: readonly TypedColumn[],
  row: Readonly<Record<string, string | number>> | ItemRow,
): TypedCell[] {
  return columns.map(({ name, kind }) => {
    const value = (row as Record<string, string | number>)[name];
    if (kind === 'count') return Number(value);
    const text = String(value ?? '');
    if (text === '') return null;
    if (kind === 'flag') return text === 'yes';
    if (kind !== 'date') return text;
    const date = parseDate(text);
    return date ? Date.UTC(date.year, date.month - 1, date.day) / 86_400_000 : null;
  });
}
