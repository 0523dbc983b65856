import { type CompletionItem, CompletionItemKind, InsertTextFormat, type Position } from 'vscode-languageserver-types';
import type { AnnotationKind } from '../vocabulary/annotation-kinds';

const FORMS: [string, string, string][] = [
  ['{== highlight ==}{>> comment <<}', '{==${1:text}==}{>>${2:note}: $0<<}', 'Highlight text and comment on it'],
  ['{>> comment <<}', '{>>${1:note}: $0<<}', 'A comment'],
  ['{++ addition ++}', '{++$0++}', 'Propose adding text'],
  ['{-- deletion --}', '{--$0--}', 'Propose deleting text'],
  ['{~~ old ~> new ~~}', '{~~${1:old}~>${0:new}~~}', 'Propose replacing text'],
];

/** Kinds right after `{>>`, and the annotation forms as snippets after a `{`. */
export function annotationCompletions(
  position: Position,
  linePrefix: string,
  kinds: readonly AnnotationKind[],
): CompletionItem[] {
  const kind = /\{>>\s*([a-z-]*)$/i.exec(linePrefix);
  if (kind) {
    const start = { line: position.line, character: position.character - kind[1].length };
    return kinds.map((k, i) => ({
      label: k.id,
      kind: CompletionItemKind.EnumMember,
      detail: k.ground ? `Labor Code ${k.ground.split(':')[0]}` : k.description,
      documentation: k.ground ?? k.description,
      sortText: String(i).padStart(3, '0'),
      textEdit: { range: { start, end: position }, newText: `${k.id}: ` },
    }));
  }
  const brace = /\{[>=+~-]{0,2}$/.exec(linePrefix);
  if (!brace) return [];
  const start = { line: position.line, character: position.character - brace[0].length };
  return FORMS.map(([label, snippet, detail], i) => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    sortText: String(i).padStart(3, '0'),
    filterText: brace[0],
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: { start, end: position }, newText: snippet },
  }));
}
