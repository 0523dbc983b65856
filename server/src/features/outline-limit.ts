import type { DocumentSymbol } from 'vscode-languageserver-types';

export interface LimitedOutline {
  symbols: DocumentSymbol[];
  /** Symbols in the whole outline, and in the one returned. */
  total: number;
  shown: number;
}

/**
 * The outline cut to at most `max` symbols by dropping whole levels, deepest first: a letter of a
 * thousand items keeps its sections and items and loses their fields and citations, never some
 * items' fields and not others'. Editors cap outlines for the same reason (VS Code's JSON outline
 * stops at 5,000): a 1 MB letter's 9,000 symbols are 2.6 MB of JSON on every request.
 */
export function limitOutline(symbols: DocumentSymbol[], max: number): LimitedOutline {
  const perLevel: number[] = [];
  let level: DocumentSymbol[] = symbols;
  while (level.length > 0) {
    perLevel.push(level.length);
    const next: DocumentSymbol[] = [];
    for (const s of level) if (s.children) for (const c of s.children) next.push(c);
    level = next;
  }
  const total = perLevel.reduce((a, b) => a + b, 0);
  if (max <= 0 || total <= max) return { symbols, total, shown: total };
  let depth = 0;
  let shown = 0;
  while (depth < perLevel.length && shown + perLevel[depth] <= max) shown += perLevel[depth++];
  if (depth === 0)
    return { symbols: symbols.slice(0, max).map((s) => cut(s, 1)), total, shown: Math.min(max, symbols.length) };
  return { symbols: symbols.map((s) => cut(s, depth)), total, shown };
}

/** A copy of the symbol keeping `depth` levels (itself being the first); the original is not changed. */
function cut(symbol: DocumentSymbol, depth: number): DocumentSymbol {
  if (!symbol.children) return symbol;
  const children = depth > 1 ? symbol.children.map((c) => cut(c, depth - 1)) : undefined;
  // Written out, not spread (a cut outline copies every item of a long letter); these are all the
  // keys the outline's symbols have (symbols.ts).
  const { name, detail, kind, range, selectionRange } = symbol;
  return { name, detail, kind, range, selectionRange, children };
}
