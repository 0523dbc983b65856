import { compareDates, formatDate, parseDate } from '../letter/dates';
import { headerField } from '../letter/header';
import type { Rule } from './rule';

export const summaryInjuryDateMismatch: Rule = {
  id: 'summary.injury-date-mismatch',
  description: "The case summary gives another injury date than the header's Date of Injury.",
  severity: 'warning',
  check(letter) {
    const stated = letter.summary?.injuryDate;
    const header = headerField(letter.header, 'dateOfInjury')?.value;
    const date = header && parseDate(header.text);
    if (!stated || !date || compareDates(stated.date, date) === 0) return [];
    return [{
      range: stated.span.range,
      message: `The case summary dates the injury ${stated.span.text} (${formatDate(stated.date)}), the header ${header!.text}.`,
    }];
  },
};
