import type { Rule } from './rule';
import { treatmentWords } from '../letter/text/words';

const FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'at',
  'for',
  'with',
  'and',
  'or',
  'in',
  'on',
  'x',
  'times',
  'week',
  'weeks',
  'right',
  'left',
  'bilateral',
  'lower',
  'upper',
  'request',
  'one',
  'two',
  'three',
]);

export const summaryUndecidedTreatment: Rule = {
  id: 'summary.undecided-treatment',
  description:
    'The case summary names a requested treatment that shares no word with any disputed item (read only from "The requested treatment includes ...").',
  why: 'Every requested treatment in dispute should get a decision; one that is named but never decided may have been dropped.',
  example: '"The requested treatment includes a knee brace, tramadol and a lumbar MRI." with no MRI item.',
  severity: 'information',
  check(letter) {
    const requested = letter.summary?.requested ?? [];
    if (letter.items.length === 0 || requested.length === 0) return [];
    // Each item's words are made when the search first reaches it; the first item usually shares one.
    const itemWords: Set<string>[] = [];
    const wordsOf = (k: number) =>
      (itemWords[k] ??= new Set(treatmentWords(`${letter.items[k].name} ${letter.items[k].title.text}`, FILLER)));
    return requested.flatMap((piece) => {
      const own = treatmentWords(piece.text, FILLER);
      if (own.length === 0) return [];
      // Only when no item shares a single word with it can it be told with confidence that none decides it.
      return letter.items.some((_, k) => own.some((w) => wordsOf(k).has(w)))
        ? []
        : [
            {
              range: piece.range,
              message: `The case summary names "${piece.text}" as requested, but no disputed item seems to decide it.`,
            },
          ];
    });
  },
};
