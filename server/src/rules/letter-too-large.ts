import type { Rule } from './rule';

export const letterTooLarge: Rule = {
  id: 'letter.too-large',
  description:
    "The letter is larger than the editor's size limit (`imrLetter.maxLetterSizeMB`), so it was not checked; its outline, folding and hovers still work.",
  why: 'A letter of many megabytes is usually several letters or a log pasted together; checking it on every keystroke would slow the editor for findings nobody can read. The command-line tool checks any size.',
  example: 'A 12 MB text file made by concatenating a year of letters.',
  severity: 'information',
  appliesToAnyText: true,
  check: (letter, context) =>
    context.sizeLimit !== undefined && letter.size > context.sizeLimit && !letter.binary
      ? [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: `This letter is ${megabytes(letter.size)} MB, over the ${megabytes(context.sizeLimit)} MB limit of imrLetter.maxLetterSizeMB: it was not checked (the outline and hovers still work). Raise the setting, or run imr-lint, to check it.`,
          },
        ]
      : [],
};

function megabytes(characters: number): string {
  return String(Number((characters / 1_000_000).toPrecision(2)));
}
