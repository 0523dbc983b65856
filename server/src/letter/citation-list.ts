import type { Citation, Item, Letter } from './model';

/** Every citation of the letter, in document order. */
export function allCitations(letter: Letter): Citation[] {
  // Gathered in one array: several rules and features ask for all of them.
  const all: Citation[] = [];
  for (const item of letter.items) pushCitations(item, all);
  return all;
}

/** Every citation of one item's fields, in document order. */
export function itemCitations(item: Item): Citation[] {
  return pushCitations(item, []);
}

function pushCitations(item: Item, all: Citation[]): Citation[] {
  for (const field of item.fields) if (field.citations) for (const c of field.citations) all.push(c);
  return all;
}
