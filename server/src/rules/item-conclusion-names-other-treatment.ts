import type { Rule } from './rule';
import { singular, someLowerCaseWord, treatmentWords } from '../letter/text/words';

// Words that say nothing about which treatment is meant.
const FILLER = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'to',
  'and',
  'or',
  'with',
  'without',
  'at',
  'in',
  'on',
  'times',
  'time',
  'request',
  'requested',
  'service',
  'associated',
  'surgical',
  'retrospective',
  'date',
  'dos',
  'x',
  'per',
  'week',
  'weeks',
]);
// An associated surgical service depends on the surgery: its conclusion may name the surgery in these words alone.
const SURGERY = new Set([...FILLER, 'surgery', 'intervention', 'procedure', 'operation', 'operative', 'surgeries']);
const ALL_DIGITS = /^\d+$/;

/** The words that can name a treatment, numbers left out too. */
function words(text: string, filler: ReadonlySet<string>): string[] {
  return treatmentWords(text, filler).filter((w) => !ALL_DIGITS.test(w));
}

export const itemConclusionNamesOtherTreatment: Rule = {
  id: 'item.conclusion-names-other-treatment',
  description:
    "The rationale's conclusion names a treatment that shares no word with the item it decides (a sign of text pasted from another item).",
  why: 'A conclusion about another treatment is the mark of text copied from another item or letter.',
  example:
    'Item `Hinged knee brace, left`, conclusion "the request for lumbar epidural injections is not medically necessary".',
  severity: 'hint',
  checkItem(item) {
    const subject = item.conclusion?.subject;
    if (!subject) return [];
    const named = new Set(words(subject, item.associatedSurgicalService ? SURGERY : FILLER));
    // Filler and numbers are not in `named`, so the item's words need only the plural's s dropped.
    const shared = (w: string) => named.has(singular(w));
    if (named.size === 0 || someLowerCaseWord(item.name, shared) || someLowerCaseWord(item.title.text, shared))
      return [];
    return [
      {
        range: item.conclusion!.span.range,
        message: `The conclusion names "${subject}", which shares no word with the item "${item.name}".`,
      },
    ];
  },
};
