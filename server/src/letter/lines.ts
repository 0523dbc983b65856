import type { Position, Range } from 'vscode-languageserver-types';

/** One physical line of the letter, with its place in the original text. */
export interface Line {
  /** Zero-based line number. */
  index: number;
  /** Offset of the line's first character in the text. */
  start: number;
  /** The line's text with page furniture (form feeds, tabs, control characters) turned into spaces; same length as the original line. */
  text: string;
  /** Column of the first and one past the last non-space character; both 0 when the line is blank. */
  first: number;
  end: number;
  blank: boolean;
}

// Characters PDF extraction leaves behind that mean nothing but space. Replaced one for one so every offset stays true.
const FURNITURE = /[\t\v\f\u0000-\u0008\u000e-\u001f\u007f\u00a0\u2028\u2029\ufeff]/g;

/** Splits text into lines exactly as LSP does (\r\n, \r or \n), keeping offsets into the original text. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  // The next \n, \r and piece of furniture, each searched again only once passed: a letter with a
  // few form feeds has only those lines rewritten, and no line costs a match object.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  let junk = nextFurniture(text, 0);
  let start = 0;
  for (;;) {
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    if (junk >= 0 && junk < start) junk = nextFurniture(text, start);
    const stop = cr < 0 ? lf : lf < 0 ? cr : Math.min(lf, cr);
    const end = stop < 0 ? text.length : stop;
    const raw = text.slice(start, end);
    lines.push(makeLine(lines.length, start, junk >= 0 && junk < end ? raw.replace(FURNITURE, ' ') : raw));
    if (stop < 0) break;
    start = stop + (stop === cr && lf === cr + 1 ? 2 : 1);
  }
  return lines;
}

function nextFurniture(text: string, from: number): number {
  FURNITURE.lastIndex = from;
  const m = FURNITURE.exec(text);
  return m ? m.index : -1;
}

function makeLine(index: number, start: number, text: string): Line {
  let first = 0;
  while (first < text.length && text.charCodeAt(first) === 32) first++;
  let end = text.length;
  while (end > first && text.charCodeAt(end - 1) === 32) end--;
  const blank = first === end;
  return { index, start, text, first: blank ? 0 : first, end: blank ? 0 : end, blank };
}

export function trimmed(line: Line): string {
  return line.text.slice(line.first, line.end);
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: pos(startLine, startChar), end: pos(endLine, endChar) };
}

/** The range of a line's non-blank content (an empty range at column 0 for a blank line). */
export function lineRange(line: Line): Range {
  return range(line.index, line.first, line.index, line.end);
}

/** From the start of the first line's content to the end of the last line's content. */
export function spanRange(first: Line, last: Line): Range {
  return range(first.index, first.first, last.index, last.end);
}

export function contains(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The later of two positions. */
export function later(a: Position, b: Position): Position {
  return before(a, b) ? b : a;
}
