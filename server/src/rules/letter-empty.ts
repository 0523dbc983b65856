import type { Rule } from './rule';

export const letterEmpty: Rule = {
  id: 'letter.empty',
  description: 'The file is empty, or holds nothing but white space and page breaks.',
  why: 'An empty file in a folder of letters is usually an extraction that failed (a scanned PDF with no text layer); checked silently, it would pass as a letter with no findings.',
  example: 'A `.imr` file of zero bytes, or one of form feeds only.',
  severity: 'warning',
  appliesToAnyText: true,
  check: (letter) =>
    letter.blank
      ? [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message:
              letter.size === 0
                ? 'This file is empty: there is no letter to check.'
                : 'This file holds only white space: there is no letter to check.',
          },
        ]
      : [],
};
