import type { Rule } from './rule';

export const textFormFeedInField: Rule = {
  id: 'text.form-feed-in-field',
  description:
    "A page break (form feed) splits a sentence or a word inside a field's text. One between two sentences, paragraphs or items is where PDFs break pages, and is not reported.",
  why: 'A page break in the middle of a sentence is invisible in most editors and breaks searching and copying the sentence.',
  example: '`The request for` / (page break) `naproxen 500 mg was approved.`',
  severity: 'hint',
  check: (letter) =>
    letter.artifacts.formFeeds.map((range) => ({
      range,
      message: 'A page break (form feed) splits this sentence.',
      fixes: () => [{ title: 'Remove the page break', edits: [{ range, newText: '' }], safe: true }],
    })),
};
