import { pagesOf } from '../guidelines/describe';
import { itemCitations } from '../letter/citation-list';
import type { Finding, Rule } from './rule';

export const citationPageOutOfRange: Rule = {
  id: 'citation.page-out-of-range',
  description:
    "A cited page lies outside the chapter's known page range (only ranges the catalog confirms, or knows approximately, are used).",
  why: 'A page outside the chapter points the reader at the wrong text.',
  example: '`ACOEM Chapter 12 Low Back Complaints Page(s): 400` (the chapter is pp. 286-326).',
  severity: 'warning',
  checkItem(item) {
    const findings: Finding[] = [];
    for (const c of itemCitations(item)) {
      const known = c.entry?.pages;
      if (!known || known.confidence === 'unverified') continue;
      for (const p of c.pages) {
        if (p.from >= known.from && p.to <= known.to) continue;
        findings.push({
          range: p.range,
          message: `Page ${p.from === p.to ? p.from : `${p.from}-${p.to}`} is outside ${c.entry!.name}, ${pagesOf(c.entry!)}.`,
        });
      }
    }
    return findings;
  },
};
