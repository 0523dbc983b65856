import { LAYOUTS, type Layout, type SectionSpec, headingKey } from './layouts';
import { range } from './text/lines';
import type { Section } from './model';
import type { LetterText } from './text/letter-text';

/** A heading line (or two, for headings letters wrap) matching one layout's section. */
interface HeadingHit {
  layout: Layout;
  spec: SectionSpec;
  first: number;
  last: number;
}

// Headings are short; a long line is prose, whatever it starts with.
const MAX_HEADING = 100;

interface HeadingEntry {
  layout: Layout;
  spec: SectionSpec;
  half?: 'first';
}

/** Every heading of every layout, each spelling mapped to what it heads. */
const BY_KEY = new Map<string, HeadingEntry[]>();
/** The first two letters of every heading, upper-cased: a line starting otherwise is no heading (a cheap test, since it runs on every line). */
const STARTS = new Set<string>();
/** The same pairs as character codes, so the test copies nothing for a line of plain ASCII. */
const CODE_STARTS = new Set<number>();
for (const layout of LAYOUTS) {
  for (const spec of layout.sections) {
    add(headingKey(spec.heading), { layout, spec });
    if (spec.wrapped) add(headingKey(spec.wrapped[0]), { layout, spec, half: 'first' });
  }
}
function add(key: string, entry: HeadingEntry) {
  BY_KEY.set(key, [...(BY_KEY.get(key) ?? []), entry]);
  STARTS.add(key.slice(0, 2));
  CODE_STARTS.add(key.charCodeAt(0) * 65536 + key.charCodeAt(1));
}

function mayBeHeading(line: string, first: number): boolean {
  const a = line.charCodeAt(first);
  const b = first + 1 < line.length ? line.charCodeAt(first + 1) : 0;
  // Beyond ASCII, upper-casing can change a letter's length or turn it into an ASCII one: ask it.
  if (a > 127 || b > 127) return STARTS.has(line.slice(first, first + 2).toUpperCase());
  return CODE_STARTS.has(upper(a) * 65536 + upper(b));
}

function upper(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

/** What a line says on its own about headings: the sections (of every layout) whose heading, or a wrapped heading's first half, it reads as; null for none. */
export type HeadingMark = readonly HeadingEntry[] | null;

function headingMark(text: LetterText, i: number): HeadingMark {
  const line = text.lines[i];
  if (line.blank || line.end - line.first > MAX_HEADING || !mayBeHeading(line.text, line.first)) return null;
  return BY_KEY.get(headingKey(text.trimmed(i))) ?? null;
}

/**
 * The heading lines of every layout. `known` holds what lines say on their own, as far as known
 * (the memo's, kept for the lines an edit left alone), and gets what is read now.
 */
function findHeadings(text: LetterText, known?: (HeadingMark | undefined)[]): HeadingHit[] {
  const hits: HeadingHit[] = [];
  for (let i = 0; i < text.lines.length; i++) {
    let entries = known?.[i];
    if (entries === undefined) {
      entries = headingMark(text, i);
      if (known) known[i] = entries;
    }
    if (entries === null) continue;
    for (const entry of entries) {
      if (!entry.half) {
        hits.push({ layout: entry.layout, spec: entry.spec, first: i, last: i });
        continue;
      }
      const next = text.nextContent(i + 1);
      if (next >= 0 && headingKey(text.trimmed(next)) === headingKey(entry.spec.wrapped![1])) {
        hits.push({ layout: entry.layout, spec: entry.spec, first: i, last: next });
      }
    }
  }
  return hits;
}

/** The layout whose headings the text has most of (distinct sections); the current layout wins ties. */
function chooseLayout(hits: HeadingHit[]): Layout {
  let best = LAYOUTS[0];
  let bestScore = 0;
  for (const layout of LAYOUTS) {
    const score = new Set(hits.filter((h) => h.layout === layout).map((h) => h.spec)).size;
    if (score > bestScore) [best, bestScore] = [layout, score];
  }
  return best;
}

/** The letter's sections, in the layout whose headings it has most of. `known`: see findHeadings. */
export function findSections(
  text: LetterText,
  known?: (HeadingMark | undefined)[],
): { layout: Layout; sections: Section[] } {
  const hits = findHeadings(text, known);
  const layout = chooseLayout(hits);
  const mine = hits.filter((h) => h.layout === layout);
  const sections = mine.map((hit, k): Section => {
    const stop = k + 1 < mine.length ? mine[k + 1].first : text.lines.length;
    const lastLine = Math.max(hit.last, text.lastContent(stop - 1, hit.last));
    const first = text.lines[hit.first];
    const last = text.lines[hit.last];
    return {
      kind: hit.spec.kind,
      name: hit.spec.heading,
      heading: { range: range(hit.first, first.first, hit.last, last.end), text: hit.spec.heading },
      range: range(hit.first, first.first, lastLine, text.lines[lastLine].end),
    };
  });
  return { layout, sections };
}
