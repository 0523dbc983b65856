import { compareDates, formatDate, parseDate } from '../letter/dates';
import { headerField } from '../letter/header';
import type { HeaderKey } from '../letter/model';
import { HEADER_LABELS, bare } from '../vocabulary/labels';
import type { Finding, Rule } from './rule';

/** The order things happen in: injury, UR denial, IMR application, assignment to a reviewer, decision. */
const ORDER: HeaderKey[] = ['dateOfInjury', 'urDenialDate', 'applicationReceived', 'dateAssigned', 'decisionDate'];

export const headerDatesOutOfOrder: Rule = {
  id: 'header.dates-out-of-order',
  description:
    'Header dates in an impossible order: injury, UR denial, application received, date assigned and decision date must follow one another.',
  why: 'IMR follows a fixed sequence (injury, UR denial, application, assignment, decision); dates out of that order show a typing slip or a mixed-up case.',
  example: '`UR Denial Date: 08/03/2016` with `Date of Injury: 09/13/2016`.',
  severity: 'warning',
  check(letter) {
    const dated = ORDER.map((key) => {
      const value = headerField(letter.header, key)?.value;
      const date = value && parseDate(value.text);
      return date && value ? { key, value, date } : undefined;
    }).filter((d) => d !== undefined);
    const findings: Finding[] = [];
    dated.forEach((later, i) => {
      // Compared with every earlier step, so one wrong date is reported once, where it is.
      const clash = dated.slice(0, i).find((earlier) => compareDates(later.date, earlier.date) < 0);
      if (clash) {
        findings.push({
          range: later.value.range,
          message: `${bare(HEADER_LABELS[later.key])} ${formatDate(later.date)} is before ${bare(HEADER_LABELS[clash.key])} ${formatDate(clash.date)}.`,
        });
      }
    });
    return findings;
  },
};
