import { type CalendarDate, formatDate, parseDate } from '../letter/dates';
import type { Letter, Span } from '../letter/model';

/** Days a party has to appeal an IMR determination to the WCAB (Labor Code 4610.6(h)). */
export const APPEAL_DAYS = 30;

export interface AppealDeadline {
  /** The header's Decision Date as the letter writes it. */
  decisionDate: Span;
  /** The Decision Date plus APPEAL_DAYS calendar days. */
  lastDay: CalendarDate;
}

/** The last day to appeal, counted from the header's Decision Date; undefined without a real one. */
export function appealDeadline(letter: Letter): AppealDeadline | undefined {
  const decisionDate = letter.header?.fields.find((f) => f.key === 'decisionDate' && f.value)?.value;
  const decided = decisionDate && parseDate(decisionDate.text);
  return decisionDate && decided ? { decisionDate, lastDay: addDays(decided, APPEAL_DAYS) } : undefined;
}

/** How the last day was counted and what it leaves out (Markdown, no letter text in it). */
export function deadlineExplanation(lastDay: CalendarDate): string {
  return [
    `**Last day to appeal: ${formatDate(lastDay)}**, the Decision Date plus ${APPEAL_DAYS} calendar days.`,
    '',
    `Labor Code 4610.6(h) allows an appeal to the WCAB within ${APPEAL_DAYS} days of the date the determination was *mailed*: if it was mailed after the Decision Date, count from the mailing date. Not accounted for here: extra time for service by mail, and a last day that falls on a weekend or holiday. Confirm the deadline before relying on it.`,
  ].join('\n');
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
