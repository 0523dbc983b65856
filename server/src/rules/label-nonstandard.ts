import type { LabeledField } from '../letter/model';
import { ITEM_FIELD_LABELS, REVIEWER_LABELS } from './labels';
import type { Finding, Rule } from './rule';

export const labelNonstandard: Rule = {
  id: 'label.nonstandard',
  description: 'A field label is misspelled or in the wrong letter case ("Maximus Guideline:" for "MAXIMUS guideline:").',
  why: 'Letters print their labels one way; a variant label is a sign of hand editing, and other tools that read letters may miss it.',
  example: '`Maximus Guideline:` for `MAXIMUS guideline:`.',
  severity: 'warning',
  check(letter) {
    const findings: Finding[] = [];
    const check = (f: LabeledField, canonical: string) => {
      if (f.label.text === canonical || f.label.text.replace(/ +:$/, ':') === canonical) return;
      findings.push({
        range: f.label.range,
        message: `Label "${f.label.text}" should read "${canonical}".`,
        fixes: [{ title: `Write "${canonical}"`, edits: [{ range: f.label.range, newText: canonical }], safe: true }],
      });
    };
    for (const f of letter.reviewer.fields) check(f, REVIEWER_LABELS[f.kind]);
    for (const item of letter.items) for (const f of item.fields) check(f, ITEM_FIELD_LABELS[f.kind]);
    return findings;
  },
};
