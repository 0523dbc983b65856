import { joinLines } from './text/join';
import { type Line, later, range, trimmed } from './text/lines';
import { labeledField, readSpan } from './fields';
import { itemLineStart, modifiedPortion } from './item-line';
import { squeezeSpaces } from './text/spaces';
import type { Decision, Item, ItemDecision, ItemFieldKind, LabeledField, Section, Span } from './model';
import type { FieldMemo, TitlePiece } from '../incremental/field-memo';
import type { LetterText } from './text/letter-text';

const FIELD_ORDER: ItemFieldKind[] = ['claimsAdministratorGuideline', 'maximusGuideline', 'rationale'];
const FIELD_NAMES = ['claims administrator guideline', 'maximus guideline', 'decision rationale'];

/**
 * A field label at the start of a line: as letters print it, in any letter case, or misspelled
 * by a typo or two ("Claims Adminstrator guideline:"), so a slip does not hide the field.
 */
export function fieldLabel(line: string): { kind: ItemFieldKind; length: number } | undefined {
  const colon = line.indexOf(':');
  if (colon < 10 || colon > 40) return undefined;
  const name = squeezeSpaces(line.slice(0, colon).trim().toLowerCase());
  // The names are far more than two typos apart, so an exact match is the only close one.
  let k = FIELD_NAMES.indexOf(name);
  if (k < 0) k = FIELD_NAMES.findIndex((n) => editDistance(n, name, 2) <= 2);
  return k < 0 ? undefined : { kind: FIELD_ORDER[k], length: colon + 1 };
}

/**
 * `...: Upheld` at the end of an item line; the word is checked separately so a misspelling is
 * still seen as a decision. Nothing after its colon is a colon, so it is tried at the line's last
 * colon alone (sticky), and lines without one cost no match at all.
 */
const DECISION_AT_END = /: *([A-Za-z][A-Za-z -]{0,30})$/y;

function decisionAtEnd(line: string): RegExpExecArray | null {
  const colon = line.lastIndexOf(':');
  if (colon < 0) return null;
  DECISION_AT_END.lastIndex = colon;
  return DECISION_AT_END.exec(line);
}
/** Words reviewers or extractors put where Upheld/Overturned belongs. */
const DECISION_LIKE = new Set([
  'uphold',
  'upheld',
  'overturn',
  'overturned',
  'partially overturned',
  'denied',
  'approved',
  'modified',
  'certified',
  'non-certified',
  'noncertified',
  'authorized',
  'not authorized',
]);
const LEAD = /^the final determination was based/i;

/** Upheld or Overturned for a decision word in any letter case; undefined for anything else. */
export function decisionValue(word: string): Decision | undefined {
  const w = word.trim().toLowerCase();
  return w === 'upheld' ? 'Upheld' : w === 'overturned' ? 'Overturned' : undefined;
}

/** Whether a word is meant as a decision: a known decision word, or within two typos of Upheld/Overturned. */
function looksLikeDecision(word: string): boolean {
  const w = word.trim().toLowerCase();
  return DECISION_LIKE.has(w) || editDistance(w, 'upheld', 2) <= 2 || editDistance(w, 'overturned', 2) <= 2;
}

interface TitleMark {
  type: 'title';
  first: number;
  /** The line and column of the item line's last colon; the decision follows it. */
  colonLine: number;
  colon: number;
  /** The line holding the decision word (the colon's line, or the next one when the word wrapped). */
  last: number;
}
interface LabelMark {
  type: 'label';
  line: number;
  kind: ItemFieldKind;
  labelEnd: number;
}

/**
 * Items written as blocks: an item line whose last colon is followed by the decision (the line
 * may wrap, and may be a whole modified-UR paragraph), then `Claims Administrator guideline:`,
 * `MAXIMUS guideline:` and `Decision rationale:`, each running until the next label or item.
 */
