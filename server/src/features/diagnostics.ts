import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Letter } from '../letter/model';
import { type CheckOptions, checkLetter } from '../rules';
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
 * rule reference when `rulesDoc` (the reference's address) is known; the fixes travel in `data`.
 * `memo` is the document's, for the findings of items an edit did not touch.
 */
export function diagnostics(letter: Letter, options: CheckOptions, rulesDoc?: string, memo?: FindingMemo): Diagnostic[] {
  return checkLetter(letter, options, memo).map((p) => toDiagnostic(p, rulesDoc));
}

function toDiagnostic(problem: Problem, rulesDoc?: string): Diagnostic {
  return {
    range: problem.range,
    severity: SEVERITY[problem.severity],
    code: problem.ruleId,
    codeDescription: rulesDoc ? { href: `${rulesDoc}#${problem.ruleId.replace(/\./g, '')}` } : undefined,
    source: SOURCE,
    message: problem.message,
    data: problem.fixes ? { fixes: problem.fixes } : undefined,
  };
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
