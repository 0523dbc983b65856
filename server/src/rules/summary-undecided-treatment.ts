import type { Rule } from './rule';

const FILLER = new Set(['a', 'an', 'the', 'of', 'to', 'at', 'for', 'with', 'and', 'or', 'in', 'on', 'x', 'times', 'week', 'weeks', 'right', 'left', 'bilateral', 'lower', 'upper', 'request', 'one', 'two', 'three']);

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).map((w) => w.replace(/s$/, '')).filter((w) => w.length > 1 && !FILLER.has(w));
}

export const summaryUndecidedTreatment: Rule = {
  id: 'summary.undecided-treatment',
  description: 'The case summary names a requested treatment that shares no word with any disputed item (read only from "The requested treatment includes ...").',
  why: 'Every requested treatment in dispute should get a decision; one that is named but never decided may have been dropped.',
  example: '"The requested treatment includes a knee brace, tramadol and a lumbar MRI." with no MRI item.',
  severity: 'information',
  check(letter) {
    const items = letter.items.map((i) => new Set(words(`${i.name} ${i.title.text}`)));
    if (items.length === 0) return [];
    return (letter.summary?.requested ?? []).flatMap((piece) => {
      const own = [...new Set(words(piece.text))];
      if (own.length === 0) return [];
      // Only when no item shares a single word with it can it be told with confidence that none decides it.
      return items.some((item) => own.some((w) => item.has(w))) ? [] : [{ range: piece.range, message: `The case summary names "${piece.text}" as requested, but no disputed item seems to decide it.` }];
    });
  },
};
