import { headerField } from '../letter/header';
import type { Rule } from './rule';

export const headerBadCaseNumber: Rule = {
  id: 'header.bad-case-number',
  description: 'The case number is not of the form CMyy-nnnnnnn (two-digit year, seven digits).',
  why: 'The case number is how the DWC, the parties and the WCAB find the determination; a mistyped one points at another case.',
  example: '`Case Number: CM16-213037` (six digits).',
  severity: 'error',
  check(letter) {
    const value = headerField(letter.header, 'caseNumber')?.value;
    if (!value || /^CM\d{2}-\d{7}$/.test(value.text)) return [];
    return [
      {
        range: value.range,
        message: `Case number "${value.text}" is not of the form CMyy-nnnnnnn (for example CM16-0213037).`,
      },
    ];
  },
};
