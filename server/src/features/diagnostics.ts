import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Letter } from '../letter/model';
import { type CheckOptions, checkLetter, checkUnreadablePdf } from '../rules';
import type { FindingMemo } from '../incremental/finding-memo';
import type { Problem, Severity } from '../rules/rule';

export const SOURCE = 'imr';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The letter's problems as LSP diagnostics: the rule id is the code, linked to its entry in the
 * rule reference when `rulesDoc` (the reference's address) is known. Fixes do not travel with them:
 * code actions take them from the letter as it is when asked (a letter's findings were half fix data).
 * `memo` is the document's, for the findings of items an edit did not touch.
 */
export function diagnostics(
  letter: Letter,
  options: CheckOptions,
  rulesDoc?: string,
  memo?: FindingMemo,
): Diagnostic[] {
  return toDiagnostics(checkLetter(letter, options, memo), rulesDoc);
}

/** A PDF that gave no letter text: letter.pdf-unreadable, at its start, at the level set. */
export function unreadablePdfDiagnostics(message: string, options: CheckOptions, rulesDoc?: string): Diagnostic[] {
  return toDiagnostics(checkUnreadablePdf(message, options), rulesDoc);
}

function toDiagnostics(problems: Problem[], rulesDoc: string | undefined): Diagnostic[] {
  // One link per rule, shared by its findings (a long letter has thousands of one rule's).
  const links = new Map<string, { href: string } | undefined>();
  const linkOf = (ruleId: string) => {
    if (!links.has(ruleId))
      links.set(ruleId, rulesDoc ? { href: `${rulesDoc}#${ruleId.replace(/\./g, '')}` } : undefined);
    return links.get(ruleId);
  };
  return problems.map((p) => ({
    range: p.range,
    severity: SEVERITY[p.severity],
    code: p.ruleId,
    codeDescription: linkOf(p.ruleId),
    source: SOURCE,
    message: p.message,
  }));
}

/**
 * Whether two lists of diagnostics say the same, member by member, as their JSON would (a member
 * that is undefined counts as absent): a pull compares its findings with the last report's, and
 * a long letter has thousands, which serialising both to compare made slow (docs/PERFORMANCE.md).
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return sameJson(a, b);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], other[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (!sameJson(x[k], y[k])) return false;
  for (const k in y) if (!(k in x) && y[k] !== undefined) return false;
  return true;
}
