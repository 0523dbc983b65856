import type { ItemMoves } from './field-memo';
import type { Item } from '../letter/model';
import { movedRange } from './moved-lines';
import type { Finding, Fix } from '../rules/rule';

/**
 * A document's per-item findings from its last check, for the next check to take back. The
 * parser gives back the last version's item when an edit left its lines alone (field-memo.ts),
 * and a rule's `checkItem` depends on the item, the layout and the context alone, so a kept item
 * keeps its findings and an edit checks only the items it changed. An item that a line break
 * above moved whole (`moves`, the document's field memo) gets its findings moved with it. One per
 * open document.
 */
export class FindingMemo {
  private context: string | undefined;
  private last = new Map<Item, Finding[][]>();

  constructor(private readonly moves?: ItemMoves) {}

  /**
   * Each item's findings so far, by rule (its index in the rule list), to be filled in where
   * missing: the last check's for a kept item (under the same context), moved for a moved one,
   * none for a new one. A new row has a slot per rule from the start: filled out of order, an
   * array grown one index at a time falls back to a slow, large dictionary.
   */
  rows(items: readonly Item[], context: string, rules: number): Finding[][][] {
    const last = context === this.context ? this.last : undefined;
    const next = new Map<Item, Finding[][]>();
    const rows = items.map((item) => {
      // An item listed twice (never, from the parser) shares its row: the findings are the same.
      const row =
        next.get(item) ?? last?.get(item) ?? (last && this.movedRow(item, last)) ?? new Array<Finding[]>(rules);
      next.set(item, row);
      return row;
    });
    this.context = context;
    this.last = next;
    return rows;
  }

  private movedRow(item: Item, last: Map<Item, Finding[][]>): Finding[][] | undefined {
    const move = this.moves?.movedItem(item);
    const row = move && last.get(move.from);
    // map keeps the row's holes: the rules not run last time (switched off) are run now. Most
    // rules find nothing in an item, and their empty lists are shared, not copied: a line break
    // near the top of a long letter moves tens of thousands of them.
    return (
      row &&
      row.map((findings) => (findings.length === 0 ? findings : findings.map((f) => movedFinding(f, move.lines))))
    );
  }
}

/** A finding `lines` lines further down: its range and its fixes' edits moved, the rest as it is. */
function movedFinding(f: Finding, lines: number): Finding {
  return f.fixes
    ? { range: movedRange(f.range, lines), message: f.message, fixes: movedFixes(f.fixes, lines) }
    : { range: movedRange(f.range, lines), message: f.message };
}

type Fixes = () => Fix[];

/** Each moved fixes function: the rule's own, and how far the item has moved since the rule made it. */
const origins = new WeakMap<Fixes, { fixes: Fixes; lines: number }>();

/**
 * A finding's fixes moved: the rule's own fixes, moved by every move since. Not the last move's
 * fixes moved again, which would nest one function deeper with each line break typed above.
 */
function movedFixes(fixes: Fixes, lines: number): Fixes {
  const origin = origins.get(fixes) ?? { fixes, lines: 0 };
  const total = origin.lines + lines;
  const moved = () => origin.fixes().map((x) => movedFix(x, total));
  origins.set(moved, { fixes: origin.fixes, lines: total });
  return moved;
}

function movedFix(fix: Fix, lines: number): Fix {
  const moved: Fix = {
    title: fix.title,
    edits: fix.edits.map((e) => ({ range: movedRange(e.range, lines), newText: e.newText })),
  };
  if (fix.safe !== undefined) moved.safe = fix.safe;
  return moved;
}
