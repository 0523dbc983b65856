import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver-types';
import type { Fix } from '../rules/rule';
import { SOURCE } from './diagnostics';

/** Quick fixes for the diagnostics in the request (all of them, not only the first) that carry a fix. */
export function codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(kind + '.'))) return [];
  return diagnostics.flatMap((diagnostic) => {
    const fix = diagnostic.source === SOURCE ? (diagnostic.data as { fix?: Fix } | undefined)?.fix : undefined;
    if (!fix) return [];
    return [{ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uri]: fix.edits } } }];
  });
}
