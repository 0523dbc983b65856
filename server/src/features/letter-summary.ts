import { formatDate } from '../letter/dates';
import { headerField } from '../letter/header';
import type { Item, Letter, Section } from '../letter/model';
import { appealDeadline } from './appeal-deadline';

/** How many disputed items a letter decides, and which way: for the outline, the code lens and the status item. */
export interface DecisionCount {
  items: number;
  upheld: number;
  overturned: number;
  /** Items with no decision, or one that is neither Upheld nor Overturned. */
  undecided: number;
}

export function decisionCount(items: readonly Item[]): DecisionCount {
  const upheld = items.filter((i) => i.decision?.value === 'Upheld').length;
  const overturned = items.filter((i) => i.decision?.value === 'Overturned').length;
  return { items: items.length, upheld, overturned, undecided: items.length - upheld - overturned };
}

/**
 * "3 items: 2 upheld, 1 overturned"; with "1 undecided" after them when the two counts leave an
 * item out, so the numbers always add up.
 */
export function describeCount({ items, upheld, overturned, undecided }: DecisionCount): string {
  return `${items} item${items === 1 ? '' : 's'}: ${decisionsPart(upheld, overturned, undecided)}`;
}

/** "2 upheld, 1 overturned" or "2 upheld, 1 overturned, 1 undecided": the one wording for every count. */
export function decisionsPart(upheld: number, overturned: number, undecided: number): string {
  return `${upheld} upheld, ${overturned} overturned${undecided > 0 ? `, ${undecided} undecided` : ''}`;
}

/** What the status bar shows for the active letter. */
export interface LetterSummary extends DecisionCount {
  caseNumber?: string;
  /** The last day to appeal (MM/DD/YYYY), when the header has a real Decision Date. */
  appealBy?: string;
  text: string;
}

export function letterSummary(letter: Letter): LetterSummary {
  const count = decisionCount(letter.items);
  const caseNumber = headerField(letter.header, 'caseNumber')?.value?.text;
  const deadline = appealDeadline(letter);
  return {
    ...count,
    caseNumber,
    appealBy: deadline && formatDate(deadline.lastDay),
    text: letter.recognized ? describeCount(count) : 'not an IMR letter',
  };
}

/** The items under a section's heading. */
export function itemsOf(letter: Letter, section: Section): Item[] {
  return letter.items.filter(
    (i) => i.range.start.line > section.heading.range.start.line && i.range.start.line <= section.range.end.line,
  );
}
