import { headerField } from '../letter/header';
import type { Rule } from './rule';

const PRIORITIES = ['Standard', 'Expedited'];

export const headerBadPriority: Rule = {
  id: 'header.bad-priority',
  description: 'The Priority is neither Standard nor Expedited.',
  why: "Priority decides the review's deadlines (expedited reviews are faster); only Standard and Expedited exist.",
  example: '`Priority: Urgent`.',
  severity: 'error',
  check(letter) {
    const value = headerField(letter.header, 'priority')?.value;
    if (!value || PRIORITIES.includes(value.text)) return [];
    const meant = PRIORITIES.find((p) => p.toLowerCase() === value.text.toLowerCase());
    return [
      {
        range: value.range,
        message: meant
          ? `Priority "${value.text}" should be written "${meant}".`
          : `Priority "${value.text}" is neither Standard nor Expedited.`,
        fixes: meant
          ? () => [
              { title: `Change priority to ${meant}`, edits: [{ range: value.range, newText: meant }], safe: true },
            ]
          : undefined,
      },
    ];
  },
};
