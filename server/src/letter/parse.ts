import { type Catalog, type CatalogLookups, DEFAULT_CATALOG, rememberingLookups } from '../guidelines/catalog';
import { guidelineFieldCitations, proseCitations } from './citations';
import { readAnnotations } from './annotation-list';
import { OffsetMap, scanAnnotations } from './annotations';
import { findArtifacts } from './artifacts';
import { findConclusion } from './conclusion';
import { parseReviewer } from './fields';
import { headerField, parseHeader } from './header';
import { parseIssueList, parseItemBlocks, parseNumberedNotices } from './items';
import { FINAL_DETERMINATION } from './layouts';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Header, Item, ItemFieldKind, Letter } from './model';
import type { FieldMemo, FieldReading } from '../incremental/field-memo';
import { Region } from './text/region';
import { findSections } from './sections';
import { readSummary } from './summary';
import { findSuppressions } from './suppressions';
import { LetterText } from './text/letter-text';

/**
 * Reads a letter's text into its model. Never throws: whatever cannot be recognised is simply
 * absent from the model, and the rules report what is missing. With `memo` (one per document),
 * the fields and item lines unchanged since the document's previous version are taken back.
 */
export function parseLetter(source: string, catalog: Catalog = DEFAULT_CATALOG, memo?: FieldMemo): Letter {
  const letter = read(source, catalog, memo);
  memo?.end(source);
  return letter;
}

function read(source: string, catalog: Catalog, memo: FieldMemo | undefined): Letter {
  const { clean, segments, annotations } = scanAnnotations(source);
  if (annotations.length === 0) return parseClean(source, catalog, memo);
  // The letter is read as it was before it was annotated; its positions are then moved to where
  // they stand in the annotated text.
  const annotated = new LetterText(source);
  const cleanText = looksBinary(clean) ? undefined : new LetterText(clean);
  const letter = cleanText
    ? translate(readLetter(cleanText, catalog), cleanText, annotated, new OffsetMap(segments))
    : binaryLetter(clean);
  letter.blank = false; // it holds annotations
  letter.annotations = readAnnotations(annotated, annotations);
  letter.suppressions = findSuppressions(annotated);
  letter.lineCount = annotated.lines.length;
  letter.size = source.length;
  return letter;
}

function parseClean(source: string, catalog: Catalog, memo?: FieldMemo): Letter {
  return looksBinary(source)
    ? binaryLetter(source)
    : readLetter(memo ? memo.text(source) : new LetterText(source), catalog, memo);
}

function binaryLetter(source: string): Letter {
  return {
    layout: FINAL_DETERMINATION,
    recognized: false,
    binary: true,
    doubleSpaced: false,
    blank: false,
    sections: [],
    reviewer: { fields: [] },
    items: [],
    artifacts: { splitWords: [], formFeeds: [] },
    annotations: [],
    suppressions: [],
    lineCount: 0,
    size: source.length,
  };
}

function readLetter(text: LetterText, catalog: Catalog, memo?: FieldMemo): Letter {
  const { layout, sections } = findSections(text, memo?.headingMarks.current);
  const headerEnd = sections.find((s) => s.kind !== 'notice')?.range.start.line ?? text.lines.length;
  const header = parseHeader(text, 0, headerEnd);
  const year = decisionYear(header);
  memo?.begin(`${year}`);
  const reviewer = parseReviewer(text, sections, layout.reviewerFields);
  let items: Item[] = []; // concatenated: a broken letter may hold more items than a call takes arguments
  for (const section of sections) {
    if (layout.items === 'blocks' && section.kind === 'issues')
      items = items.concat(parseItemBlocks(text, section, memo));
    if (layout.items === 'issue-list' && section.kind === 'issues') items = items.concat(parseIssueList(text, section));
    if (layout.items === 'numbered-notices' && section.kind === 'notice')
      items = items.concat(parseNumberedNotices(text, section));
  }
  readFields(text, items, catalog, year, memo);
  const summarySection = sections.find((s) => s.kind === 'summary');
  return {
    layout,
    recognized: sections.length > 0 || header !== undefined || items.length > 0,
    binary: false,
    doubleSpaced: text.doubleSpaced,
    blank: isBlank(text),
    header,
    sections,
    reviewer,
    items,
    summary: summarySection && readSummary(text, summarySection),
    artifacts: findArtifacts(text, items, reviewer),
    annotations: [],
    suppressions: findSuppressions(text),
    lineCount: text.lines.length,
    size: text.source.length,
  };
}

/** No line holds anything but white space; stops at the first that does, so a letter costs one line. */
function isBlank(text: LetterText): boolean {
  for (const line of text.lines) if (!line.blank) return false;
  return true;
}

/** What the fields say: the guidelines they cite, and the rationale's conclusion. */
function readFields(text: LetterText, items: Item[], catalog: Catalog, year: number | undefined, memo?: FieldMemo) {
  const lookups = rememberingLookups(catalog);
  for (const item of items) {
    for (const field of item.fields) {
      if (!field.value) continue;
      const read = () => readField(new Region(text, field.value!.range), field.kind, lookups, year);
      const reading = memo ? memo.reading(field, read) : read();
      field.citations = reading.citations;
      if (field.kind === 'rationale') item.conclusion = reading.conclusion;
    }
  }
}

function readField(
  region: Region,
  kind: ItemFieldKind,
  lookups: CatalogLookups,
  year: number | undefined,
): FieldReading {
  if (kind !== 'rationale') return { citations: guidelineFieldCitations(region, lookups) };
  return { citations: proseCitations(region, lookups, year), conclusion: findConclusion(region) };
}

function decisionYear(header: Header | undefined): number | undefined {
  const m = /(\d{4})$/.exec(headerField(header, 'decisionDate')?.value?.text ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * The model with every range moved from the clean letter to the annotated text. Ranges shared by
 * two parts of the model stay shared; catalog entries and the layout are left alone.
 */
function translate(letter: Letter, from: LetterText, to: LetterText, map: OffsetMap): Letter {
  // Only ranges are remembered (each original to its moved copy, each moved copy to itself): the
  // model is a tree apart from its shared ranges, and remembering its hundreds of thousands of
  // other objects cost more than all the moving. A part reached twice would only find its ranges
  // already moved.
  const moved = new Map<Range, Range>();
  const offset = (p: Position) => from.offsetAt(p);
  const move = (r: Range): Range => {
    const start = to.positionAt(map.start(offset(r.start)));
    const empty = r.start.line === r.end.line && r.start.character === r.end.character;
    return { start, end: empty ? start : to.positionAt(map.end(offset(r.end))) };
  };
  const visit = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (isRange(value)) {
      let r = moved.get(value);
      if (!r) {
        r = move(value);
        moved.set(value, r);
        moved.set(r, r);
      }
      return r;
    }
    // Plain loops: the model of a long letter has hundreds of thousands of objects.
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = visit(value[i]);
    else
      for (const k in value)
        if (k !== 'layout' && k !== 'entry')
          (value as Record<string, unknown>)[k] = visit((value as Record<string, unknown>)[k]);
    return value;
  };
  return visit(letter) as Letter;
}

function isRange(v: object): v is Range {
  const r = v as Range;
  return typeof r.start?.line === 'number' && typeof r.end?.character === 'number';
}

/** NUL bytes, or many control characters, in the first 8 KB: not a text letter. */
function looksBinary(source: string): boolean {
  const head = source.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  // Control characters are what this looks for.
  // eslint-disable-next-line no-control-regex
  const controls = head.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > 32 && controls > head.length / 20;
}
