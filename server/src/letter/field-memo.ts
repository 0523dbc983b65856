import type { Citation, Conclusion, ItemDecision, ItemFieldKind, LabeledField, Span } from './model';
import type { LetterText } from './text';

/** What reading a field's value finds: the guidelines it cites and, for a rationale, its conclusion. */
export interface FieldReading {
  citations: Citation[];
  conclusion?: Conclusion;
}

/**
 * What was read from a document's previous version, for the next one to take back where the text
 * is unchanged. Most of the work on a long letter is per field and per item line, and an edit
 * touches few of them: a piece read from the same lines, starting on the same line, with the same
 * `key` and the same text, reads the same, positions included. So the pieces are kept by the line
 * they start on and given back only when all of that matches. What the whole letter decides (the
 * decision year, which picks a guideline's version) is the version's context: when it changes,
 * nothing is given back.
 *
 * Only letters without annotations use it: an annotated letter's model is moved to the annotated
 * text after it is read, in place.
 */
export class FieldMemo {
  /** A field's label and value, as `labeledField` builds them from its lines (which say its kind). */
  readonly fields = new Pieces<LabeledField<ItemFieldKind>>();
  /** A field value's citations and conclusion. */
  readonly readings = new Pieces<FieldReading>();
  /** An item line: its title and decision, read from its lines alone. */
  readonly titles = new Pieces<[Span, ItemDecision]>();
  private context: string | undefined;

  /** A version with this context is about to be read. */
  begin(context: string): void {
    if (context !== this.context) for (const pieces of this.all()) pieces.forget();
    this.context = context;
  }

  /** The version is read: its pieces replace the last version's (an annotated letter keeps none). */
  end(): void {
    for (const pieces of this.all()) pieces.end();
  }

  private all() {
    return [this.fields, this.readings, this.titles];
  }
}

interface Kept<T> {
  key: string;
  character: number;
  /** The text the piece was read from, as the source wrote it. */
  source: string;
  value: T;
}

/** One kind of piece: the last version's, and those of the version being read. */
class Pieces<T> {
  private previous = new Map<number, Kept<T>>();
  private next = new Map<number, Kept<T>>();

  forget(): void {
    this.previous = new Map();
  }

  end(): void {
    this.previous = this.next;
    this.next = new Map();
  }

  /**
   * The piece read last time from `line`:`character` to `endLine`:`endCharacter` with `key`, if
   * that text is unchanged; and, found or `read` now, kept for the next version. The key holds what
   * the reading depends on beyond that text (a value's field kind, whose label lies outside it).
   */
  take(text: LetterText, line: number, character: number, endLine: number, endCharacter: number, key: string, read: () => T): T {
    const from = text.lines[line].start + character;
    const to = text.lines[endLine].start + endCharacter;
    const last = this.previous.get(line);
    const source = text.source.slice(from, to);
    // Compared whole, as memory: faster than startsWith.
    const value = last && last.key === key && last.character === character && last.source === source ? last.value : read();
    this.next.set(line, { key, character, source, value });
    return value;
  }
}
