import { type InlayHint, type Range } from 'vscode-languageserver-types';
import { type CalendarDate, formatDate, parseDate } from '../letter/dates';
import { before } from '../letter/text/lines';
import type { Letter } from '../letter/model';
import { DECISION_MEANING } from '../vocabulary/decisions';

/** Days a party has to appeal an IMR determination to the WCAB (Labor Code 4610.6(h)). */
const APPEAL_DAYS = 30;

/**
 * Inline help in `range`: after each decision, what it means for the worker; after the header's
 * Decision Date, the last day to appeal, with how it was computed.
 */
export function inlayHints(letter: Letter, range: Range): InlayHint[] {
  const within = (r: Range) => !before(r.end, range.start) && !before(range.end, r.start);
  const hints: InlayHint[] = [];
  const decisionDate = letter.header?.fields.find((f) => f.key === 'decisionDate' && f.value)?.value;
  const decided = decisionDate && parseDate(decisionDate.text);
  if (decisionDate && decided && within(decisionDate.range)) {
    const last = addDays(decided, APPEAL_DAYS);
    hints.push({
      position: decisionDate.range.end,
      label: `appeal by ${formatDate(last)}`,
      paddingLeft: true,
      tooltip: {
        kind: 'markdown',
        value: [
          `**Last day to appeal: ${formatDate(last)}**, the Decision Date plus ${APPEAL_DAYS} calendar days.`,
          '',
          `Labor Code 4610.6(h) allows an appeal to the WCAB within ${APPEAL_DAYS} days of the date the determination was *mailed*: if it was mailed after the Decision Date, count from the mailing date. Not accounted for here: extra time for service by mail, and a last day that falls on a weekend or holiday. Confirm the deadline before relying on it.`,
        ].join('\n'),
      },
    });
  }
  for (const item of letter.items) {
    const decision = item.decision;
    if (!decision?.value || !within(decision.range)) continue;
    const meaning = DECISION_MEANING[decision.value];
    hints.push({ position: decision.range.end, label: meaning.hint, paddingLeft: true, tooltip: meaning.explanation });
  }
  return hints;
}

function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
