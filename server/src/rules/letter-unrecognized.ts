import type { Rule } from './rule';

export const letterUnrecognized: Rule = {
  id: 'letter.unrecognized',
  description: 'Nothing of an IMR letter was found: no section heading, header label or disputed item.',
  severity: 'warning',
  appliesToAnyText: true,
  check: (letter) =>
    !letter.binary && !letter.recognized && letter.lineCount > 1
      ? [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: 'No IMR letter structure found: expected a header (Case Number: ...) or headings such as HOW THE IMR FINAL DETERMINATION WAS MADE.',
          },
        ]
      : [],
};
