import type { CodeLens } from 'vscode-languageserver-types';
import type { Letter } from '../letter/model';
import { decisionCount, describeCount, itemsOf } from './letter-summary';

/** Above each section that lists disputed items: how many, and how many upheld and overturned. */
export function codeLenses(letter: Letter): CodeLens[] {
  return letter.sections
    .filter((s) => s.kind === 'issues' || s.kind === 'notice')
    .map((section) => {
      const items = itemsOf(letter, section);
      // A lens with an empty command is a label: nothing to run, only to read.
      return { range: section.heading.range, command: { title: describeCount(decisionCount(items)), command: '' } };
    });
}
