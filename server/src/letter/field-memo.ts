import type { Citation, Conclusion, LabeledField } from './model';
import type { LetterText } from './text';

/** What reading a field's value finds: the guidelines it cites and, for a rationale, its conclusion. */
export interface FieldReading {
  citations: Citation[];
  conclusion?: Conclusion;
}

interface Entry extends FieldReading {
  kind: string;
  character: number;
  year: number | undefined;
  /** The value as the source wrote it, to tell whether it changed. */
  source: string;
}

/**
 * The field readings of a document's previous version. Reading citations is most of the work on a
 * long letter, and an edit touches few fields: a field of the same kind, whose value starts and
 * ends where it did and reads the same, gets its previous reading back. Its citations' positions
 * are the same too, since they lie inside the unchanged value.
 *
 * Only letters without annotations are remembered: an annotated letter's model is moved to the
 * annotated text after it is read, in place.
 */
export class FieldMemo {
  /** The last version's readings, by the line their value starts on. */
  private previous = new Map<number, Entry>();
  /** The readings of the version being read. */
  private next = new Map<number, Entry>();

  begin(): void {
    this.next = new Map();
  }

  /** The version is read: its readings replace the last version's (an annotated letter keeps none). */
  end(): void {
    this.previous = this.next;
    this.next = new Map();
  }

  recall(text: LetterText, field: LabeledField, year: number | undefined): FieldReading | undefined {
    const value = field.value;
    const entry = value && this.previous.get(value.range.start.line);
    if (!value || !entry) return undefined;
    const { start, end } = value.range;
    const from = offset(text, start.line, start.character);
    const same =
      entry.kind === field.kind &&
      entry.character === start.character &&
      entry.year === year &&
      entry.source.length === offset(text, end.line, end.character) - from &&
      text.source.slice(from, from + entry.source.length) === entry.source; // compared whole, as memory: faster than startsWith
    return same ? entry : undefined;
  }

  keep(text: LetterText, field: LabeledField, year: number | undefined, reading: FieldReading): void {
    const value = field.value;
    if (!value) return;
    const { start, end } = value.range;
    const source = text.source.slice(offset(text, start.line, start.character), offset(text, end.line, end.character));
    this.next.set(start.line, { citations: reading.citations, conclusion: reading.conclusion, kind: field.kind, character: start.character, year, source });
  }
}

function offset(text: LetterText, line: number, character: number): number {
  return text.lines[line].start + character;
}
