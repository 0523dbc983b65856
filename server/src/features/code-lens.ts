import type { CodeLens } from 'vscode-languageserver-types';
import { formatDate } from '../letter/dates';
import { pos } from '../letter/text/lines';
import type { Letter } from '../letter/model';
import { appealDeadline } from './appeal-deadline';
import { decisionCount, describeCount, itemsOf } from './letter-summary';

/**
 * At the letter's top, what a reader looks for first: the items and how they were decided, and
 * the last day to appeal. Above a section that lists only some of the items, that section's count.
 * A lens sits on a line of its own, so it moves no letter text sideways (an inlay hint in a
 * two-column header would).
 */
export function codeLenses(letter: Letter): CodeLens[] {
  const lenses: CodeLens[] = [];
  const deadline = appealDeadline(letter);
  const top = [
    letter.items.length > 0 ? describeCount(decisionCount(letter.items)) : '',
    deadline ? `appeal by ${formatDate(deadline.lastDay)}` : '',
  ].filter(Boolean);
  // A lens with an empty command is a label: nothing to run, only to read.
  if (letter.recognized && top.length > 0)
    lenses.push({ range: { start: pos(0, 0), end: pos(0, 0) }, command: { title: top.join(' · '), command: '' } });
  for (const section of letter.sections) {
    if (section.kind !== 'issues' && section.kind !== 'notice') continue;
    const items = itemsOf(letter, section);
    // Only where it says something the top lens does not: a letter with items in two sections.
    if (items.length !== letter.items.length)
      lenses.push({
        range: section.heading.range,
        command: { title: describeCount(decisionCount(items)), command: '' },
      });
  }
  return lenses;
}
