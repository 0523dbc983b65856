import type { Rule } from './rule';

export const textFormFeedInField: Rule = {
  id: 'text.form-feed-in-field',
  description: "A page break (form feed) sits inside a field's text, where the PDF's page ended.",
  why: 'A page break inside a field is invisible in most editors and breaks searching and copying.',
  example: 'A rationale whose second half starts after a form feed.',
  severity: 'information',
  check: (letter) =>
    letter.artifacts.formFeeds.map((range) => ({
      range,
      message: 'A page break (form feed) interrupts this field.',
      fixes: [{ title: 'Remove the page break', edits: [{ range, newText: '' }], safe: true }],
    })),
};
