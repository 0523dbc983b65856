import { joinLines } from './text/join';
import { range } from './text/lines';
import type { LabeledField, Reviewer, ReviewerFieldKind, Section, Span } from './model';
import { skipSpaces, squeezeSpaces } from './text/spaces';
import type { LetterText } from './text/letter-text';

/**
 * The text from column `col` of line `from` through line `to` (inclusive), blank lines at either
 * end left out; undefined when there is nothing there.
 */
export function readSpan(text: LetterText, from: number, col: number, to: number): Span | undefined {
  let first = from;
  let firstCol = skipSpaces(text.lines[from].text, col);
  if (firstCol >= text.lines[from].text.length) {
    first = text.nextContent(from + 1, to + 1);
    if (first < 0) return undefined;
    firstCol = text.lines[first].first;
  }
  const last = text.lastContent(to, first);
  return {
    range: range(first, firstCol, last, text.lines[last].end),
    text: joinLines(text, first, last, firstCol),
  };
}

/** A field from its label to the end of its value. */
export function labeledField<K extends string>(
  text: LetterText,
  kind: K,
  labelLine: number,
  labelEnd: number,
  lastLine: number,
): LabeledField<K> {
  const line = text.lines[labelLine];
  const label: Span = {
    range: range(labelLine, line.first, labelLine, labelEnd),
    text: squeezeSpaces(line.text.slice(line.first, labelEnd)),
  };
  const value = readSpan(text, labelLine, labelEnd, lastLine);
  return { kind, label, value, range: { start: label.range.start, end: value ? value.range.end : label.range.end } };
}

const REVIEWER_LABELS: [RegExp, ReviewerFieldKind][] = [
  [/^state *\( *s *\) +of +licensure *:/i, 'licensure'],
  [/^certification *\( *s *\) *\/ *specialty *:/i, 'specialty'],
];
const CREDENTIALS_INTRO = /^the expert reviewer has the following credentials *:?$/i;

/**
 * The reviewer's credentials. Letters label them (`State(s) of Licensure:`,
 * `Certification(s)/Specialty:`, each possibly wrapped); older layouts describe them in prose.
 */
export function parseReviewer(text: LetterText, sections: Section[], labelled: boolean): Reviewer {
  const reviewer: Reviewer = { fields: [] };
  if (!labelled) {
    const prose = sections.find((s) => s.kind === 'qualifications');
    if (prose) {
      const body = prose.heading.range.end.line + 1;
      reviewer.prose = readSpan(text, Math.min(body, prose.range.end.line), 0, prose.range.end.line);
    }
    return reviewer;
  }
  const section = sections.find((s) => s.kind === 'determination');
  if (!section) return reviewer;
  const from = section.heading.range.end.line + 1;
  const to = section.range.end.line;
  const labelAt = (i: number) => {
    const t = text.trimmed(i);
    const hit = REVIEWER_LABELS.find(([re]) => re.test(t));
    return hit ? { kind: hit[1], end: text.lines[i].first + t.match(hit[0])![0].length } : undefined;
  };
  for (let i = from; i <= to; i++) {
    if (text.lines[i].blank) continue;
    if (CREDENTIALS_INTRO.test(text.trimmed(i))) {
      reviewer.intro = readSpan(text, i, 0, i);
      continue;
    }
    const label = labelAt(i);
    if (!label) continue;
    // The value goes on over wrapped lines until a paragraph break or the next label.
    let last = i;
    while (last + 1 <= to && !text.isBreak(last + 1) && !(text.lines[last + 1].blank ? false : labelAt(last + 1)))
      last++;
    reviewer.fields.push(labeledField(text, label.kind, i, label.end, last));
    i = last;
  }
  return reviewer;
}
