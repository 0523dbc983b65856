import type {
  CodeAction,
  Diagnostic,
  Position,
  Range,
  SnippetTextEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { AnnotationKind } from '../vocabulary/annotation-kinds';
import { before } from '../letter/text/lines';
import type { Annotation, Letter } from '../letter/model';
import { SOURCE } from './diagnostics';
import { versionedEdit } from './code-actions';

export const ANNOTATE_KIND = 'refactor.annotate';

export interface AnnotationContext {
  uri: string;
  version: number;
  /** The document's text and the mapping between its offsets and positions. */
  text: string;
  offsetAt: (position: Position) => number;
  kinds: readonly AnnotationKind[];
  /** The client applies snippet edits (LSP 3.18), so the cursor can land inside a new comment. */
  snippets: boolean;
  /** The client takes versioned edits (`documentChanges`): edits are then refused once the text has changed. */
  versioned?: boolean;
}

/**
 * Actions on annotations: annotate the selection as each kind (a highlight and a comment, the
 * cursor in the comment), annotate a finding (a comment quoting it), and on an annotation under
 * the cursor resolve it, or accept or reject a proposed edit.
 */
export function annotationActions(
  letter: Letter,
  range: Range,
  diagnostics: Diagnostic[],
  ctx: AnnotationContext,
  wants: (kind: string) => boolean,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const under = letter.annotations.filter(
    (a) => a.closed && !before(range.end, a.range.start) && !before(a.range.end, range.start),
  );
  if (wants(ANNOTATE_KIND) && under.length === 0 && before(range.start, range.end)) {
    const selected = ctx.text.slice(offset(ctx, range.start), offset(ctx, range.end));
    for (const kind of ctx.kinds) {
      const edit = ctx.snippets
        ? snippetEdit(ctx, range, `{==${escapeSnippet(selected)}==}{>>${kind.id}: $0<<}`)
        : plainEdit(ctx, [{ range, newText: `{==${selected}==}{>>${kind.id}: <<}` }]);
      actions.push({ title: `Annotate selection: ${kind.id}`, kind: ANNOTATE_KIND, edit });
    }
  }
  if (wants('quickfix')) {
    for (const d of diagnostics.filter((x) => x.source === SOURCE)) {
      const end = outside(letter, ctx, lineEnd(ctx, d.range.start.line));
      const quote = `${String(d.code)}: ${typeof d.message === 'string' ? d.message : d.message.value}`
        .replace(/<<\}/g, '<< }')
        .replace(/\s+/g, ' ');
      actions.push({
        title: 'Annotate this finding',
        kind: 'quickfix',
        diagnostics: [d],
        edit: plainEdit(ctx, [{ range: { start: end, end }, newText: `{>>note: ${quote}<<}` }]),
      });
    }
    for (const a of under) actions.push(...resolutions(a, ctx));
  }
  return actions;
}

/** Resolve a comment or highlight (keeping the highlighted text); accept or reject a proposed edit. */
function resolutions(a: Annotation, ctx: AnnotationContext): CodeAction[] {
  const o = a.offsets;
  const inner = ctx.text.slice(o.innerStart, o.innerEnd);
  const replace = (title: string, newText: string): CodeAction => ({
    title,
    kind: 'quickfix',
    edit: plainEdit(ctx, [{ range: a.range, newText }]),
  });
  switch (a.form) {
    case 'comment':
      return [replace('Resolve annotation (remove it)', '')];
    case 'highlight':
      return [replace('Resolve annotation (keep the highlighted text)', inner)];
    case 'addition':
      return [replace('Accept the addition', inner), replace('Reject the addition', '')];
    case 'deletion':
      return [replace('Accept the deletion', ''), replace('Reject the deletion', inner)];
    case 'substitution':
      if (o.arrow < 0) return [];
      return [
        replace('Accept the replacement', ctx.text.slice(o.arrow + 2, o.innerEnd)),
        replace('Reject the replacement', ctx.text.slice(o.innerStart, o.arrow)),
      ];
  }
}

function plainEdit(ctx: AnnotationContext, edits: TextEdit[]): WorkspaceEdit {
  return versionedEdit({ uri: ctx.uri, version: ctx.versioned ? ctx.version : undefined }, edits);
}

function snippetEdit(ctx: AnnotationContext, range: Range, snippet: string): WorkspaceEdit {
  const edit: SnippetTextEdit = { range, snippet: { kind: 'snippet', value: snippet } };
  return { documentChanges: [{ textDocument: { uri: ctx.uri, version: ctx.version }, edits: [edit] }] };
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function offset(ctx: AnnotationContext, p: Position): number {
  return ctx.offsetAt(p);
}

/**
 * Where a new comment may go at `p`: there, or after the annotation that `p` falls inside (a
 * comment written inside a highlight would nest, and a clean copy would keep its markup).
 */
function outside(letter: Letter, ctx: AnnotationContext, p: Position): Position {
  const at = ctx.offsetAt(p);
  const around = letter.annotations.find((a) => a.closed && a.offsets.start < at && at < a.offsets.end);
  return around ? around.range.end : p;
}

/** The end of a line's text, before its line break. */
function lineEnd(ctx: AnnotationContext, line: number): Position {
  const text = ctx.text.slice(ctx.offsetAt({ line, character: 0 }), ctx.offsetAt({ line: line + 1, character: 0 }));
  return { line, character: text.replace(/\r?\n$|\r$/, '').length };
}
