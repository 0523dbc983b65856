import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { Item } from '../letter/model';
import type { ItemMoves } from './field-memo';
import { movedRange } from './moved-lines';

/**
 * A document's item symbols from its last outline, for the next outline to take back: an item's
 * symbol depends on the item alone (and the annotations placed in it), and the parser gives back
 * the items an edit did not touch (field-memo.ts), so an edit outlines only the items it changed.
 * An item that a line break above moved whole (`moves`, the document's field memo) gets its
 * symbol moved with it. One per open document.
 */
export class OutlineMemo {
  private last = new Map<Item, DocumentSymbol>();
  private next = new Map<Item, DocumentSymbol>();

  constructor(private readonly moves?: ItemMoves) {}

  /** The item's symbol, made by `make` unless the last outline had it; an item with annotations is always made. */
  item(item: Item, annotations: readonly DocumentSymbol[], make: () => DocumentSymbol): DocumentSymbol {
    if (annotations.length > 0) return make();
    const symbol = this.last.get(item) ?? this.moved(item) ?? make();
    this.next.set(item, symbol);
    return symbol;
  }

  /** The outline is made: its symbols replace the last outline's. */
  end(): void {
    this.last = this.next;
    this.next = new Map();
  }

  private moved(item: Item): DocumentSymbol | undefined {
    const move = this.moves?.movedItem(item);
    const symbol = move && this.last.get(move.from);
    return symbol && movedSymbol(symbol, move.lines);
  }
}

/** A symbol and its children `lines` lines further down, keys in the order `symbol` gives them. */
function movedSymbol(s: DocumentSymbol, lines: number): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: s.kind,
    range: movedRange(s.range, lines),
    selectionRange: movedRange(s.selectionRange, lines),
    children: s.children && s.children.map((c) => movedSymbol(c, lines)),
  };
}
