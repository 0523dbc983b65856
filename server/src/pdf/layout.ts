// Page text rebuilt from positioned text runs the way `pdftotext -layout` lays it out: lines from
// baselines, words spaced by their gaps, runs far apart (the header's two columns) padded to their
// column, a blank line where the vertical gap shows a paragraph break, a form feed after each page.
// Pure: the runs come from whatever read the PDF.
import type { PdfText } from './reader';

/** A run of text on a page: its string, the left end of its baseline, its width and its font size (PDF units, y up). */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Line {
  y: number;
  size: number;
  runs: TextRun[];
}

/** The text of every page, each followed by a form feed, and the page of each line. */
export function layoutPages(pages: TextRun[][]): PdfText {
  const runs = pages.flat().filter((r) => r.str.trim() !== '');
  // One left margin and one character width for the whole document, so indents match across pages.
  const left = runs.reduce((m, r) => Math.min(m, r.x), Infinity);
  const charWidth = charWidthOf(runs);
  let text = '';
  const lineOf: number[] = [];
  pages.forEach((page, index) => {
    const lines = pageLines(page, left, charWidth);
    for (let i = 0; i < lines.length; i++) lineOf.push(index + 1);
    text += lines.length > 0 ? lines.join('\n') + '\n' : '';
    text += '\f';
  });
  // The last line, after the last form feed, is empty and belongs to the last page.
  lineOf.push(Math.max(pages.length, 1));
  return { text, pages: lineOf };
}

/** The lines of one page, top to bottom, with blank lines for paragraph gaps. */
function pageLines(page: TextRun[], left: number, charWidth: number): string[] {
  const lines = baselines(page.filter((r) => r.str.trim() !== ''));
  const spacing = lineSpacing(lines);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0) {
      const gap = lines[i - 1].y - line.y;
      // One blank line for a gap of nearly two lines (a heading sits a line and a half above its text).
      const blanks = gap >= 1.75 * spacing ? 1 : 0;
      for (let b = 0; b < blanks; b++) out.push('');
    }
    out.push(lineText(line, left, charWidth));
  });
  return out;
}

/** Runs grouped by baseline: runs whose baselines lie within a third of the font size share a line. */
function baselines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    if (last && last.y - run.y <= Math.min(last.size, run.size) / 3) {
      last.runs.push(run);
      last.size = Math.max(last.size, run.size);
    } else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  for (const line of lines) line.runs.sort((a, b) => a.x - b.x);
  return lines;
}

/**
 * The usual distance between baselines on the page: the lower quartile of the gaps (paragraph gaps
 * are the larger and fewer ones), and at most 1.2 font sizes, for a page of one-line paragraphs.
 */
function lineSpacing(lines: Line[]): number {
  const size = lines.reduce((m, l) => Math.max(m, l.size), 1);
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i].y - l.y)
    .filter((g) => g > 0);
  if (gaps.length === 0) return size * 1.2;
  gaps.sort((a, b) => a - b);
  return Math.max(Math.min(gaps[Math.floor(gaps.length / 4)], size * 1.2), 1);
}

/** A typical character's width (the lower quartile: runs of narrow letters, not of capitals). */
function charWidthOf(runs: TextRun[]): number {
  const widths = runs.filter((r) => r.str.length >= 3 && r.width > 0).map((r) => r.width / r.str.length);
  if (widths.length === 0) return 5;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 4)];
}

/** One line: the first run at its column, then each run after one space, none, or padding to its column. */
function lineText(line: Line, left: number, charWidth: number): string {
  const column = (x: number) => Math.max(0, Math.round((x - left) / charWidth));
  let text = '';
  let end = 0;
  for (const run of line.runs) {
    const gap = run.x - end;
    if (text === '') text = ' '.repeat(column(run.x));
    else if (gap > 2.5 * charWidth) text += ' '.repeat(Math.max(2, column(run.x) - text.length));
    else if (gap > run.size * 0.12 && !text.endsWith(' ') && !run.str.startsWith(' ')) text += ' ';
    text += run.str;
    end = Math.max(end, run.x + run.width);
  }
  return text.trimEnd();
}
