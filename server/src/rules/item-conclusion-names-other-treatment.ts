import type { Rule } from './rule';

// Words that say nothing about which treatment is meant.
const FILLER = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'and', 'or', 'with', 'without', 'at', 'in', 'on', 'times', 'time', 'request', 'requested', 'service', 'associated', 'surgical', 'retrospective', 'date', 'dos', 'x', 'per', 'week', 'weeks']);

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .map((w) => w.replace(/s$/, ''))
      .filter((w) => w.length > 1 && !FILLER.has(w) && !/^\d+$/.test(w)),
  );
}

export const itemConclusionNamesOtherTreatment: Rule = {
  id: 'item.conclusion-names-other-treatment',
  description: "The rationale's conclusion names a treatment that shares no word with the item it decides (a sign of text pasted from another item).",
  why: 'A conclusion about another treatment is the mark of text copied from another item or letter.',
  example: 'Item `Hinged knee brace, left`, conclusion "the request for lumbar epidural injections is not medically necessary".',
  severity: 'hint',
  check: (letter) =>
    letter.items.flatMap((item) => {
      const subject = item.conclusion?.subject;
      if (!subject) return [];
      const named = words(subject);
      const own = words(`${item.name} ${item.title.text}`);
      if (named.size === 0 || [...named].some((w) => own.has(w))) return [];
      return [{ range: item.conclusion!.span.range, message: `The conclusion names "${subject}", which shares no word with the item "${item.name}".` }];
    }),
};