export function parseItemBlocks(text: LetterText, section: Section, memo?: FieldMemo): Item[] {
  const bodyEnd = section.range.end.line; // inclusive
  const floor = skipLead(text, section.heading.range.end.line + 1, bodyEnd);
  const marks = findMarks(text, floor, bodyEnd, memo?.lineMarks.current);

  // Each item's parts, made into an item once its fields are known (or taken back whole).
  const drafts: Draft[] = [];
  let item: Draft | undefined;
  let open: LabelMark | undefined;
  let seen = new Set<ItemFieldKind>();
  const close = (lastLine: number) => {
    if (item && open) {
      // The label's kind and end come from its line, which the memo compares.
      const { kind, line, labelEnd } = open;
      const build = () => labeledField(text, kind, line, labelEnd, lastLine);
      item.fields.push(memo ? memo.field(text, line, lastLine, build) : build());
    }
    open = undefined;
  };
  const start = (title: Span, decision: ItemDecision | undefined, line?: TitlePiece) => {
    item = { title, decision, fields: [], line };
    drafts.push(item);
    seen = new Set();
  };

  for (const mark of marks) {
    if (mark.type === 'title') {
      close(mark.first - 1);
      // Where the colon and the decision are comes from the item line's lines, which the memo compares.
      const read = () => titleAndDecision(text, mark);
      const line = memo ? memo.title(text, mark.first, mark.last, read) : read();
      start(line.title, line.decision, memo && line);
      continue;
    }
    if (!item || seen.has(mark.kind)) {
      // A field that starts a new item with no item line (and decision) before it. Its item line is
      // the paragraph just above the label, unless that paragraph is all the previous field has.
      const title = open
        ? paragraphBefore(text, mark.line, open.line + 1, true)
        : paragraphBefore(text, mark.line, floor, false);
      close(title ? title.range.start.line - 1 : mark.line - 1);
      const at = text.lines[mark.line];
      start(title ?? { range: range(mark.line, at.first, mark.line, at.first), text: '' }, title && undecided(title));
    } else {
      close(mark.line - 1);
    }
    seen.add(mark.kind);
    open = mark;
  }
  close(bodyEnd);
  const make = ({ title, decision, fields }: Draft) => {
    const made = newItem(title, decision);
    made.fields = fields;
    finishRange(made);
    return made;
  };
  // An item whose line and fields the edit left alone is the last version's item.
  return drafts.map((d) => (memo && d.line ? memo.item(d.line, d.fields, () => make(d)) : make(d)));
}

/** An item's line and fields, before they are made into an item. */
interface Draft {
  title: Span;
  decision: ItemDecision | undefined;
  fields: LabeledField<ItemFieldKind>[];
  /** The memo's piece for the item line, which remembers the item made from it. */
  line?: TitlePiece;
}

/**
 * What a line says on its own: a field label (its kind, and its length in the trimmed line), a
 * decision after its last colon (where the colon is in the trimmed line), a decision word alone,
 * or nothing (null).
 */
export type LineMark = { kind: ItemFieldKind; length: number } | { colon: number } | 'word' | null;

function lineMark(line: Line): LineMark {
  if (line.blank || !mayBeMark(line.text, line.first, line.end)) return null;
  const t = trimmed(line);
  return fieldLabel(t) ?? decisionMark(t);
}

function decisionMark(t: string): { colon: number } | 'word' | null {
  const m = decisionAtEnd(t);
  if (m && looksLikeDecision(m[1])) return { colon: m.index };
  return !t.includes(' ') && looksLikeDecision(t) ? 'word' : null;
}

/**
 * The labels and item lines of lines floor..bodyEnd. `known` holds what lines say on their own,
 * as far as known (the memo's, kept for the lines an edit left alone), and gets what is read now.
 */
