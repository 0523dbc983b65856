import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';

/**
 * How deep the outline goes: `items` (the header, sections, items and annotations), `fields`
 * (and the fields of the header, the reviewer and each item), `all` (and each guideline cited).
 */
export type OutlineDepth = 'items' | 'fields' | 'all';
export const OUTLINE_DEPTHS: readonly OutlineDepth[] = ['items', 'fields', 'all'];
/** A 21-item letter reads in about 30 rows, each item's decision in sight (fields: about 110; all: 150). */
export const DEFAULT_OUTLINE_DEPTH: OutlineDepth = 'items';

// The kinds symbols.ts gives fields (header fields are properties) and cited guidelines.
const FIELD_KINDS = new Set<SymbolKind>([SymbolKind.Field, SymbolKind.Property]);
const CITATION_KIND = SymbolKind.Package;

/** The outline without the levels `depth` leaves out; the symbols given are not changed. */
export function outlineToDepth(symbols: DocumentSymbol[], depth: OutlineDepth): DocumentSymbol[] {
  if (depth === 'all') return symbols;
  const drop = (s: DocumentSymbol) => s.kind === CITATION_KIND || (depth === 'items' && FIELD_KINDS.has(s.kind));
  const keep = (list: DocumentSymbol[]): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    for (const s of list) {
      if (drop(s)) continue;
      if (!s.children) out.push(s);
      else {
        const children = keep(s.children);
        out.push({
          name: s.name,
          detail: s.detail,
          kind: s.kind,
          range: s.range,
          selectionRange: s.selectionRange,
          children: children.length > 0 ? children : undefined,
        });
      }
    }
    return out;
  };
  return keep(symbols);
}
