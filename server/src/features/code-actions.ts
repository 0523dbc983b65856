import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { before } from '../letter/text/lines';
import type { Letter } from '../letter/model';
import { type CheckOptions, checkLetter } from '../rules';
import type { FindingMemo } from '../incremental/finding-memo';
import type { Problem } from '../rules/rule';
import { SOURCE } from './diagnostics';

export const FIX_ALL_KIND = 'source.fixAll.imr';

/** The document a request is about: its version when the client accepts versioned edits. */
export interface ActionTarget {
  uri: string;
  /** Edits carry it, so an editor refuses them once the text has changed instead of misplacing them. */
  version?: number;
  lineLength?: (line: number) => number;
}

/**
 * Code actions for a request: every fix of every diagnostic in it (not only the first), "fix all"
 * for a rule with several fixable findings, and `source.fixAll.imr` (fix on save). `only` is
 * honoured. Fixes are taken from the letter as it is now, never from the diagnostic's data: a
 * diagnostic from an older version that no longer matches a finding gets no fix. `memo` is the
 * document's (see checkLetter).
 */
export function codeActions(
  target: ActionTarget,
  letter: Letter,
  diagnostics: Diagnostic[],
  options: CheckOptions,
  only?: string[],
  memo?: FindingMemo,
): CodeAction[] {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  const problems = checkLetter(letter, options, memo);
  const edit = (edits: TextEdit[]) => versionedEdit(target, edits);
  if (wants(CodeActionKind.QuickFix)) {
    const ours = diagnostics.filter((d) => d.source === SOURCE);
    for (const d of ours) {
      const current = problems.find(
        (p) => p.ruleId === d.code && p.message === d.message && sameRange(p.range, d.range),
      );
      if (!current) continue; // stale: the text changed since it was reported
      (current.fixes?.() ?? []).forEach((fix, i) =>
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: i === 0 && fix.safe === true,
          edit: edit(fix.edits),
        }),
      );
      if (target.lineLength) {
        // Silencing, written into the letter as an annotation at the end of the line.
        const at = { line: d.range.start.line, character: target.lineLength(d.range.start.line) };
        actions.push({
          title: `Disable ${String(d.code)} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: edit([{ range: { start: at, end: at }, newText: `{>>imr-disable-line ${String(d.code)}<<}` }]),
        });
      }
    }
    // "Fix all" for each rule in the request that has more than one safe fix in the letter.
    for (const rule of new Set(ours.map((d) => String(d.code)))) {
      const edits = safeEdits(problems.filter((p) => p.ruleId === rule));
      if (edits.count > 1)
        actions.push({
          title: `Fix all ${rule} problems in this letter`,
          kind: CodeActionKind.QuickFix,
          edit: edit(edits.edits),
        });
    }
  }
  if (wants(FIX_ALL_KIND) && only) {
    const edits = safeEdits(problems);
    if (edits.count > 0)
      actions.push({ title: 'Fix all safe IMR letter problems', kind: FIX_ALL_KIND, edit: edit(edits.edits) });
  }
  return actions;
}

/** Edits for one document, tied to its version when one is known. */
export function versionedEdit(target: { uri: string; version?: number }, edits: TextEdit[]): WorkspaceEdit {
  return target.version === undefined
    ? { changes: { [target.uri]: edits } }
    : { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/**
 * The edits of the safe fixes among these problems, each finding's first safe fix, none
 * overlapping (an earlier finding's fix wins). The edits taken are kept sorted, so each new one is
 * checked against its neighbours only: fixes come in the letter's order, so that is mostly an
 * append, and forty thousand fixes cost no more than a sort.
 */
export function safeEdits(problems: Problem[]): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  const taken: TextEdit[] = []; // in order (precedes); no two overlap
  let count = 0;
  for (const p of problems) {
    const fix = p.fixes?.().find((f) => f.safe);
    if (!fix || fix.edits.some((e) => overlapsTaken(taken, e))) continue;
    for (const e of fix.edits) taken.splice(insertionPoint(taken, e), 0, e);
    edits.push(...fix.edits);
    count++;
  }
  return { edits, count };
}

/** Edits in order of start, then end: for edits that do not overlap, their ends are then in order too. */
function precedes(a: TextEdit, b: TextEdit): boolean {
  return (
    before(a.range.start, b.range.start) || (!before(b.range.start, a.range.start) && before(a.range.end, b.range.end))
  );
}

/** The index of the first edit taken that comes after `e` (binary search, the end tried first). */
function insertionPoint(taken: readonly TextEdit[], e: TextEdit): number {
  const n = taken.length;
  if (n === 0 || !precedes(e, taken[n - 1])) return n;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (precedes(e, taken[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether `e` overlaps an edit taken: only those next to where it would go can, as none of them overlap. */
function overlapsTaken(taken: readonly TextEdit[], e: TextEdit): boolean {
  const at = insertionPoint(taken, e);
  for (let i = at - 1; i >= 0 && !before(taken[i].range.end, e.range.start); i--) if (overlap(taken[i], e)) return true;
  for (let i = at; i < taken.length && !before(e.range.end, taken[i].range.start); i++)
    if (overlap(taken[i], e)) return true;
  return false;
}

function overlap(a: TextEdit, b: TextEdit): boolean {
  const eq = (p: TextEdit['range']['start'], q: TextEdit['range']['start']) =>
    p.line === q.line && p.character === q.character;
  // Two insertions at one point, or ranges that share characters.
  return (
    (eq(a.range.start, b.range.start) && eq(a.range.end, b.range.end)) ||
    (before(a.range.start, b.range.end) && before(b.range.start, a.range.end))
  );
}
