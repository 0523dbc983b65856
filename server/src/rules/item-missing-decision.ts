import type { Rule } from './rule';

export const itemMissingDecision: Rule = {
  id: 'item.missing-decision',
  description: 'A disputed item has no decision after the last colon of its item line.',
  why: 'Without Upheld or Overturned nobody knows whether the treatment must be authorized.',
  example: '`MRI of the knee` with nothing after it.',
  severity: 'error',
  checkItem: (item) =>
    item.decision && item.decision.text !== ''
      ? []
      : [
          {
            range: item.title.range,
            message: item.title.text
              ? `Item "${item.name}" has no decision: its line should end with ": Upheld" or ": Overturned".`
              : 'This item has no item line: the treatment and its decision ("...: Upheld" or "...: Overturned") should come before its fields.',
          },
        ],
};
