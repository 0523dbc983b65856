import type { Suppression } from './model';
import type { LetterText } from './text/letter-text';

// {>>imr-disable-next-line item.missing-field, header.bad-date<<}: written as annotations, so no one can take them for letter text.
// Bounded, so text full of unclosed `{>>imr-` costs linear time.
const DIRECTIVE = /\{>>\s*imr-(disable-next-line|disable-line|disable-file|disable|enable)\b([^<]{0,400}?)\s*<<\}/g;

/** The inline directives that silence rules for a line, a stretch of lines, or the whole letter. */
export function findSuppressions(text: LetterText): Suppression[] {
  const out: Suppression[] = [];
  // Every directive opens with `{>>`: a brace is rare, so the search for it skips through a long
  // letter, where searching for `imr-` stops at every i (docs/PERFORMANCE.md).
  if (!text.source.includes('{>>')) return out;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text.source); m; m = DIRECTIVE.exec(text.source)) {
    const start = text.positionAt(m.index);
    const end = text.positionAt(m.index + m[0].length);
    const rules = m[2].split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[1] as Suppression['kind'], rules, range: { start, end } });
  }
  return out;
}

/** Whether a finding of `ruleId` starting on `line` is silenced. */
export function isSuppressed(suppressions: readonly Suppression[], ruleId: string, line: number): boolean {
  const names = (s: Suppression) => s.rules.length === 0 || s.rules.includes(ruleId);
  let disabled = false;
  for (const s of suppressions) {
    if (!names(s)) continue;
    if (s.kind === 'disable-file') return true;
    if (s.kind === 'disable-line' && s.range.start.line === line) return true;
    if (s.kind === 'disable-next-line' && s.range.end.line + 1 === line) return true;
    if (s.range.start.line <= line) {
      if (s.kind === 'disable') disabled = true;
      if (s.kind === 'enable') disabled = false;
    }
  }
  return disabled;
}
