import { HEADER_LABELS, bare, listing } from '../vocabulary/labels';
import type { Finding, Rule } from './rule';

export const headerMissingField: Rule = {
  id: 'header.missing-field',
  description: 'Where the letter has a header, one of its fields (Case Number, dates, Priority) is missing or empty.',
  why: 'The case number and the dates identify the determination and start the 30-day appeal period; without them a letter cannot be filed or appealed on time.',
  example: 'A header with no `UR Denial Date:`.',
  severity: 'error',
  check(letter) {
    const header = letter.header;
    if (!header) return []; // pasted letters often start at the first heading
    const missing = letter.layout.headerFields
      .filter((k) => !header.fields.some((f) => f.key === k))
      .map((k) => bare(HEADER_LABELS[k]));
    const findings: Finding[] = header.fields
      .filter((f) => !f.value)
      .map((f) => ({ range: f.label.range, message: `${bare(HEADER_LABELS[f.key])} has no value.` }));
    if (missing.length > 0) {
      findings.push({ range: header.fields[0].label.range, message: `The header is missing ${listing(missing)}.` });
    }
    return findings;
  },
};
