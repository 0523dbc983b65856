import type { Citation, Letter } from './model';

/** Every citation of the letter, in document order. */
export function allCitations(letter: Letter): Citation[] {
  // Gathered in one array: several rules and features ask for all of them.
  const all: Citation[] = [];
  for (const item of letter.items) for (const field of item.fields) if (field.citations) for (const c of field.citations) all.push(c);
  return all;
}
