import type { Position, Range } from 'vscode-languageserver-types';
import type { LetterText } from './text';

/**
 * A stretch of the letter as one string, each line break turned into one space, that maps
 * offsets back to positions: recognisers match across wrapped lines and still get exact ranges.
 */
export class Region {
  readonly text: string;
  private readonly starts: number[] = [];
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];

  constructor(letter: LetterText, range: Range) {
    const parts: string[] = [];
    let offset = 0;
    for (let line = range.start.line; line <= range.end.line; line++) {
      const text = letter.lines[line].text;
      const from = line === range.start.line ? range.start.character : 0;
      const to = line === range.end.line ? range.end.character : text.length;
      this.starts.push(offset);
      this.lines.push(line);
      this.columns.push(from);
      parts.push(text.slice(from, to));
      offset += to - from + 1;
    }
    this.text = parts.join(' ');
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
