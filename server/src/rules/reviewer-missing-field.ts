import type { ReviewerFieldKind } from '../letter/model';
import { REVIEWER_LABELS, bare, listing } from '../vocabulary/labels';
import type { Finding, Rule } from './rule';

const KINDS = Object.keys(REVIEWER_LABELS) as ReviewerFieldKind[];

export const reviewerMissingField: Rule = {
  id: 'reviewer.missing-field',
  description: "The reviewer's State(s) of Licensure or Certification(s)/Specialty is missing or empty.",
  why: "The reviewer's licensure and specialty show that the reviewer was qualified for this treatment (Labor Code 4610.6); without them that cannot be checked.",
  example: 'Credentials that list `State(s) of Licensure:` but no `Certification(s)/Specialty:`.',
  severity: 'error',
  check(letter) {
    const section = letter.sections.find((s) => s.kind === 'determination');
    if (!letter.layout.reviewerFields || !section) return [];
    const fields = letter.reviewer.fields;
    const missing = KINDS.filter((k) => !fields.some((f) => f.kind === k)).map((k) => bare(REVIEWER_LABELS[k]));
    const findings: Finding[] = fields
      .filter((f) => !f.value)
      .map((f) => ({ range: f.label.range, message: `${bare(f.label.text)} of the expert reviewer is empty.` }));
    if (missing.length > 0) {
      findings.push({
        range: (letter.reviewer.intro ?? section.heading).range,
        message: `The expert reviewer's ${listing(missing)} ${missing.length > 1 ? 'are' : 'is'} missing.`,
      });
    }
    return findings;
  },
};
