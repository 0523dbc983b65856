import type { Position, TextEdit } from 'vscode-languageserver-types';
import { type Catalog, DEFAULT_CATALOG } from '../guidelines/catalog';
import { type RawAnnotation, type Segment, scanAnnotations } from '../letter/annotations';
import { lastAtOrBefore } from '../letter/text/search';
import { LAYOUTS, headingKey } from '../letter/layouts';
import type { Letter, Span } from '../letter/model';
import { parseLetter } from '../letter/parse';
import { LetterText } from '../letter/text/letter-text';

/**
 * "Reflow letter": the edits that turn a hard-wrapped (and perhaps double-spaced) letter, as PDF
 * extraction leaves it, into one line per paragraph.
 *
 * - The lines of a paragraph are joined with one space. A word split by a hyphen at a line end,
 *   with a small letter or a digit after it ("electro-" / "diagnostic", "171-" / "171"), is joined
 *   with the hyphen kept and no space: the rule the parser joins wrapped lines by
 *   (`letter/text/join.ts`), so field values read the same.
 * - Paragraphs are the parser's: in a double-spaced letter the blank line after every line goes
 *   and a real break (a longer blank run, a line of spaces) becomes one blank line; elsewhere any
 *   blank run becomes one blank line. Trailing spaces go wherever a line break is rewritten, and
 *   the blank lines at the end become one line break.
 * - What the model gives a line of its own keeps it: section headings (both halves of a wrapped
 *   one), item lines (`...: Upheld`, however wrapped, joined into one), field labels, the
 *   reviewer's credentials, the lead sentence of the items. Never joined: anything above the first
 *   heading (title block, header in either column layout), the list of documents reviewed, a line
 *   starting like a list entry, and two lines that together would read as a heading or a label
 *   ("Decision" / "rationale: ...") the parser did not see before.
 * - Form feeds stay, and nothing is joined across one (a page break starting a line still starts
 *   it). Annotations stay exactly as written: the letter's line breaks around them and inside
 *   highlighted text are reflowed (a hyphenated word inside a highlight stays split), never a line
 *   break inside a comment or one next to a comment on a line of its own; lines holding an
 *   `imr-disable` directive, and the line a `disable-next-line` names, keep their line breaks.
 * - No word changes: only runs of spaces, tabs and line breaks are rewritten. Each line break
 *   keeps its style (CRLF stays CRLF).
 *
 * Edits: one per joined paragraph (its line breaks and the text between them), one per other line
 * break rewritten; ranges on `text`. Reflowing the result gives no edits. The result is parsed and
 * compared with `letter` (sections, header, reviewer, items, decisions, field values, citations,
 * annotations): if it reads differently, free prose is left wrapped; if it still does, there is
 * no edit at all.
 *
 * `letter` must be the model of `text`: the model does not keep the text.
 */
export function reflowEdits(letter: Letter, text: string, catalog: Catalog = DEFAULT_CATALOG): TextEdit[] {
  if (letter.binary || !letter.recognized) return [];
  const expected = reading(letter);
  for (const joinProse of [true, false]) {
    const reflowed = reflow(letter, text, catalog, joinProse, expected);
    if (reflowed === text) return [];
    if (reflowed !== undefined) return toEdits(text, whitespaceChanges(text, reflowed));
  }
  return [];
}

// Reflowing can make a letter look double-spaced (or not) where it did not before; the next
// pass then finds more to do. A few passes reach a text a further pass leaves alone.
const MAX_PASSES = 4;

/** The text reflowed until a further pass changes nothing; undefined if it then reads differently (or never settles). */
function reflow(
  letter: Letter,
  text: string,
  catalog: Catalog,
  joinProse: boolean,
  expected: string,
): string | undefined {
  let current = text;
  let model = letter;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const changes = planChanges(model, current, joinProse);
    if (changes.length === 0) return current;
    current = applyChanges(current, changes);
    model = parseLetter(current, catalog);
    if (reading(model) !== expected) return undefined;
  }
  return undefined;
}

type Gap = 'join' | 'line' | 'para';

/** One rewritten stretch of whitespace, as offsets into the text. */
interface Change {
  start: number;
  end: number;
  newText: string;
}

