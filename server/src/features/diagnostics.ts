import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Letter } from '../letter/model';
import { type CheckOptions, checkLetter } from '../rules';
import type { Problem, Severity } from '../rules/rule';

export const SOURCE = 'imr';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The letter's problems as LSP diagnostics: the rule id is the code, and the fixes travel in `data`. */
export function diagnostics(letter: Letter, options: CheckOptions): Diagnostic[] {
  return checkLetter(letter, options).map(toDiagnostic);
}

export function toDiagnostic(problem: Problem): Diagnostic {
  return {
    range: problem.range,
    severity: SEVERITY[problem.severity],
    code: problem.ruleId,
    source: SOURCE,
    message: problem.message,
    data: problem.fixes ? { fixes: problem.fixes } : undefined,
  };
}
