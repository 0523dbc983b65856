import { headerField } from '../letter/header';
import type { Letter } from '../letter/model';
import { classifyTreatment } from '../treatments/classify';

/** The columns of the item table, one row per disputed item: what a researcher codes. */
export const ITEM_COLUMNS = [
  'file',
  'case_number',
  'date_of_injury',
  'ur_denial_date',
  'application_received',
  'date_assigned',
  'decision_date',
  'priority',
  'licensure',
  'specialty',
  'item',
  'decision',
  'associated_surgical_service',
  'modified_request',
  'claims_administrator_guidelines',
  'maximus_guidelines',
  'rationale_guidelines',
  'rationale_concludes',
  'category',
  'subcategory',
  'region',
  'drug',
] as const;

export type ItemRow = Record<(typeof ITEM_COLUMNS)[number], string>;

/** The cells every row of a letter shares: its header and its reviewer, as written. */
export function letterCells(letter: Letter) {
  const h = (key: Parameters<typeof headerField>[1]) => headerField(letter.header, key)?.value?.text ?? '';
  const r = (kind: string) => letter.reviewer.fields.find((f) => f.kind === kind)?.value?.text ?? '';
  return {
    case_number: h('caseNumber'),
    date_of_injury: h('dateOfInjury'),
    ur_denial_date: h('urDenialDate'),
    application_received: h('applicationReceived'),
    date_assigned: h('dateAssigned'),
    decision_date: h('decisionDate'),
    priority: h('priority'),
    licensure: r('licensure'),
    specialty: r('specialty'),
  };
}

export function itemRows(file: string, letter: Letter): ItemRow[] {
  const cells = letterCells(letter);
  return letter.items.map((item) => {
    const names = (kind: string) =>
      item.fields
        .filter((f) => f.kind === kind)
        .flatMap((f) => f.citations ?? [])
        .map(
          (c) =>
            c.entry?.name ??
            (c.statement === 'outside-mtus'
              ? '(outside the MTUS)'
              : c.statement === 'no-evidence'
                ? '(no evidence cited)'
                : c.span.text),
        );
    const cited = (kind: string) => names(kind).join('; ');
    const treatment = classifyTreatment(item.name, item.associatedSurgicalService);
    return {
      file,
      ...cells,
      item: item.name,
      decision: item.decision?.value ?? item.decision?.text ?? '',
      associated_surgical_service: item.associatedSurgicalService ? 'yes' : 'no',
      modified_request: item.modifiedRequest ? 'yes' : 'no',
      claims_administrator_guidelines: cited('claimsAdministratorGuideline'),
      maximus_guidelines: cited('maximusGuideline'),
      // Prose names a guideline again and again: each once, in the order first named.
      rationale_guidelines: [...new Set(names('rationale'))].join('; '),
      rationale_concludes: item.conclusion
        ? item.conclusion.necessary
          ? 'medically necessary'
          : 'not medically necessary'
        : '',
      category: treatment.category,
      subcategory: treatment.subgroup,
      region: treatment.region,
      drug: treatment.drug,
    };
  });
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/**
 * A cell quoted when it must be (RFC 4180); one a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return, as OWASP lists them) starts with an apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
