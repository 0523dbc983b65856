import type { Rule } from './rule';

const FILLER = new Set(['a', 'an', 'the', 'of', 'to', 'at', 'for', 'with', 'and', 'or', 'in', 'on', 'x', 'times', 'week', 'weeks']);

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).map((w) => w.replace(/s$/, '')).filter((w) => w.length > 1 && !FILLER.has(w));
}

export const summaryUndecidedTreatment: Rule = {
  id: 'summary.undecided-treatment',
  description: 'The case summary names a requested treatment that no disputed item decides (only read from "The requested treatment includes ...").',
  severity: 'information',
  check(letter) {
    const items = letter.items.map((i) => new Set(words(`${i.name} ${i.title.text}`)));
    if (items.length === 0) return [];
    return (letter.summary?.requested ?? []).flatMap((piece) => {
      const own = [...new Set(words(piece.text))];
      if (own.length === 0) return [];
      // Decided when some item shares at least half of its words: a loose match, so that no item is missed.
      const best = Math.max(...items.map((item) => own.filter((w) => item.has(w)).length / own.length));
      return best >= 0.5 ? [] : [{ range: piece.range, message: `The case summary names "${piece.text}" as requested, but no disputed item seems to decide it.` }];
    });
  },
};
