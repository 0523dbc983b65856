import type { Citation, Letter } from './model';

/** Every citation of the letter, in document order. */
export function allCitations(letter: Letter): Citation[] {
  return letter.items.flatMap((i) => i.fields.flatMap((f) => f.citations ?? []));
}
