import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Letter } from '../letter/model';
import { type CheckOptions, checkLetter } from '../rules';
import type { FindingMemo } from '../rules/finding-memo';
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

export function toDiagnostic(problem: Problem, rulesDoc?: string): Diagnostic {
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
