import type { LabeledField } from '../letter/model';
import { withoutColon } from '../letter/text/spaces';
import { ITEM_FIELD_LABELS, REVIEWER_LABELS } from '../vocabulary/labels';
import type { Finding, Rule } from './rule';

export const labelNonstandard: Rule = {
  id: 'label.nonstandard',
  description:
    'A field label is misspelled or in the wrong letter case ("Maximus Guideline:" for "MAXIMUS guideline:").',
  why: 'Letters print their labels one way; a variant label is a sign of hand editing, and other tools that read letters may miss it.',
  example: '`Maximus Guideline:` for `MAXIMUS guideline:`.',
  severity: 'warning',
  check: (letter) => letter.reviewer.fields.flatMap((f) => nonstandard(f, REVIEWER_LABELS[f.kind])),
  checkItem: (item) => item.fields.flatMap((f) => nonstandard(f, ITEM_FIELD_LABELS[f.kind])),
};

function nonstandard(f: LabeledField, canonical: string): Finding[] {
  if (f.label.text === canonical || (f.label.text.endsWith(':') && `${withoutColon(f.label.text)}:` === canonical))
    return [];
  return [
    {
      range: f.label.range,
      message: `Label "${f.label.text}" should read "${canonical}".`,
      fixes: () => [
        { title: `Write "${canonical}"`, edits: [{ range: f.label.range, newText: canonical }], safe: true },
      ],
    },
  ];
}
