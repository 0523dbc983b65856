import type { Item } from '../letter/model';
import type { Finding } from './rule';

/**
 * A document's per-item findings from its last check, for the next check to take back. The
 * parser gives back the last version's item when an edit left its lines alone (field-memo.ts),
 * and a rule's `checkItem` depends on the item, the layout and the context alone, so a kept item
 * keeps its findings and an edit checks only the items it changed. One per open document.
 */
export class FindingMemo {
  private context: string | undefined;
  private last = new Map<Item, Finding[][]>();

  /**
   * Each item's findings so far, by rule (its index in the rule list), to be filled in where
   * missing: the last check's for a kept item (under the same context), none for a new one.
   */
  rows(items: readonly Item[], context: string): Finding[][][] {
    const last = context === this.context ? this.last : undefined;
    const next = new Map<Item, Finding[][]>();
    const rows = items.map((item) => {
      // An item listed twice (never, from the parser) shares its row: the findings are the same.
      const row = next.get(item) ?? last?.get(item) ?? [];
      next.set(item, row);
      return row;
    });
    this.context = context;
    this.last = next;
    return rows;
  }
}
