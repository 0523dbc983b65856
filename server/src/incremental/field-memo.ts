import type { Citation, Conclusion, Item, ItemDecision, ItemFieldKind, LabeledField, Span } from '../letter/model';
import { movedField, movedReading, movedTitle } from './moved-lines';
import type { LineMark } from '../letter/items';
import type { HeadingMark } from '../letter/sections';
import { LetterText } from '../letter/text/letter-text';

/** What reading a field's value finds: the guidelines it cites and, for a rationale, its conclusion. */
export interface FieldReading {
  citations: Citation[];
  conclusion?: Conclusion;
}

/**
 * What was read from a document's previous version, for the next one to take back where the text
 * is unchanged. Most of the work on a long letter is per field and per item line, and an edit
 * touches few of them: a field or item line whose lines read the same is read the same, and so is
 * the value of a field taken back. Its lines are the last version's lines (the same line objects,
 * see LetterText); when a line break above moved them, the piece is a moved copy (moved-lines.ts),
 * which costs less than reading it again. Nothing of a version's model is changed once it is
 * built, so what was worked out from it (findings, symbols, reports) can be kept as it is. What
 * the whole letter decides (the decision year, which picks a guideline's version) is the
 * version's context: when it changes, every field is read again.
 *
 * Only letters without annotations use it: an annotated letter's model is moved to the annotated
 * text after it is read, in place.
 */
export class FieldMemo implements ItemMoves {
  /** A field's label and value, as `labeledField` builds them from its lines (which say its kind), and what its value says. */
  private readonly fields = new Pieces<FieldPiece>(movedFieldPiece);
  /** An item line: its title and decision, read from its lines alone, and the item made with them. */
  private readonly titles = new Pieces<TitlePiece>(movedTitlePiece);
  /** What each line says on its own about items (items.ts) and headings (sections.ts). */
  readonly lineMarks = new LineFacts<LineMark>();
  readonly headingMarks = new LineFacts<HeadingMark>();
  /** This version's fields in the order they were taken, and how many of them have been read. */
  private taken: FieldPiece[] = [];
  private read = 0;
  private context: string | undefined;
  /** This version's fields, item lines and items that are the last version's moved by a line break above them. */
  private movedFields = new Map<LabeledField, Move<FieldPiece>>();
  private movedTitles = new Map<TitlePiece, Move<TitlePiece>>();
  private movedItems = new Map<Item, Move<Item>>();
  private lastText: LetterText | undefined;
  private nextText: LetterText | undefined;

  /** The version's text, with the lines the edit left alone taken from the last version's. */
  text(source: string): LetterText {
    this.nextText = new LetterText(source, this.lastText);
    this.lineMarks.begin(this.nextText);
    this.headingMarks.begin(this.nextText);
    return this.nextText;
  }

  /** A version with this context is about to be read. */
  begin(context: string): void {
    // Fields are read afresh, as new objects with no reading kept: a field taken back is never
    // given a different reading (it belongs to the last version's model too). Item lines do not
    // depend on the context.
    if (context !== this.context) this.fields.forget();
    this.context = context;
    this.fields.begin();
    this.titles.begin();
    this.taken = [];
    this.read = 0;
    this.forgetMoves();
  }

  /** The field on lines `line` to `endLine`: the last version's if they read the same, else built by `build`. */
  field(
    text: LetterText,
    line: number,
    endLine: number,
    build: () => LabeledField<ItemFieldKind>,
  ): LabeledField<ItemFieldKind> {
    const piece = this.fields.take(text, line, endLine, () => ({ field: build() }));
    if (this.fields.lastMove) this.movedFields.set(piece.field, this.fields.lastMove);
    this.taken.push(piece);
    return piece.field;
  }

  /** The item line on lines `line` to `endLine`: the last version's if they read the same, else read by `read`. */
  title(text: LetterText, line: number, endLine: number, read: () => TitlePiece): TitlePiece {
    const piece = this.titles.take(text, line, endLine, read);
    if (this.titles.lastMove) this.movedTitles.set(piece, this.titles.lastMove);
    return piece;
  }

  /**
   * The reading of `field`, kept with it from the last version or made by `read` now. Fields are
   * read in the order they were taken (those with no value are not read), so each is found where
   * the last one was; a field found nowhere is read and not kept.
   */
  reading(field: LabeledField, read: () => FieldReading): FieldReading {
    while (this.read < this.taken.length && this.taken[this.read].field !== field && !this.taken[this.read].field.value)
      this.read++;
    const piece = this.taken[this.read];
    if (piece?.field !== field) return read();
    this.read++;
    return (piece.reading ??= read());
  }

  /**
   * The item made from an item line and its fields: the last version's item when the line was
   * taken back where it was and its fields are the last version's too (an item is made from them
   * alone), so what is worked out per item can be kept with it (the rules' findings, its symbol);
   * otherwise one `make` makes now.
   */
  item(piece: TitlePiece, fields: readonly LabeledField<ItemFieldKind>[], make: () => Item): Item {
    const last = piece.item;
    const title = this.movedTitles.get(piece);
    // A moved item line, or a field moved in place (the same object, at its new lines), makes a
    // new item: what is kept per item (findings, symbol) must see that it moved.
    if (
      last &&
      !title &&
      last.fields.length === fields.length &&
      last.fields.every((f, k) => f === fields[k] && !this.movedFields.has(f))
    )
      return last;
    // The item last made from the item line, before `make` replaces it (a title moved in place is the same piece).
    const from = title?.from.item;
    piece.item = make();
    // An item made from the last version's item line and fields, all moved by the same line
    // break, is that item moved: what was worked out for it can be moved too (movedItem).
    if (title && from && this.movedWhole(from, title.lines, fields))
      this.movedItems.set(piece.item, { from, lines: title.lines });
    return piece.item;
  }

