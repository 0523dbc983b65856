import { compareDates, formatDate, parseDate } from '../letter/dates';
import { headerField } from '../letter/header';
import { collapseWhite } from '../letter/text/spaces';
import type { Rule } from './rule';

export const summaryInjuryDateMismatch: Rule = {
  id: 'summary.injury-date-mismatch',
  description: "The case summary gives another injury date than the header's Date of Injury.",
  why: "The date of injury decides which guidelines and rules apply; a summary that disagrees with the header may rest on another worker's records.",
  example: 'Header `Date of Injury: 10/10/2016`, summary "an industrial injury of October 10, 2015".',
  severity: 'warning',
  check(letter) {
    const stated = letter.summary?.injuryDate;
    const header = headerField(letter.header, 'dateOfInjury')?.value;
    const date = header && parseDate(header.text);
    if (!stated || !date || compareDates(stated.date, date) === 0) return [];
    // The date as the summary wrote it, and in the header's form only when that reads differently.
    const written = collapseWhite(stated.span.text);
    const standard = formatDate(stated.date);
    const summary = written === standard ? written : `${written} (${standard})`;
    return [
      {
        range: stated.span.range,
        message: `The case summary dates the injury ${summary}, the header ${header!.text}.`,
      },
    ];
  },
};
