import type { HeaderKey, ItemFieldKind, ReviewerFieldKind } from '../letter/model';

/** How letters print each field's label, for messages and inserted skeletons. */
export const HEADER_LABELS: Record<HeaderKey, string> = {
  caseNumber: 'Case Number:',
  dateAssigned: 'Date Assigned:',
  dateOfInjury: 'Date of Injury:',
  decisionDate: 'Decision Date:',
  urDenialDate: 'UR Denial Date:',
  priority: 'Priority:',
  applicationReceived: 'Application Received:',
};

export const ITEM_FIELD_LABELS: Record<ItemFieldKind, string> = {
  claimsAdministratorGuideline: 'Claims Administrator guideline:',
  maximusGuideline: 'MAXIMUS guideline:',
  rationale: 'Decision rationale:',
};

export const REVIEWER_LABELS: Record<ReviewerFieldKind, string> = {
  licensure: 'State(s) of Licensure:',
  specialty: 'Certification(s)/Specialty:',
};

/** "a", "a and b", "a, b and c" */
export function listing(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The label without its colon. */
export function bare(label: string): string {
  return label.endsWith(':') ? label.slice(0, -1) : label;
}

/** What a skeleton field or section holds until someone writes it. */
export const PLACEHOLDER = '[to be completed]';
