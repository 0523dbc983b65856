import type { Position, Range } from 'vscode-languageserver-types';
import type { LetterText } from './letter-text';

/**
 * A stretch of the letter as one string, each line break turned into one space, that maps
 * offsets back to positions: recognisers match across wrapped lines and still get exact ranges.
 */
export class Region {
  readonly text: string;
  private readonly starts: number[];
  private readonly lines: number[];
  private readonly columns: number[];

  constructor(letter: LetterText, range: Range) {
    const count = range.end.line - range.start.line + 1;
    // Sized once: a field's region is built for every field of every item.
    this.starts = new Array<number>(count);
    this.lines = new Array<number>(count);
    this.columns = new Array<number>(count);
    const parts = new Array<string>(count);
    let offset = 0;
    for (let k = 0; k < count; k++) {
      const line = range.start.line + k;
      const text = letter.lines[line].text;
      const from = k === 0 ? range.start.character : 0;
      const to = k === count - 1 ? range.end.character : text.length;
      this.starts[k] = offset;
      this.lines[k] = line;
      this.columns[k] = from;
      parts[k] = text.slice(from, to);
      offset += to - from + 1;
    }
    this.text = count === 1 ? parts[0] : parts.join(' ');
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.lines[lo], character: this.columns[lo] + offset - this.starts[lo] };
  }

  range(from: number, to: number): Range {
    return { start: this.position(from), end: this.position(to) };
  }
}