function findMarks(
  text: LetterText,
  floor: number,
  bodyEnd: number,
  known?: (LineMark | undefined)[],
): (TitleMark | LabelMark)[] {
  const marks: (TitleMark | LabelMark)[] = [];
  let lowest = floor; // an item line never reaches back past the previous mark
  let afterLabel = false; // whether a field's text may run straight into the next item line
  for (let i = floor; i <= bodyEnd; i++) {
    let said = known?.[i];
    if (said === undefined) {
      said = lineMark(text.lines[i]);
      if (known) known[i] = said;
    }
    if (said === null) continue;
    if (typeof said === 'object' && 'kind' in said) {
      marks.push({ type: 'label', line: i, kind: said.kind, labelEnd: text.lines[i].first + said.length });
      lowest = i + 1;
      afterLabel = true;
      continue;
    }
    const mark = titleMark(text, i, lowest, afterLabel, said);
    if (mark) {
      marks.push(mark);
      lowest = i + 1;
      afterLabel = false;
    }
  }
  return marks;
}
/**
 * Whether a line can hold a label or an item line: both need a colon, but for a decision word
 * alone on its line. Most lines of prose are neither, and are passed over without being copied.
 */
function mayBeMark(line: string, first: number, end: number): boolean {
  const colon = line.indexOf(':', first);
  if (colon >= 0 && colon < end) return true;
  const space = line.indexOf(' ', first);
  return space < 0 || space >= end;
}

/** Items listed one to a line (or wrapped paragraph), each `treatment: Decision` (professional-review layout). */
export function parseIssueList(text: LetterText, section: Section): Item[] {
  const items: Item[] = [];
  const bodyEnd = section.range.end.line;
  let lowest = section.heading.range.end.line + 1;
  for (let i = lowest; i <= bodyEnd; i++) {
    const mark = text.lines[i].blank ? undefined : titleMark(text, i, lowest, false);
    if (!mark) continue;
    const { title, decision } = titleAndDecision(text, mark);
    items.push(newItem(title, decision));
    lowest = i + 1;
  }
  const rest = text.nextContent(lowest, bodyEnd + 1);
  if (rest >= 0) {
    const title = readSpan(text, rest, 0, bodyEnd)!;
    items.push(newItem(title, undecided(title)));
  }
  items.forEach(finishRange);
  return items;
}

const NUMBERED = /^\d{1,2}\) /;
const NOTICE = /has determined (?:that )?the request for /i;
const NOTICE_VERDICT = / (?:is|was) (not )?medically necessary/i;

/** `... has determined the request for X is (not) medically necessary`: X, and whether "not". */
function readNotice(text: string): { name: string; upheld: boolean } | undefined {
  const start = NOTICE.exec(text);
  if (!start) return undefined;
  // The treatment is what stands before the first verdict after it (at least one character).
  const from = start.index + start[0].length;
  const verdict = NOTICE_VERDICT.exec(text.slice(from + 1));
  if (!verdict) return undefined;
  return { name: text.slice(from, from + 1 + verdict.index), upheld: verdict[1] !== undefined };
}

/** 2013 notices: `1) MAXIMUS ... has determined the request for X is (not) medically necessary and appropriate.` */
export function parseNumberedNotices(text: LetterText, section: Section): Item[] {
  const items: Item[] = [];
  const bodyEnd = section.range.end.line;
  for (let i = section.heading.range.end.line + 1; i <= bodyEnd; i++) {
    if (!NUMBERED.test(text.trimmed(i))) continue;
    let last = i;
    while (last + 1 <= bodyEnd && !text.isBreak(last + 1) && !NUMBERED.test(text.trimmed(last + 1))) last++;
    const span = readSpan(text, i, 0, last)!;
    const m = readNotice(span.text);
    const item = newItem(
      span,
      m
        ? {
            text: m.upheld ? 'not medically necessary' : 'medically necessary',
            range: span.range,
            value: m.upheld ? 'Upheld' : 'Overturned',
            inferred: true,
          }
        : undefined,
    );
    if (m) item.name = m.name;
    items.push(item);
    i = last;
  }
  items.forEach(finishRange);
  return items;
}

/** The first line after the section's lead sentence ("The Final Determination was based on ... below:"). */
function skipLead(text: LetterText, from: number, to: number): number {
  const first = text.nextContent(from, to + 1);
  if (first < 0 || !LEAD.test(text.trimmed(first))) return from;
  for (let i = first; i <= to; i++) {
    if (text.isBreak(i)) return i;
    if (/below *:$/i.test(text.trimmed(i))) return i + 1;
  }
  return to + 1;
}

