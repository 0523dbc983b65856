import { type Catalog, DEFAULT_CATALOG } from '../guidelines/catalog';
import { guidelineFieldCitations, proseCitations } from './citations';
import { findArtifacts } from './artifacts';
import { findConclusion } from './conclusion';
import { parseReviewer } from './fields';
import { headerField, parseHeader } from './header';
import { parseIssueList, parseItemBlocks, parseNumberedNotices } from './items';
import { FINAL_DETERMINATION } from './layouts';
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
  if (looksBinary(source)) {
    return { layout: FINAL_DETERMINATION, recognized: false, binary: true, doubleSpaced: false, sections: [], reviewer: { fields: [] }, items: [], artifacts: { splitWords: [], formFeeds: [] }, suppressions: [], lineCount: 0 };
  }
  const text = new LetterText(source);
  const { layout, sections } = findSections(text);
  const headerEnd = sections.find((s) => s.kind !== 'notice')?.range.start.line ?? text.lines.length;
  const header = parseHeader(text, 0, headerEnd);
  const reviewer = parseReviewer(text, sections, layout.reviewerFields);
  const items: Item[] = [];
  for (const section of sections) {
    if (layout.items === 'blocks' && section.kind === 'issues') items.push(...parseItemBlocks(text, section));
    if (layout.items === 'issue-list' && section.kind === 'issues') items.push(...parseIssueList(text, section));
    if (layout.items === 'numbered-notices' && section.kind === 'notice') items.push(...parseNumberedNotices(text, section));
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
    suppressions: findSuppressions(text),
    lineCount: text.lines.length,
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

/** NUL bytes, or many control characters, in the first 8 KB: not a text letter. */
function looksBinary(source: string): boolean {
  const head = source.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  const controls = head.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > 32 && controls > head.length / 20;
}
