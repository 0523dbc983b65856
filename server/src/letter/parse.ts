import { parseReviewer } from './fields';
import { parseHeader } from './header';
import { parseIssueList, parseItemBlocks, parseNumberedNotices } from './items';
import { FINAL_DETERMINATION } from './layouts';
import type { Item, Letter } from './model';
import { findSections } from './sections';
import { LetterText } from './text';

/**
 * Reads a letter's text into its model. Never throws: whatever cannot be recognised is simply
 * absent from the model, and the rules report what is missing.
 */
export function parseLetter(source: string): Letter {
  if (looksBinary(source)) {
    return { layout: FINAL_DETERMINATION, recognized: false, binary: true, doubleSpaced: false, sections: [], reviewer: { fields: [] }, items: [], lineCount: 0 };
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
  return {
    layout,
    recognized: sections.length > 0 || header !== undefined || items.length > 0,
    binary: false,
    doubleSpaced: text.doubleSpaced,
    header,
    sections,
    reviewer,
    items,
    lineCount: text.lines.length,
  };
}

/** NUL bytes, or many control characters, in the first 8 KB: not a text letter. */
function looksBinary(source: string): boolean {
  const head = source.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  const controls = head.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > 32 && controls > head.length / 20;
}