/**
 * The item line that ends at line i, if i ends one: i ends with `: <decision word>`, or i is the
 * decision word alone under a line ending with a colon.
 */
function titleMark(
  text: LetterText,
  i: number,
  floor: number,
  afterLabel: boolean,
  said = decisionMark(text.trimmed(i)),
): TitleMark | undefined {
  if (said === null) return undefined;
  if (said !== 'word') {
    return {
      type: 'title',
      first: itemLineStart(text, i, floor, afterLabel),
      colonLine: i,
      colon: text.lines[i].first + said.colon,
      last: i,
    };
  }
  // A decision word alone: its item line is the line above, ending with a colon.
  const prev = text.lastContent(i - 1, floor);
  if (prev < 0 || !text.trimmed(prev).endsWith(':')) return undefined;
  return {
    type: 'title',
    first: itemLineStart(text, prev, floor, afterLabel),
    colonLine: prev,
    colon: text.lines[prev].end - 1,
    last: i,
  };
}

function titleAndDecision(text: LetterText, mark: TitleMark): { title: Span; decision: ItemDecision } {
  const { first, colonLine, colon, last } = mark;
  const start = text.lines[first].first;
  const title: Span = {
    range: range(first, start, colonLine, colon),
    text: joinLines(text, first, colonLine, start, colon),
  };
  const line = text.lines[last];
  let from = last === colonLine ? colon + 1 : line.first;
  while (line.text.charCodeAt(from) === 32) from++;
  const word = line.text.slice(from, line.end);
  return { title, decision: { text: word, range: range(last, from, last, line.end), value: decisionValue(word) } };
}

/** For an item line with no decision word: an empty decision after a final colon, else none. */
function undecided(title: Span): ItemDecision | undefined {
  if (!title.text.endsWith(':')) return undefined;
  const { line, character } = title.range.end;
  return { text: '', range: range(line, character, line, character) };
}

/**
 * The paragraph that ends just above line `at`, not reaching above `floor`. With `needsBreak`, a
 * paragraph that fills everything from floor does not count (it is the previous field's text).
 */
function paragraphBefore(text: LetterText, at: number, floor: number, needsBreak: boolean): Span | undefined {
  const last = text.lastContent(at - 1, floor);
  if (last < 0) return undefined;
  let first = last;
  for (let i = last - 1; i >= floor; i--) {
    if (text.isBreak(i)) return readSpan(text, first, 0, last);
    if (!text.lines[i].blank) first = i;
  }
  return needsBreak ? undefined : readSpan(text, first, 0, last);
}

function newItem(title: Span, decision: ItemDecision | undefined): Item {
  const portion = modifiedPortion(title.text);
  return {
    name: portion ?? title.text,
    title,
    decision,
    fields: [],
    associatedSurgicalService: /^associated surgical service *:/i.test(title.text),
    modifiedRequest: portion !== undefined,
    range: title.range,
  };
}

function finishRange(item: Item) {
  let end = item.title.range.end;
  if (item.decision) end = later(end, item.decision.range.end);
  for (const f of item.fields) end = later(end, f.range.end);
  item.range = { start: item.title.range.start, end };
}

// editDistance's two rows (it is not reentrant).
const ROW_A: number[] = [];
const ROW_B: number[] = [];

/**
 * Levenshtein distance, for short words only (3 for anything farther apart than that). With
 * `limit`, the count stops once the distance must exceed it and gives limit + 1: most lines
 * compared with a label are nowhere near it.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  // Two rows, kept between calls and swapped rather than allocated: this runs on many lines of a letter.
  let prev = ROW_A;
  let cur = ROW_B;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let least = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      least = Math.min(least, cur[j]);
    }
    if (least > limit) return limit + 1; // no cell of a row can fall below the row before
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[b.length];
}
