import { range } from './text/lines';
import { squeezeSpaces, withoutColon } from './text/spaces';
import type { Header, HeaderField, HeaderKey } from './model';
import type { LetterText } from './text/letter-text';

// Header labels as letters print them. `Application` alone starts the label that extractors wrap
// as `Application` / `Received:`; `Dated:` is the 2013 notices' decision date.
const LABEL =
  /\b(case +number|date +assigned|date +of +injury|decision +date|ur +denial +date|priority|application +received|dated) *:|\bapplication\b(?! *received)|\breceived *:/gi;

const KEYS: Record<string, HeaderKey> = {
  'case number': 'caseNumber',
  'date assigned': 'dateAssigned',
  'date of injury': 'dateOfInjury',
  'decision date': 'decisionDate',
  'ur denial date': 'urDenialDate',
  priority: 'priority',
  'application received': 'applicationReceived',
  application: 'applicationReceived',
  dated: 'decisionDate',
};

/** A value in the label-block/value-block form is one token: a date, a case number, a word. */
const LONE_VALUE = /^\S{1,40}$/;

/**
 * Reads the header block in both forms extractors give: `Label: value` on one line (two columns
 * side by side, `pdftotext -layout`), and all labels first then all values (plain `pdftotext`).
 * A label with its value on the same line takes it; a label without one waits, and the next lone
 * value line goes to the oldest waiting label.
 */
export function parseHeader(text: LetterText, from: number, to: number): Header | undefined {
  const fields: HeaderField[] = [];
  const waiting: HeaderField[] = [];
  let application: HeaderField | undefined; // an `Application` label whose `Received:` has not been seen
  let firstLine = -1;
  let lastLine = -1;
  let lastEnd = 0;

  const take = (line: number, end: number) => {
    if (firstLine < 0) firstLine = line;
    lastLine = line;
    lastEnd = end;
  };

  for (let i = from; i < to; i++) {
    const line = text.lines[i];
    if (line.blank || line.end > 400) continue;
    const labels = [...line.text.matchAll(LABEL)];
    if (labels.length === 0) {
      const value = text.trimmed(i);
      if (waiting.length > 0 && LONE_VALUE.test(value)) {
        waiting.shift()!.value = { range: range(i, line.first, i, line.end), text: value };
        take(i, line.end);
      } else if (fields.length > 0) {
        break; // prose after the header: the header is over
      }
      continue;
    }
    labels.forEach((m, k) => {
      const start = m.index!;
      const labelEnd = start + m[0].length;
      const stop = k + 1 < labels.length ? labels[k + 1].index! : line.end;
      const name = squeezeSpaces(withoutColon(m[0].toLowerCase()));
      let field: HeaderField;
      if (name === 'received' && application) {
        field = application; // the second half of a wrapped `Application` / `Received:` label
        application = undefined;
      } else {
        field = {
          key: KEYS[name] ?? 'applicationReceived',
          label: { range: range(i, start, i, labelEnd), text: m[0].trim() },
        };
        fields.push(field);
        application = name === 'application' ? field : undefined;
      }
      take(i, labelEnd);
      const raw = line.text.slice(labelEnd, stop);
      const value = raw.trim();
      if (value && !field.value) {
        const at = labelEnd + raw.indexOf(value);
        field.value = { range: range(i, at, i, at + value.length), text: squeezeSpaces(value) };
        if (waiting.includes(field)) waiting.splice(waiting.indexOf(field), 1);
        take(i, at + value.length);
      } else if (!value && !field.value && !waiting.includes(field)) {
        waiting.push(field);
      }
    });
  }
  if (fields.length === 0) return undefined;
  const firstChar = text.lines[firstLine].first;
  return { range: range(firstLine, firstChar, lastLine, lastEnd), fields };
}

/** The first field with this key (a broken letter may repeat a label). */
export function headerField(header: Header | undefined, key: HeaderKey): HeaderField | undefined {
  return header?.fields.find((f) => f.key === key);
}