  /** Whether `fields` are the fields of `from`, each moved `lines` lines as its item line was. */
  private movedWhole(from: Item, lines: number, fields: readonly LabeledField[]): boolean {
    if (from.fields.length !== fields.length) return false;
    for (let k = 0; k < fields.length; k++) {
      const move = this.movedFields.get(fields[k]);
      if (move === undefined || move.from.field !== from.fields[k] || move.lines !== lines) return false;
    }
    return true;
  }

  private forgetMoves(): void {
    this.movedFields = new Map();
    this.movedTitles = new Map();
    this.movedItems = new Map();
  }

  /**
   * The last version's item that `item` (of the version read last) is, moved `lines` lines down
   * (up when negative) by a line break above it; undefined when it is not one moved whole.
   */
  movedItem(item: Item): Move<Item> | undefined {
    return this.movedItems.get(item);
  }

  /** The version (`source`) is read: its pieces replace the last version's (an annotated letter keeps none). */
  end(source: string): void {
    // A version not read with the memo (annotated, or binary) moved nothing, and holds no moved item.
    if (!this.nextText) this.forgetMoves();
    this.lastText = this.nextText;
    this.nextText = undefined;
    this.fields.end(source);
    this.titles.end(source);
    this.lineMarks.end();
    this.headingMarks.end();
    this.taken = [];
  }
}

/**
 * Per line, something worked out from that line alone: a version starts with the last version's
 * for the lines it took from it (see LetterText), and fills in the others as it reads them.
 */
class LineFacts<T> {
  private last: (T | undefined)[] = [];
  /** This version's, as far as known (undefined: not known yet). */
  current: (T | undefined)[] = [];

  begin(text: LetterText): void {
    const current = new Array<T | undefined>(text.lines.length);
    for (let i = 0; i < current.length; i++) {
      const j = text.lastLine(i);
      current[i] = j >= 0 ? this.last[j] : undefined;
    }
    this.current = current;
  }

  end(): void {
    this.last = this.current;
    this.current = [];
  }
}

/** An item line's title and decision, and the item last made with them. */
export interface TitlePiece {
  title: Span;
  decision: ItemDecision;
  item?: Item;
}

/** A field and, once its value is read, what the value says. */
interface FieldPiece {
  field: LabeledField<ItemFieldKind>;
  reading?: FieldReading;
}

/** A field whose lines moved, with its reading moved along (its citations are set from the reading). */
function movedFieldPiece(piece: FieldPiece, lines: number): FieldPiece {
  return { field: movedField(piece.field, lines), reading: piece.reading && movedReading(piece.reading, lines) };
}

function movedTitlePiece(piece: TitlePiece, lines: number): TitlePiece {
  return movedTitle(piece, lines);
}

/** A piece of this version that is a piece of the last one moved `lines` lines down (up when negative). */
export interface Move<T> {
  from: T;
  lines: number;
}

/** Where the items a version was read with came from (FieldMemo.movedItem), for what is kept per item. */
export interface ItemMoves {
  movedItem(item: Item): Move<Item> | undefined;
}

interface Kept<T> {
  /** The line the piece starts on, and where its text was in its version's source. */
  line: number;
  from: number;
  to: number;
  value: T;
}

/**
 * One kind of piece: the last version's, and those of the version being read, each in line order.
 * A version asks for its pieces in line order too, so the last version's are searched from where
 * the last search stopped (lists, not maps: a long letter has thousands of pieces a version).
 */
class Pieces<T> {
  private previous: Kept<T>[] = [];
  private previousSource = '';
  private next: Kept<T>[] = [];
  private searched = 0;
  /** Whether the piece taken last was the last version's moved, and which. */
  lastMove: Move<T> | undefined;

  /** `moved` copies a piece to a place `lines` lines further down. */
  constructor(private readonly moved: (piece: T, lines: number) => T) {}

  forget(): void {
    this.previous = [];
  }

  /** A version is about to be read (what a version that failed half-way kept is dropped). */
  begin(): void {
    this.next = [];
    this.searched = 0;
  }

  end(source: string): void {
    this.previous = this.next;
    this.previousSource = source;
    this.next = [];
  }

  /**
   * The piece read last time from lines `line` to `endLine`, if they read as they did (moved when a
   * line break above moved them); and, found or `read` now, kept for the next version. Everything a
   * piece depends on is in those lines.
   */
  take(text: LetterText, line: number, endLine: number, read: () => T): T {
    const from = text.starts[line];
    const to = text.starts[endLine] + text.lines[endLine].text.length;
    const lastLine = text.lastLine(line);
    const last = lastLine < 0 ? undefined : this.find(lastLine);
    // Texts are compared whole, as memory (faster than startsWith), and only when their lengths agree.
    const same =
      last !== undefined &&
      last.to - last.from === to - from &&
      this.previousSource.slice(last.from, last.to) === text.source.slice(from, to);
    const value = !same ? read() : lastLine === line ? last.value : this.moved(last.value, line - lastLine);
    this.lastMove = same && lastLine !== line ? { from: last.value, lines: line - lastLine } : undefined;
    this.next.push({ line, from, to, value });
    return value;
  }

  /** The last version's piece that started on `line` (asked for in line order; one asked out of order is not found, and read again). */
  private find(line: number): Kept<T> | undefined {
    const pieces = this.previous;
    let i = this.searched;
    while (i < pieces.length && pieces[i].line < line) i++;
    this.searched = i;
    return i < pieces.length && pieces[i].line === line ? pieces[i] : undefined;
  }
}
