import { itemCitations } from '../letter/citation-list';
import type { Finding, Rule } from './rule';

export const citationBadPageList: Rule = {
  id: 'citation.bad-page-list',
  description: 'A page list cannot be read: a range with no end ("171-") or one that runs backwards ("179-171").',
  why: 'A page range that cannot be read cannot be checked.',
  example: '`page(s) 179-171`.',
  severity: 'warning',
  checkItem(item) {
    const findings: Finding[] = [];
    for (const c of itemCitations(item))
      for (const b of c.badPages)
        findings.push({
          range: b.range,
          message: `Page reference "${b.text}" cannot be read as a page or page range.`,
        });
    return findings;
  },
};
