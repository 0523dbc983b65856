import type { Rule } from './rule';

export const letterUnrecognized: Rule = {
  id: 'letter.unrecognized',
  description: 'Nothing of an IMR letter was found: no section heading, header label or disputed item.',
  why: 'Tells you at once that a file is not an IMR letter (or was extracted so badly that nothing of one is left), instead of listing every missing section.',
  example: 'A shopping list saved as `notes.imr`.',
  severity: 'warning',
  appliesToAnyText: true,
  check: (letter) =>
    !letter.binary && !letter.blank && !letter.recognized && letter.lineCount > 1
      ? [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message:
              'No IMR letter structure found: expected a header (Case Number: ...) or headings such as HOW THE IMR FINAL DETERMINATION WAS MADE.',
          },
        ]
      : [],
};
