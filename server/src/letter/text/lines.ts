import type { Position, Range } from 'vscode-languageserver-types';
import { lastAtOrBefore } from './search';

/**
 * One physical line of the letter. It says nothing of where it is (its number and offset are the
 * text's), so a line an edit left alone is the same object in the next version, wherever it moved.
 */
export interface Line {
  /** The line's text with page furniture (form feeds, tabs, control characters) turned into spaces; same length as the original line. */
  readonly text: string;
  /** Column of the first and one past the last non-space character; both 0 when the line is blank. */
  readonly first: number;
  readonly end: number;
  readonly blank: boolean;
}

/** A text's lines, and the offset in the text where each starts. */
export interface SourceLines {
  readonly source: string;
  readonly lines: readonly Line[];
  /** A typed array: outside the collected heap, and copied as memory between versions. */
  readonly starts: Int32Array;
  /** For a text split after its last version, the lines taken from it. */
  readonly kept?: KeptLines;
}

/** Lines [0, before) are the last version's lines [0, before); lines from `after` on are its lines from `lastAfter` on. */
export interface KeptLines {
  readonly before: number;
  readonly after: number;
  readonly lastAfter: number;
}

// Characters PDF extraction leaves behind that mean nothing but space. Replaced one for one so every offset stays true.
const FURNITURE_CHARACTERS = '\\t\\v\\f\\u0000-\\u0008\\u000e-\\u001f\\u007f\\u00a0\\u2028\\u2029\\ufeff';
const FURNITURE = new RegExp(`[${FURNITURE_CHARACTERS}]`, 'g');

const BREAK = /\r\n|\r|\n/g;

/**
 * Splits text into lines exactly as LSP does (\r\n, \r or \n), keeping offsets into the original
 * text. Given the text's last version, the lines before and after the part that changed are taken
 * from it (the same objects, at their new numbers and offsets) and only the changed part is split.
 */
export function splitLines(source: string, last?: SourceLines): SourceLines {
  if (!last) return { source, ...split(source, 0) };
  if (last.source === source) {
    const all = last.lines.length;
    return { source, lines: last.lines, starts: last.starts, kept: { before: all, after: all, lastAfter: all } };
  }
  const prefix = commonPrefix(last.source, source);
  const suffix = commonSuffix(last.source, source, prefix);
  // A line is the same when its text and the line break after it are in the unchanged start...
  let kept = 0;
  let from = 0;
  for (; kept < last.lines.length; kept++) {
    const lineBreak = last.starts[kept] + last.lines[kept].text.length;
    if (lineBreak >= prefix) break;
    from = lineBreak + (source.charCodeAt(lineBreak) === 13 && source.charCodeAt(lineBreak + 1) === 10 ? 2 : 1);
  }
  // ...or when the line break before it is in the unchanged end, as all after it is: the last
  // version has a line starting there, the same distance from the end.
  BREAK.lastIndex = Math.max(from, source.length - suffix);
  const lineBreak = BREAK.exec(source);
  const to = lineBreak ? lineBreak.index + lineBreak[0].length : source.length;
  const changed = split(source.slice(from, to), from);
  if (!lineBreak) {
    const lines = last.lines.slice(0, kept).concat(changed.lines);
    return {
      source,
      lines,
      starts: joined(last.starts.subarray(0, kept), changed.starts),
      kept: { before: kept, after: lines.length, lastAfter: last.lines.length },
    };
  }
  // The changed part ends with a line break, and the line after it is the last version's.
  changed.lines.pop();
  const changedStarts = changed.starts.subarray(0, changed.lines.length);
  const shift = source.length - last.source.length;
  const at = lastAtOrBefore(last.starts, (start) => start, to - shift);
  const starts = joined(last.starts.subarray(0, kept), changedStarts, last.starts.subarray(at));
  for (let i = kept + changedStarts.length; i < starts.length; i++) starts[i] += shift;
  return {
    source,
    lines: last.lines.slice(0, kept).concat(changed.lines, last.lines.slice(at)),
    starts,
    kept: { before: kept, after: kept + changed.lines.length, lastAfter: at },
  };
}

function joined(...parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The lines of `text`, which starts at `offset` in the source, and where each starts in the source. */
function split(text: string, offset: number): { lines: Line[]; starts: Int32Array } {
  const lines: Line[] = [];
  // Grown by doubling from a guess (letters' lines run 40-80 characters).
  let starts: Int32Array = new Int32Array(16 + (text.length >> 5));
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
    if (lines.length === starts.length) starts = joined(starts, new Int32Array(starts.length));
    starts[lines.length] = offset + start;
    lines.push(makeLine(junk >= 0 && junk < end ? raw.replace(FURNITURE, ' ') : raw));
    if (stop < 0) return { lines, starts: starts.subarray(0, lines.length) };
    start = stop + (stop === cr && lf === cr + 1 ? 2 : 1);
  }
}

// Compared a block at a time (string equality is a memory comparison), then character by character
// in the block that differs.
const BLOCK = 1024;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The common end of a and b, not reaching into their common start `prefix`. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + BLOCK <= n && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i))
    i += BLOCK;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function nextFurniture(text: string, from: number): number {
  FURNITURE.lastIndex = from;
  const m = FURNITURE.exec(text);
  return m ? m.index : -1;
}

function makeLine(text: string): Line {
  let first = 0;
  while (first < text.length && text.charCodeAt(first) === 32) first++;
  let end = text.length;
  while (end > first && text.charCodeAt(end - 1) === 32) end--;
  const blank = first === end;
  return { text, first: blank ? 0 : first, end: blank ? 0 : end, blank };
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