const LEAD = /^the final determination was based/i;
const LEAD_END = /below *:$/i;
/** A list entry: `1.`, `2)`, `a)`, a bullet. */
const LIST_MARK = /^(?:\d{1,2}[.)]|[a-z][.)]|[-•*·])\s/i;
const HYPHEN_END = /[A-Za-z0-9]-$/;
const HYPHEN_NEXT = /^[a-z0-9]/;
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * One pass: for each pair of neighbouring content lines of the letter as the parser reads it
 * (annotations removed), whether they join, keep a line break, or have a paragraph break between
 * them, made into a change of the annotated text. Without `joinProse` only model values (fields,
 * item lines, the reviewer's credentials) are joined.
 */
function planChanges(letter: Letter, source: string, joinProse: boolean): Change[] {
  const sourceLines = new LetterText(source);
  const { clean, segments, annotations } = scanAnnotations(source);
  const text = new LetterText(clean);
  const lines = text.lines;
  const n = lines.length;

  // Where model positions (on the annotated text) fall in the clean letter the parser read.
  const offsetOf = (p: Position) => sourceLines.offsetAt(p);
  const lineOf = (p: Position) => text.positionAt(toClean(segments, offsetOf(p))).line;

  const startsLine = new Array<boolean>(n).fill(false); // nothing joins onto this line from above
  const endsLine = new Array<boolean>(n).fill(false); // this line joins nothing below it
  const inSpan = new Array<boolean>(n).fill(false); // the line and the next content line are one model value
  const alone = (from: number, to: number) => {
    for (let i = from; i <= to; i++) startsLine[i] = endsLine[i] = true;
  };
  const own = (span: { start: Position; end: Position }) => {
    const first = lineOf(span.start);
    const last = lineOf(span.end);
    startsLine[first] = true;
    endsLine[last] = true;
    for (let i = first; i < last; i++) inSpan[i] = true;
  };
  const ownSpan = (span: Span | undefined) => span && own(span.range);

  const firstHeading = letter.sections.reduce((min, s) => Math.min(min, lineOf(s.heading.range.start)), n);
  alone(0, firstHeading - 1); // title block and header: as printed
  if (letter.header) alone(lineOf(letter.header.range.start), lineOf(letter.header.range.end));
  for (const section of letter.sections) {
    alone(lineOf(section.heading.range.start), lineOf(section.heading.range.end));
    if (section.kind === 'documents') alone(lineOf(section.range.start), lineOf(section.range.end)); // a list, one document a line
    if (section.kind === 'issues' && letter.layout.items === 'blocks')
      markLead(text, lineOf(section.heading.range.end) + 1, lineOf(section.range.end), endsLine);
  }
  ownSpan(letter.reviewer.intro);
  ownSpan(letter.reviewer.prose);
  for (const field of letter.reviewer.fields) own(field.range);
  for (const item of letter.items) {
    const titled = item.title.text !== '';
    if (titled) {
      const end =
        item.decision && lineOf(item.decision.range.end) >= lineOf(item.title.range.end)
          ? item.decision.range.end
          : item.title.range.end;
      own({ start: item.title.range.start, end });
    }
    for (const field of item.fields) own(field.range);
  }

  // Lines whose line breaks belong to an `imr-disable` directive (numbers count there).
  const fixed = new Set<number>();
  for (const s of letter.suppressions) {
    for (let l = s.range.start.line; l <= s.range.end.line; l++) fixed.add(l);
    if (s.kind === 'disable-next-line') fixed.add(s.range.end.line + 1);
  }

  const spacing = spacingOf(text);
  const changes: Change[] = [];
  const first = text.nextContent(0);
  let head = first >= 0 ? text.trimmed(first) : ''; // the start of the line being built, while it is short
  for (let a = first; a >= 0;) {
    const b = text.nextContent(a + 1);
    if (b < 0) break;
    const blank = b > a + 1;
    let gap: Gap | undefined;
    if (blank && spacing === 'tidy')
      gap = undefined; // blank lines the parser and the reflow read differently: as they are
    else if (blank && (spacing === 'single' || text.isBreak(a + 1))) gap = 'para';
    else if (endsLine[a] || startsLine[b]) gap = 'line';
    else if (inSpan[a]) gap = 'join';
    else gap = joinProse && !LIST_MARK.test(text.trimmed(b)) ? 'join' : 'line';
    const hyphen = gap === 'join' && HYPHEN_END.test(text.trimmed(a)) && HYPHEN_NEXT.test(text.trimmed(b));
    const joinedHead = head.length > MAX_HEAD ? head : head + (hyphen ? '' : ' ') + text.trimmed(b);
    if (gap === 'join' && makesMark(head, joinedHead)) gap = 'line';
    const change =
      gap &&
      rewrite(
        source,
        segments,
        annotations,
        text.starts[a] + lines[a].end,
        text.starts[b] + lines[b].first,
        gap,
        hyphen,
      );
    const made =
      change && !touchesFixed(sourceLines, change, fixed) && source.slice(change.start, change.end) !== change.newText;
    if (made) changes.push(change);
    head = made && !/[\r\n]/.test(change.newText) ? joinedHead : text.trimmed(b);
    a = b;
  }
  const tail = endOfText(source, segments, text);
  if (tail && !touchesFixed(sourceLines, tail, fixed)) changes.push(tail);
  return changes;
}

/** After the last line: its trailing spaces and the blank lines below it go, one line break stays. */
function endOfText(source: string, segments: readonly Segment[], text: LetterText): Change | undefined {
  const last = text.lastContent(text.lines.length - 1);
  if (last < 0) return undefined;
  const start = toSource(segments, text.starts[last] + text.lines[last].end - 1) + 1;
  const rest = source.slice(start);
  if (!/^[ \t\r\n]*$/.test(rest)) return undefined; // markup, a form feed
  const newText = /^[ \t]*(\r\n|\r|\n)?/.exec(rest)![1] ?? '';
  return rest === newText ? undefined : { start, end: source.length, newText };
}

// Longer than this, the start of a line is neither a heading nor a field label (see letter/sections.ts, letter/items.ts).
const MAX_HEAD = 100;
const HEADINGS = new Set(
  LAYOUTS.flatMap((l) => l.sections.flatMap((s) => [s.heading, ...(s.wrapped ?? [])])).map(headingKey),
);

/**
 * Whether joining a line onto the start of a line makes the parser see something it did not
 * before: a heading ("CLINICAL CASE" + "SUMMARY"), or a label, when a short line with no colon
 * gets one near its start ("Decision" + "rationale: ..."). Such lines are left apart.
 */
function makesMark(before: string, after: string): boolean {
  if (before.length > MAX_HEAD) return false;
  if (after.length <= MAX_HEAD && HEADINGS.has(headingKey(after))) return true;
  const colon = after.indexOf(':');
  return !before.includes(':') && colon >= 0 && colon <= 45;
}

/**
 * How the letter's blank lines read. `single`: every blank line breaks a paragraph. `double`: a
 * double-spaced extraction, where a single empty line is the doubling (the lines around it are
 * one paragraph) and a longer blank run or a line of spaces breaks, as the parser reads it.
 * `tidy`: the parser's test for double spacing (most lines have a blank line after them) passes,
 * but the letter has one blank line between paragraphs, as a reflowed letter does: it has no other
 * kind of break, or hardly a line after a single empty line goes on with a small letter as wrapped
 * lines do. Its blank lines are left as they are.
 */
function spacingOf(text: LetterText): 'single' | 'double' | 'tidy' {
  if (!text.doubleSpaced) return 'single';
  let single = 0;
  let lower = 0;
  let breaks = 0;
  for (let a = text.nextContent(0); a >= 0;) {
    const b = text.nextContent(a + 1);
    if (b < 0) break;
    if (b > a + 1 && text.isBreak(a + 1)) breaks++;
    else if (b > a + 1) {
      single++;
      if (/^[a-z]/.test(text.trimmed(b))) lower++;
    }
    a = b;
  }
  return breaks > 0 && lower >= 2 && lower >= single * 0.1 ? 'double' : 'tidy';
}

/** The line ending the lead sentence of the items ("... set forth below:") ends its line, as the parser reads it. */
function markLead(text: LetterText, from: number, to: number, endsLine: boolean[]) {
  const first = text.nextContent(from, to + 1);
  if (first < 0 || !LEAD.test(text.trimmed(first))) return;
  for (let i = first; i <= to; i++) {
    if (text.isBreak(i)) return;
    if (LEAD_END.test(text.trimmed(i))) {
      endsLine[i] = true;
      return;
    }
  }
}

/**
 * The change for the gap between two content lines of the clean letter, from the end of one's
 * content (`cleanFrom`) to the start of the next's (`cleanTo`), made on the annotated text. Only
 * the run of whitespace holding the gap's line breaks is rewritten. Annotation markup may stand in
 * the gap: it stays, and a hyphenated word is not joined across it. A form feed (or other page
 * furniture) stays, and nothing is joined across it. If markup or furniture splits the line breaks
 * up (a comment or form feed on a line of its own) or a line break is inside a comment, the gap is
 * left as it is.
 */
function rewrite(
  source: string,
  segments: readonly Segment[],
  annotations: readonly RawAnnotation[],
  cleanFrom: number,
  cleanTo: number,
  gap: Gap,
  hyphen: boolean,
): Change | undefined {
  const from = toSource(segments, cleanFrom - 1) + 1;
  const to = toSource(segments, cleanTo);
  // Inside a highlight a hyphenated word stays split: its quote reads as it was.
  if (hyphen && insideAnnotation(annotations, from)) gap = 'line';
  let firstBreak = -1;
  let lastBreakEnd = -1;
  let barrier = false; // markup or furniture since the last line break
  let furniture = false;
  for (let q = from; q < to; q++) {
    const c = source.charCodeAt(q);
    const lineBreak = c === 10 || c === 13;
    if (!inKept(segments, q)) {
      if (lineBreak) return undefined;
      barrier = true;
      continue;
    }
    if (!isLayoutSpace(c)) {
      barrier = furniture = true;
      continue;
    }
    if (!lineBreak) continue;
    if (firstBreak >= 0 && barrier) return undefined;
    if (firstBreak < 0) firstBreak = q;
    lastBreakEnd = q + 1;
    barrier = false;
  }
  if (firstBreak < 0) return undefined;
  // The run of whitespace around the line breaks, up to the content, markup or furniture on either side.
  let start = firstBreak;
  while (start > from && isLayoutSpace(source.charCodeAt(start - 1)) && inKept(segments, start - 1)) start--;
  let end = lastBreakEnd;
  while (end < to && isLayoutSpace(source.charCodeAt(end)) && inKept(segments, end)) end++;
  if (gap === 'join' && !furniture) {
    if (!hyphen) return { start, end, newText: ' ' };
    if (start === from && end === to) return { start, end, newText: '' };
    // "x-{>>...<<}" + "y" would no longer read as one word: the line break stays.
  }
  if (gap === 'join') gap = 'line';
  LINE_BREAK.lastIndex = firstBreak;
  const eol = LINE_BREAK.exec(source)![0];
  // The next line's indentation stays.
  return { start, end: lastBreakEnd, newText: gap === 'para' ? eol + eol : eol };
}

/** Space, tab, CR or LF: the only white space reflow moves (form feeds and the rest stay where they are). */
function isLayoutSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Whether an offset of the annotated text lies inside an annotation's markers. */
function insideAnnotation(annotations: readonly RawAnnotation[], offset: number): boolean {
  const a = annotations[lastAtOrBefore(annotations, (x) => x.start, offset)];
  return a !== undefined && a.closed && a.start < offset && offset < a.end;
}

/** Whether the character at `offset` of the annotated text is the letter's own (not markup). */
function inKept(segments: readonly Segment[], offset: number): boolean {
  const s = segments[segmentAt(segments, offset)];
  return s !== undefined && offset >= s.source && offset < s.source + s.length;
}

/** The index of the last segment starting at or before `offset` of the annotated text (0 if none). */
function segmentAt(segments: readonly Segment[], offset: number): number {
  return Math.max(
    0,
    lastAtOrBefore(segments, (s) => s.source, offset),
  );
}

/** Where a character of the clean letter stands in the annotated text. */
function toSource(segments: readonly Segment[], clean: number): number {
  const s = segments[lastAtOrBefore(segments, (x) => x.clean, clean)];
  return s ? s.source + (clean - s.clean) : clean;
}

/** Where an offset of the annotated text falls in the clean letter (inside markup: where the letter goes on). */
function toClean(segments: readonly Segment[], offset: number): number {
  const s = segments[segmentAt(segments, offset)];
  if (!s) return offset;
  if (offset < s.source) return s.clean;
  return s.clean + Math.min(offset - s.source, s.length);
}

function touchesFixed(sourceLines: LetterText, change: Change, fixed: Set<number>): boolean {
  if (fixed.size === 0) return false;
  const first = sourceLines.positionAt(change.start).line;
  const last = sourceLines.positionAt(change.end).line;
  for (let l = first; l <= last; l++) if (fixed.has(l)) return true;
  return false;
}

function applyChanges(source: string, changes: readonly Change[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const c of changes) {
    parts.push(source.slice(at, c.start), c.newText);
    at = c.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/**
 * The changes that turn `before` into `after`, where the two differ only in runs of spaces, tabs
 * and line breaks (a run may vanish: a hyphenated word joined). Each changed run is cut to what
 * differs, never between the CR and LF of a line break.
 */
function whitespaceChanges(before: string, after: string): Change[] {
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const spaceBefore = i < before.length && isLayoutSpace(before.charCodeAt(i));
    const spaceAfter = j < after.length && isLayoutSpace(after.charCodeAt(j));
    if (!spaceBefore && !spaceAfter) {
      i++;
      j++;
      continue;
    }
    let i2 = i;
    while (i2 < before.length && isLayoutSpace(before.charCodeAt(i2))) i2++;
    let j2 = j;
    while (j2 < after.length && isLayoutSpace(after.charCodeAt(j2))) j2++;
    let s = i;
    let t = j;
    while (s < i2 && t < j2 && before[s] === after[t]) {
      s++;
      t++;
    }
    let e = i2;
    let f = j2;
    while (e > s && f > t && before[e - 1] === after[f - 1]) {
      e--;
      f--;
    }
    if (s < e || t < f) {
      if (s > i && before[s - 1] === '\r' && before[s] === '\n') {
        s--;
        t--;
      }
      if (e < i2 && e > 0 && before[e - 1] === '\r' && before[e] === '\n') {
        e++;
        f++;
      }
      changes.push({ start: s, end: e, newText: after.slice(t, f) });
    }
    i = i2;
    j = j2;
  }
  return changes;
}

/** One edit per paragraph (the line breaks joined in it and the text between them), one per other line break rewritten. */
function toEdits(source: string, changes: readonly Change[]): TextEdit[] {
  const text = new LetterText(source);
  const position = (offset: number): Position => {
    const line = text.positionAt(offset).line;
    return { line, character: offset - text.starts[line] };
  };
  const joins = (c: Change) => !/[\r\n]/.test(c.newText);
  const edits: TextEdit[] = [];
  for (let k = 0; k < changes.length;) {
    let last = k;
    if (joins(changes[k])) {
      while (
        last + 1 < changes.length &&
        joins(changes[last + 1]) &&
        !/[\r\n]/.test(source.slice(changes[last].end, changes[last + 1].start))
      )
        last++;
    }
    const group = changes.slice(k, last + 1);
    const start = group[0].start;
    const end = group[group.length - 1].end;
    const parts: string[] = [];
    group.forEach((c, g) => parts.push(g > 0 ? source.slice(group[g - 1].end, c.start) : '', c.newText));
    edits.push({ range: { start: position(start), end: position(end) }, newText: parts.join('') });
    k = last + 1;
  }
  return edits;
}

/** What the letter says, for checking that the reflowed letter says the same. */
function reading(letter: Letter): string {
  return JSON.stringify({
    layout: letter.layout.id,
    sections: letter.sections.map((s) => [s.kind, s.name]),
    header: letter.header?.fields.map((f) => [f.key, f.value?.text]),
    reviewer: [
      letter.reviewer.intro?.text,
      letter.reviewer.prose?.text,
      letter.reviewer.fields.map((f) => [f.kind, f.value?.text]),
    ],
    items: letter.items.map((i) => [
      i.name,
      i.title.text,
      i.decision?.text,
      i.decision?.value,
      i.fields.map((f) => [
        f.kind,
        f.label.text,
        f.value?.text,
        (f.citations ?? []).map((c) => [c.kind, c.entry?.id, c.statement, c.parts.map((p) => p.entry?.id)]),
      ]),
    ]),
    annotations: letter.annotations.map((a) => [a.form, a.kind, a.note, a.quote, a.proposed]),
    suppressions: letter.suppressions.map((s) => [s.kind, s.rules]),
  });
}
