import type { FoldingRange } from 'vscode-languageserver-types';
import type { Letter } from '../letter/model';

/** Folds the header, each section, each item and each field that spans lines. */
export function foldingRanges(letter: Letter): FoldingRange[] {
  const ranges = [
    letter.header?.range,
    ...letter.sections.map((s) => s.range),
    ...letter.reviewer.fields.map((f) => f.range),
    ...letter.items.flatMap((i) => [i.range, ...i.fields.map((f) => f.range)]),
  ];
  return ranges
    .filter((r) => r !== undefined && r.end.line > r.start.line)
    .map((r) => ({ startLine: r!.start.line, endLine: r!.end.line }))
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
