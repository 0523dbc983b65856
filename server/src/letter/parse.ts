import { type Catalog, DEFAULT_CATALOG } from '../guidelines/catalog';
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
import type { Header, Item, Letter } from './model';
import { Region } from './region';
import { findSections } from './sections';
import { readSummary } from './summary';
import { findSuppressions } from './suppressions';
import { LetterText } from './text';

/**
 * Reads a letter's text into its model. Never throws: whatever cannot be recognised is simply
 * absent from the model, and the rules report what is missing.
 */
export function parseLetter(source: string, catalog: Catalog = DEFAULT_CATALOG): Letter {
  const { clean, segments, annotations } = scanAnnotations(source);
  if (annotations.length === 0) return parseClean(source, catalog);
  // The letter is read as it was before it was annotated; its positions are then moved to where
  // they stand in the annotated text.
  const annotated = new LetterText(source);
  const letter = translate(parseClean(clean, catalog), new LetterText(clean), annotated, new OffsetMap(segments));
  letter.annotations = readAnnotations(annotated, annotations);
  letter.suppressions = findSuppressions(annotated);
  letter.lineCount = annotated.lines.length;
  letter.size = source.length;
  return letter;
}

function parseClean(source: string, catalog: Catalog): Letter {
  if (looksBinary(source)) {
    return { layout: FINAL_DETERMINATION, recognized: false, binary: true, doubleSpaced: false, sections: [], reviewer: { fields: [] }, items: [], artifacts: { splitWords: [], formFeeds: [] }, annotations: [], suppressions: [], lineCount: 0, size: source.length };
  }
  const text = new LetterText(source);
  const { layout, sections } = findSections(text);
  const headerEnd = sections.find((s) => s.kind !== 'notice')?.range.start.line ?? text.lines.length;
  const header = parseHeader(text, 0, headerEnd);
  const reviewer = parseReviewer(text, sections, layout.reviewerFields);
  let items: Item[] = []; // concatenated: a broken letter may hold more items than a call takes arguments
  for (const section of sections) {
    if (layout.items === 'blocks' && section.kind === 'issues') items = items.concat(parseItemBlocks(text, section));
    if (layout.items === 'issue-list' && section.kind === 'issues') items = items.concat(parseIssueList(text, section));
    if (layout.items === 'numbered-notices' && section.kind === 'notice') items = items.concat(parseNumberedNotices(text, section));
  }
  readFields(text, items, catalog, decisionYear(header));
  const summarySection = sections.find((s) => s.kind === 'summary');
  return {
    layout,
    recognized: sections.length > 0 || header !== undefined || items.length > 0,
    binary: false,
    doubleSpaced: text.doubleSpaced,
    header,
    sections,
    reviewer,
    items,
    summary: summarySection && readSummary(text, summarySection),
    artifacts: findArtifacts(text, items, reviewer),
    annotations: [],
    suppressions: findSuppressions(text),
    lineCount: text.lines.length,
    size: source.length,
  };
}

/** What the fields say: the guidelines they cite, and the rationale's conclusion. */
function readFields(text: LetterText, items: Item[], catalog: Catalog, year: number | undefined) {
  for (const item of items) {
    for (const field of item.fields) {
      if (!field.value) continue;
      const region = new Region(text, field.value.range);
      field.citations = field.kind === 'rationale' ? proseCitations(region, catalog, year) : guidelineFieldCitations(region, catalog);
      if (field.kind === 'rationale') item.conclusion = findConclusion(region);
    }
  }
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
  const done = new Map<object, object>();
  const offset = (p: Position) => from.lines[p.line].start + p.character;
  const move = (r: Range): Range => {
    const start = to.positionAt(map.start(offset(r.start)));
    const empty = r.start.line === r.end.line && r.start.character === r.end.character;
    return { start, end: empty ? start : to.positionAt(map.end(offset(r.end))) };
  };
  const visit = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = done.get(value);
    if (known) return known;
    if (isRange(value)) {
      const moved = move(value);
      done.set(value, moved);
      return moved;
    }
    done.set(value, value);
    if (Array.isArray(value)) value.forEach((v, i) => (value[i] = visit(v)));
    else for (const [k, v] of Object.entries(value)) if (k !== 'layout' && k !== 'entry') (value as Record<string, unknown>)[k] = visit(v);
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
  const controls = head.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > 32 && controls > head.length / 20;
}
