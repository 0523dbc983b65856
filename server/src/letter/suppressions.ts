import type { Suppression } from './model';
import { skipSpaces } from './text/spaces';
import type { LetterText } from './text/letter-text';

// {>>imr-disable-next-line item.missing-field, header.bad-date<<}: written as annotations, so no one can take them for letter text.
// The directive's word, then its rule ids: read from the text after `{>>imr-` (sticky), at most
// 400 characters up to `<<}`, so text full of unclosed `{>>imr-` costs linear time.
const KIND = /(disable-next-line|disable-line|disable-file|disable|enable)\b/y;
const MAX_RULES = 400;

/** The inline directives that silence rules for a line, a stretch of lines, or the whole letter. */
export function findSuppressions(text: LetterText): Suppression[] {
  const out: Suppression[] = [];
  // Every directive opens with `{>>`: a brace is rare, so the search for it skips through a long
  // letter, where searching for `imr-` stops at every i (docs/PERFORMANCE.md).
  const source = text.source;
  for (let open = source.indexOf('{>>'); open >= 0; open = source.indexOf('{>>', open + 3)) {
    const name = skipSpaces(source, open + 3);
    if (!source.startsWith('imr-', name)) continue;
    KIND.lastIndex = name + 4;
    const kind = KIND.exec(source);
    if (!kind) continue;
    const from = KIND.lastIndex;
    const close = source.indexOf('<<}', from);
    if (close < 0 || close - from > MAX_RULES || source.slice(from, close).includes('<')) continue;
    const rules = source
      .slice(from, close)
      .split(/[\s,]+/)
      .filter(Boolean);
    out.push({
      kind: kind[1] as Suppression['kind'],
      rules,
      range: { start: text.positionAt(open), end: text.positionAt(close + 3) },
    });
    open = close; // the next directive starts after this one's end
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
