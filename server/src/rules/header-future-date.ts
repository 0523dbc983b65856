import { compareDates, parseDate } from '../letter/dates';
import { HEADER_LABELS, bare } from '../vocabulary/labels';
import type { Rule } from './rule';

export const headerFutureDate: Rule = {
  id: 'header.future-date',
  description: 'A header date lies in the future.',
  why: 'A determination cannot be dated after today; a future date is a typing slip that also shifts the appeal deadline.',
  example: '`Decision Date: 12/09/2099`.',
  severity: 'warning',
  check(letter, { today }) {
    const now = { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() };
    return (letter.header?.fields ?? []).flatMap((f) => {
      const date = f.key !== 'caseNumber' && f.key !== 'priority' && f.value ? parseDate(f.value.text) : undefined;
      return date && compareDates(date, now) > 0
        ? [{ range: f.value!.range, message: `${bare(HEADER_LABELS[f.key])} ${f.value!.text} is in the future.` }]
        : [];
    });
  },
};
