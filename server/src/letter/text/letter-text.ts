import { lastAtOrBefore } from './search';
import { type KeptLines, type Line, type SourceLines, splitLines, trimmed } from './lines';

/**
 * The letter's lines plus where its paragraphs break. Extractors sometimes put a blank line
 * after every line (double spacing); there a single empty line joins two lines of one
 * paragraph, and only a longer blank run, or a line holding nothing but spaces, breaks it.
 */
export class LetterText implements SourceLines {
  readonly lines: readonly Line[];
  /** The offset in the source where each line starts. */
  readonly starts: Int32Array;
  readonly kept?: KeptLines;
  readonly doubleSpaced: boolean;
  private readonly breaks: boolean[];

  /** With `last`, the text's last version: the lines the edit left alone are taken from it. */
  constructor(
    readonly source: string,
    last?: SourceLines,
  ) {
    ({ lines: this.lines, starts: this.starts, kept: this.kept } = splitLines(source, last));
    this.doubleSpaced = isDoubleSpaced(this.lines);
    this.breaks = paragraphBreaks(this.lines, this.doubleSpaced);
  }

  /** The position of an offset into the source. */
  positionAt(offset: number): { line: number; character: number } {
    // There is always a line, so always an index (the first line when the offset is before it).
    const line = lastAtOrBefore(this.starts, (start) => start, offset);
    return { line, character: Math.min(offset - this.starts[line], this.lines[line].text.length) };
  }

  /** The number line i had in the last version, when it was taken from it; -1 otherwise. */
  lastLine(i: number): number {
    const kept = this.kept;
    if (!kept) return -1;
    if (i < kept.before) return i;
    return i >= kept.after ? kept.lastAfter + i - kept.after : -1;
  }

  /** The offset of a position (one past the last line is the last line). */
  offsetAt(position: { line: number; character: number }): number {
    return this.starts[Math.min(position.line, this.starts.length - 1)] + position.character;
  }

  /** True when line i is blank and separates paragraphs. */
  isBreak(i: number): boolean {
    return this.breaks[i];
  }

  trimmed(i: number): string {
    return trimmed(this.lines[i]);
  }

  /** The last non-blank line at or before i, not going below floor; -1 if none. */
  lastContent(i: number, floor = 0): number {
    while (i >= floor && this.lines[i].blank) i--;
    return i >= floor ? i : -1;
  }

  /** The first non-blank line at or after i, before limit; -1 if none. */
  nextContent(i: number, limit = this.lines.length): number {
    while (i < limit && this.lines[i].blank) i++;
    return i < limit ? i : -1;
  }
}

function isDoubleSpaced(lines: readonly Line[]): boolean {
  let content = 0;
  let gapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].blank) continue;
    content++;
    if (lines[i + 1].blank) gapped++;
  }
  return content >= 6 && gapped >= content * 0.8;
}

function paragraphBreaks(lines: readonly Line[], doubleSpaced: boolean): boolean[] {
  const breaks = new Array<boolean>(lines.length).fill(false);
  for (let i = 0; i < lines.length;) {
    if (!lines[i].blank) {
      i++;
      continue;
    }
    let j = i;
    let spaces = false;
    while (j < lines.length && lines[j].blank) {
      spaces ||= lines[j].text.length > 0;
      j++;
    }
    const isBreak = !doubleSpaced || j - i >= 2 || spaces;
    for (let k = i; k < j; k++) breaks[k] = isBreak;
    i = j;
  }
  return breaks;
}
