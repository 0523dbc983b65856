import type { Rule } from './rule';

export const itemEmptyField: Rule = {
  id: 'item.empty-field',
  description: "A disputed item's guideline or rationale label is followed by no text.",
  why: 'A label with nothing after it is as good as a missing field, and easier to miss.',
  example: '`Decision rationale:` followed by the next item.',
  severity: 'error',
  checkItem: (item) =>
    item.fields
      .filter((f) => !f.value)
      .map((f) => ({
        range: f.label.range,
        message: `${f.label.text.replace(/:$/, '')} of "${item.name || 'this item'}" is empty.`,
      })),
};
