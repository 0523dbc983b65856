import type { Hover, Position } from 'vscode-languageserver-types';
import { formatDate, parseDate } from '../letter/dates';
import { contains } from '../letter/text/lines';
import type { Letter } from '../letter/model';
import { APPEAL_DAYS, addDays, deadlineExplanation } from './appeal-deadline';

const MEANING = `The date the IMR determination was made. The ${APPEAL_DAYS} days to appeal it to the WCAB run from the date it was mailed, which is usually this date or soon after.`;

/**
 * The hover on the header's Decision Date (its label or its value): what the date means and the
 * last day to appeal. Null anywhere else. No letter text in it: the date is shown as parsed.
 */
export function decisionDateHover(letter: Letter, position: Position): Hover | null {
  const here = { start: position, end: position };
  const field = letter.header?.fields.find(
    (f) => f.key === 'decisionDate' && (contains(f.label.range, here) || (f.value && contains(f.value.range, here))),
  );
  if (!field) return null;
  // The part under the cursor: a header of label and value blocks keeps them lines apart.
  const range = field.value && contains(field.value.range, here) ? field.value.range : field.label.range;
  const decided = field.value && parseDate(field.value.text);
  const lines = [`**Decision Date${decided ? `: ${formatDate(decided)}` : ''}**`, '', MEANING, ''];
  if (decided) lines.push(deadlineExplanation(addDays(decided, APPEAL_DAYS)));
  else
    lines.push(
      field.value
        ? '_The date cannot be read as a calendar date, so no last day to appeal is given._'
        : '_The letter gives no Decision Date, so no last day to appeal is given._',
    );
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range };
}
