import { ITEM_FIELD_LABELS, REVIEWER_LABELS } from './labels';
import type { Rule } from './rule';

export const labelNonstandard: Rule = {
  id: 'label.nonstandard',
  description: 'A field label is misspelled or in the wrong letter case ("Maximus Guideline:" for "MAXIMUS guideline:").',
  why: 'Letters print their labels one way; a variant label is a sign of hand editing, and other tools that read letters may miss it.',
  example: '`Maximus Guideline:` for `MAXIMUS guideline:`.',
  severity: 'warning',
  check: (letter) =>
    [...letter.reviewer.fields.map((f) => ({ f, canonical: REVIEWER_LABELS[f.kind] })), ...letter.items.flatMap((i) => i.fields.map((f) => ({ f, canonical: ITEM_FIELD_LABELS[f.kind] })))]
      .filter(({ f, canonical }) => f.label.text.replace(/ +:$/, ':') !== canonical)
      .map(({ f, canonical }) => ({
        range: f.label.range,
        message: `Label "${f.label.text}" should read "${canonical}".`,
        fixes: [{ title: `Write "${canonical}"`, edits: [{ range: f.label.range, newText: canonical }], safe: true }],
      })),
};
