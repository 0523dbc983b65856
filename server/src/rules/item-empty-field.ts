import type { Rule } from './rule';

export const itemEmptyField: Rule = {
  id: 'item.empty-field',
  description: 'A disputed item\'s guideline or rationale label is followed by no text.',
  severity: 'error',
  check: (letter) =>
    letter.items.flatMap((item) =>
      item.fields
        .filter((f) => !f.value)
        .map((f) => ({ range: f.label.range, message: `${f.label.text.replace(/:$/, '')} of "${item.name || 'this item'}" is empty.` })),
    ),
};
