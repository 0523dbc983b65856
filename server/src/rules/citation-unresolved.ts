import { itemCitations } from '../letter/citation-list';
import type { Finding, Rule } from './rule';

export const citationUnresolved: Rule = {
  id: 'citation.unresolved',
  description: 'A guideline citation (or one of its sections) matches no entry of the guideline catalog.',
  why: 'A citation the catalog does not know cannot be looked up from the letter; it may be mistyped, or a source the catalog lacks (its hover offers a web search for its words). Page numbers, years, editions and tables in a section list ("Section(s): 326") name no section and are not reported.',
  example: '`Decision based on MTUS Knee Troubles 2004.`',
  severity: 'hint',
  checkItem(item) {
    const findings: Finding[] = [];
    for (const c of itemCitations(item)) {
      if (c.kind !== 'mtus' && c.kind !== 'non-mtus') continue;
      if (!c.entry) {
        findings.push({ range: c.span.range, message: `Guideline citation not in the catalog: "${c.span.text}".` });
        continue;
      }
      // Only MTUS sections are catalogued; ODG topics are free text.
      if (c.kind !== 'mtus') continue;
      for (const p of c.parts)
        if (!p.entry)
          findings.push({
            range: p.span.range,
            message: `Section "${p.span.text}" of ${c.entry.name} is not in the catalog.`,
          });
    }
    return findings;
  },
};
