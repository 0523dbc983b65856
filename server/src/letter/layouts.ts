import type { HeaderKey } from './model';
import { squeezeSpaces } from './text/spaces';

/**
 * The layouts IMR letters come in (see shared/domain.md §2). A layout names its sections in
 * order, how its disputed items are written, and which header and reviewer fields it must have.
 */
export type SectionKind =
  'determination' | 'documents' | 'summary' | 'issues' | 'guidelines' | 'rationale' | 'qualifications' | 'notice';

export interface SectionSpec {
  kind: SectionKind;
  /** The heading as letters print it. A heading that letters wrap over two lines lists both halves. */
  heading: string;
  wrapped?: [string, string];
  required: boolean;
}

/**
 * How items are written: `blocks` (title ending in a decision, then the three labelled fields),
 * `issue-list` (one `item: Decision` line each under ISSUE AT DISPUTE), or `numbered-notices`
 * ("1) MAXIMUS ... has determined the request for X is not medically necessary").
 */
export type ItemStyle = 'blocks' | 'issue-list' | 'numbered-notices';

export interface Layout {
  id: 'final-determination' | 'maximus-format-2' | 'professional-review' | 'notice-2013';
  name: string;
  sections: SectionSpec[];
  items: ItemStyle;
  /** Header fields a letter of this layout must carry, when it has a header at all. */
  headerFields: HeaderKey[];
  /** Whether the reviewer's licensure and specialty are labelled fields (or prose). */
  reviewerFields: boolean;
}

const ALL_HEADER_FIELDS: HeaderKey[] = [
  'caseNumber',
  'dateAssigned',
  'dateOfInjury',
  'decisionDate',
  'urDenialDate',
  'priority',
  'applicationReceived',
];

const DETERMINATION: SectionSpec = {
  kind: 'determination',
  heading: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
  required: true,
};
const CLINICAL_SUMMARY: SectionSpec = { kind: 'summary', heading: 'CLINICAL CASE SUMMARY', required: true };

export const FINAL_DETERMINATION: Layout = {
  id: 'final-determination',
  name: 'IMR Final Determination (2014 and later)',
  sections: [
    DETERMINATION,
    CLINICAL_SUMMARY,
    { kind: 'issues', heading: 'IMR ISSUES, DECISIONS AND RATIONALES', required: true },
  ],
  items: 'blocks',
  headerFields: ALL_HEADER_FIELDS,
  reviewerFields: true,
};

const MAXIMUS_FORMAT_2: Layout = {
  id: 'maximus-format-2',
  name: 'IMR Final Determination with documents reviewed',
  sections: [
    DETERMINATION,
    { kind: 'documents', heading: 'DOCUMENTS REVIEWED', required: true },
    CLINICAL_SUMMARY,
    { kind: 'issues', heading: 'IMR DECISION(S) AND RATIONALE(S)', required: true },
  ],
  items: 'blocks',
  headerFields: ALL_HEADER_FIELDS,
  reviewerFields: true,
};

const PROFESSIONAL_REVIEW: Layout = {
  id: 'professional-review',
  name: 'Medical Professional Review',
  sections: [
    { kind: 'issues', heading: 'ISSUE AT DISPUTE:', required: true },
    { kind: 'summary', heading: 'CASE SUMMARY:', required: true },
    { kind: 'documents', heading: 'DOCUMENTS REVIEWED FOR DETERMINATION:', required: false },
    {
      kind: 'guidelines',
      heading: 'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
      wrapped: ['MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL', 'REVIEWER AND WHY:'],
      required: true,
    },
    {
      kind: 'rationale',
      heading: 'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
      wrapped: ['RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT', 'MEDICALLY NECESSARY:'],
      required: true,
    },
    { kind: 'qualifications', heading: 'MEDICAL REVIEWER QUALIFICATIONS:', required: true },
  ],
  items: 'issue-list',
  headerFields: [],
  reviewerFields: false,
};

const NOTICE_2013: Layout = {
  id: 'notice-2013',
  name: 'Notice of Independent Medical Review Determination (2013)',
  sections: [
    { kind: 'notice', heading: 'NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION', required: true },
    { kind: 'rationale', heading: 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE', required: true },
    { kind: 'qualifications', heading: 'MEDICAL QUALIFICATIONS OF THE EXPERT REVIEWER:', required: false },
    { kind: 'summary', heading: 'CASE SUMMARY:', required: false },
  ],
  items: 'numbered-notices',
  headerFields: [],
  reviewerFields: false,
};

/** The current layout first: it wins ties, and a text with no heading at all is read as it. */
export const LAYOUTS: readonly Layout[] = [FINAL_DETERMINATION, MAXIMUS_FORMAT_2, PROFESSIONAL_REVIEW, NOTICE_2013];

/** Upper-cases and collapses spaces so headings match whatever the indentation or letter case. */
export function headingKey(text: string): string {
  return squeezeSpaces(text).trim().toUpperCase();
}
