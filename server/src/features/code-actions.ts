import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Letter } from '../letter/model';
import { type CheckOptions, checkLetter } from '../rules';
import type { Fix, Problem } from '../rules/rule';
import { SOURCE } from './diagnostics';

export const FIX_ALL_KIND = 'source.fixAll.imr';

/**
 * Code actions for a request: every fix of every diagnostic in it (not only the first), "fix all"
 * for a rule with several fixable findings, and `source.fixAll.imr` (fix on save). `only` is honoured.
 */
export function codeActions(uri: string, letter: Letter, diagnostics: Diagnostic[], options: CheckOptions, only?: string[], lineLength?: (line: number) => number): CodeAction[] {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const ours = diagnostics.filter((d) => d.source === SOURCE);
    for (const d of ours) {
      const fixes = (d.data as { fixes?: Fix[] } | undefined)?.fixes ?? [];
      fixes.forEach((fix, i) => actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0 && fix.safe === true, edit: { changes: { [uri]: fix.edits } } }));
      if (lineLength) {
        // Silencing, written into the letter as an annotation at the end of the line.
        const at = { line: d.range.start.line, character: lineLength(d.range.start.line) };
        actions.push({ title: `Disable ${String(d.code)} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: `{>>imr-disable-line ${String(d.code)}<<}` }] } } });
      }
    }
    // "Fix all" for each rule in the request that has more than one safe fix in the letter.
    const problems = checkLetter(letter, options);
    for (const rule of new Set(ours.map((d) => String(d.code)))) {
      const edits = safeEdits(problems.filter((p) => p.ruleId === rule));
      if (edits.count > 1) actions.push({ title: `Fix all ${rule} problems in this letter`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits.edits } } });
    }
  }
  if (wants(FIX_ALL_KIND) && only) {
    const edits = safeEdits(checkLetter(letter, options));
    if (edits.count > 0) actions.push({ title: 'Fix all safe IMR letter problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits.edits } } });
  }
  return actions;
}

/** The edits of the safe fixes among these problems, each finding's first safe fix, none overlapping. */
export function safeEdits(problems: Problem[]): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  let count = 0;
  for (const p of problems) {
    const fix = p.fixes?.find((f) => f.safe);
    if (!fix || fix.edits.some((e) => edits.some((x) => overlap(x, e)))) continue;
    edits.push(...fix.edits);
    count++;
  }
  return { edits, count };
}

function overlap(a: TextEdit, b: TextEdit): boolean {
  const lt = (p: TextEdit['range']['start'], q: TextEdit['range']['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  const eq = (p: TextEdit['range']['start'], q: TextEdit['range']['start']) => p.line === q.line && p.character === q.character;
  // Two insertions at one point, or ranges that share characters.
  return (eq(a.range.start, b.range.start) && eq(a.range.end, b.range.end)) || (lt(a.range.start, b.range.end) && lt(b.range.start, a.range.end));
}
