import type { Rule } from './rule';

export const textSplitWord: Rule = {
  id: 'text.split-word',
  description: 'A word split by a hyphen and a space ("red- flag"), left where PDF extraction joined two lines.',
  why: 'PDF extraction leaves words split where a line broke; joined again the text reads and searches properly.',
  example: '`red- flag` for `red-flag`.',
  severity: 'information',
  check: (letter) =>
    letter.artifacts.splitWords.map((w) => {
      const joined = w.text.replace(/- +/, '-');
      return {
        range: w.range,
        message: `"${w.text}" looks like a word split at a line break; it reads "${joined}".`,
        fixes: [{ title: `Join as "${joined}"`, edits: [{ range: w.range, newText: '-' }], safe: true }],
      };
    }),
};
