import type { Letter } from '../letter/model';
import { itemRows } from '../reports/item-table';

/**
 * One disputed item as the workspace index keeps it: what similarity, the counts and the
 * Precedents view read, and the item's line to open the letter at. Compact on purpose (no letter
 * text but the item's name), so ten thousand letters fit in a few megabytes.
 */
export interface ItemRecord {
  item: string;
  category: string;
  subcategory: string;
  region: string;
  drug: string;
  /** As the item table writes it: 'Upheld', 'Overturned', or the text written (counted as neither). */
  decision: string;
  claimsGuidelines: readonly string[];
  maximusGuidelines: readonly string[];
  specialty: string;
  caseNumber: string;
  decisionDate: string;
  dateOfInjury: string;
  urDenialDate: string;
  /** The item's first line (0-based), where the letter opens. */
  line: number;
}

/** A letter as the index keeps it: the stamp and content hash it was read at, and its items. */
export interface IndexedLetter {
  /** Changes when the file does (modification time and size); empty for an open document's text. */
  stamp: string;
  /** A hash of the file's bytes: the cache's key, so a file touched but not changed is not read again. */
  hash: string;
  items: readonly ItemRecord[];
}

/** Guideline names as the item table joins them ('; '), as a list. */
function guidelineList(cell: string): string[] {
  return cell ? cell.split('; ') : [];
}

/** The records of a letter's items: the item table's rows (one reading of the letter) and each item's line. */
export function letterRecords(letter: Letter): ItemRecord[] {
  return itemRows('', letter).map((row, i) => {
    const item = letter.items[i];
    return {
      item: row.item,
      category: row.category,
      subcategory: row.subcategory,
      region: row.region,
      drug: row.drug,
      decision: row.decision,
      claimsGuidelines: guidelineList(row.claims_administrator_guidelines),
      maximusGuidelines: guidelineList(row.maximus_guidelines),
      specialty: row.specialty,
      caseNumber: row.case_number,
      decisionDate: row.decision_date,
      dateOfInjury: row.date_of_injury,
      urDenialDate: row.ur_denial_date,
      line: item.title.text ? item.title.range.start.line : item.range.start.line,
    };
  });
}

/**
 * The item whose title (or decision) is on `line`, by its index in the letter; with `anywhere`,
 * the item whose text holds the line (the cursor in its rationale). -1 when none.
 */
export function itemOnLine(letter: Letter, line: number, anywhere = false): number {
  return letter.items.findIndex((item) => {
    if (anywhere && line >= item.range.start.line && line <= item.range.end.line) return true;
    const start = item.title.text ? item.title.range.start.line : item.range.start.line;
    const end = Math.max(item.title.text ? item.title.range.end.line : start, item.decision?.range.end.line ?? start);
    return line >= start && line <= end;
  });
}
