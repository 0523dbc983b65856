import type { Rule } from './rule';

export const textSplitWord: Rule = {
  id: 'text.split-word',
  description:
    'A word split by a hyphen at a line end ("FDA-" / "approved"), where the PDF wrapped it. A hyphen and a space in the middle of a line is punctuation, not a split word.',
  why: 'The letter is read with the word joined ("FDA-approved"); the note says so. Whether the hyphen belongs to the word ("right-sided") or only to the wrap ("electro-" / "myography") a reader decides, so joining is offered, never applied unasked.',
  example: '`Zofran is FDA-` / `approved for postoperative use`.',
  severity: 'hint',
  check: (letter) =>
    letter.artifacts.splitWords.map((w) => {
      const joined = `${w.before}${w.after}`;
      return {
        range: w.range,
        message: `"${w.before}" ends a line and "${w.after}" starts the next: read as one word, "${joined}".`,
        // Not safe: "guidelines-" / "low back" would be joined as well, changing the letter's words.
        fixes: () => [
          {
            title: `Join the lines as "${joined}"`,
            edits: [
              {
                range: {
                  start: { line: w.range.start.line, character: w.range.start.character + 1 },
                  end: w.range.end,
                },
                newText: '',
              },
            ],
          },
        ],
      };
    }),
};
