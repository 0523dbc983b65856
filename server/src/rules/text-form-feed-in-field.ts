import type { Rule } from './rule';

export const textFormFeedInField: Rule = {
  id: 'text.form-feed-in-field',
  description: "A page break (form feed) sits inside a field's text, where the PDF's page ended.",
  severity: 'information',
  check: (letter) =>
    letter.artifacts.formFeeds.map((range) => ({
      range,
      message: 'A page break (form feed) interrupts this field.',
      fixes: [{ title: 'Remove the page break', edits: [{ range, newText: '' }], safe: true }],
    })),
};
