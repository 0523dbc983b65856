import { headerField } from '../letter/header';
import type { Item, Letter, Section } from '../letter/model';

/** How many disputed items a letter decides, and which way: for the outline, the code lens and the status item. */
export interface DecisionCount {
  items: number;
  upheld: number;
  overturned: number;
}

export function decisionCount(items: readonly Item[]): DecisionCount {
  return {
    items: items.length,
    upheld: items.filter((i) => i.decision?.value === 'Upheld').length,
    overturned: items.filter((i) => i.decision?.value === 'Overturned').length,
  };
}

/** "3 items: 2 upheld, 1 overturned". */
export function describeCount({ items, upheld, overturned }: DecisionCount): string {
  return `${items} item${items === 1 ? '' : 's'}: ${upheld} upheld, ${overturned} overturned`;
}

/** What the status bar shows for the active letter. */
export interface LetterSummary extends DecisionCount {
  caseNumber?: string;
  text: string;
}

export function letterSummary(letter: Letter): LetterSummary {
  const count = decisionCount(letter.items);
  const caseNumber = headerField(letter.header, 'caseNumber')?.value?.text;
  return { ...count, caseNumber, text: letter.recognized ? describeCount(count) : 'not an IMR letter' };
}

/** The items under a section's heading. */
export function itemsOf(letter: Letter, section: Section): Item[] {
  return letter.items.filter((i) => i.range.start.line > section.heading.range.start.line && i.range.start.line <= section.range.end.line);
}
