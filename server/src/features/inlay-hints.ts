import { type InlayHint, type Range } from 'vscode-languageserver-types';
import { before } from '../letter/text/lines';
import type { Letter } from '../letter/model';
import { DECISION_MEANING } from '../vocabulary/decisions';

/**
 * Inline help in `range`: after each decision, what it means for the worker. Only at the end of an
 * item line: a hint inside the header would push a two-column header's right column out of line
 * (the last day to appeal is in the Decision Date's hover and the letter's code lens instead).
 */
export function inlayHints(letter: Letter, range: Range): InlayHint[] {
  const within = (r: Range) => !before(r.end, range.start) && !before(range.end, r.start);
  const hints: InlayHint[] = [];
  for (const item of letter.items) {
    const decision = item.decision;
    if (!decision?.value || !within(decision.range)) continue;
    const meaning = DECISION_MEANING[decision.value];
    hints.push({ position: decision.range.end, label: meaning.hint, paddingLeft: true, tooltip: meaning.explanation });
  }
  return hints;
}
