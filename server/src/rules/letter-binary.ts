import type { Rule } from './rule';

export const letterBinary: Rule = {
  id: 'letter.binary',
  description: 'The file is not text (it holds NUL bytes or control characters), so it was not analysed.',
  why: 'A scanned PDF or a word-processor file opened by mistake would otherwise show hundreds of meaningless findings.',
  example: 'A .txt file that is really a PDF: `%PDF-1.4` followed by NUL bytes.',
  severity: 'error',
  appliesToAnyText: true,
  check: (letter) =>
    letter.binary
      ? [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            message: 'This file is not text (it holds NUL bytes or control characters); it was not analysed.',
          },
        ]
      : [],
};
