import type { Rule } from './rule';

export const letterBinary: Rule = {
  id: 'letter.binary',
  description: 'The file is not text (it holds NUL bytes or control characters), so it was not analysed.',
  severity: 'error',
  appliesToAnyText: true,
  check: (letter) =>
    letter.binary
      ? [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'This file is not text (it holds NUL bytes or control characters); it was not analysed.' }]
      : [],
};
