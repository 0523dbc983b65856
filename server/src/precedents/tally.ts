/**
 * Counting decisions: how many items were upheld and overturned, and the overturn rate with its
 * 95 % interval. The stats report, the workspace index's hover, the code lens and the Precedents
 * view all count through here, so they cannot disagree.
 */

export interface Tally {
  /** Every item counted, including those whose decision could not be read. */
  items: number;
  upheld: number;
  overturned: number;
}

export interface Rate {
  /** Overturned among the decided items (upheld + overturned), 0..1. */
  rate: number;
  /** Wilson score interval at 95 %, 0..1: honest for small counts and rates near 0 or 1. */
  low: number;
  high: number;
}

export function emptyTally(): Tally {
  return { items: 0, upheld: 0, overturned: 0 };
}

/** Adds one item, given its decision as the item table writes it ('Upheld', 'Overturned' or other text). */
export function countDecision(tally: Tally, decision: string): void {
  tally.items++;
  const word = decision.trim().toLowerCase();
  if (word === 'upheld') tally.upheld++;
  else if (word === 'overturned') tally.overturned++;
}

export function tallyDecisions(decisions: Iterable<string>): Tally {
  const tally = emptyTally();
  for (const decision of decisions) countDecision(tally, decision);
  return tally;
}

/**
 * Counts rows per group; a row may fall in several groups (a rationale citing two guidelines) or
 * in none (an empty key). Groups come back in order of size, largest first, then by name.
 */
export function tallyBy<T>(
  rows: Iterable<T>,
  keys: (row: T) => readonly string[],
  decision: (row: T) => string,
): [string, Tally][] {
  const groups = new GroupTally();
  for (const row of rows) groups.add(keys(row), decision(row));
  return groups.sorted();
}

/** Counts per group, added an item at a time (imr-lint stats counts a corpus this way, a letter at a time). */
export class GroupTally {
  private readonly groups = new Map<string, Tally>();

  /** One item with its decision, in each of its distinct, non-empty keys. */
  add(keys: readonly string[], decision: string): void {
    for (const key of new Set(keys)) {
      if (!key) continue;
      let tally = this.groups.get(key);
      if (!tally) this.groups.set(key, (tally = emptyTally()));
      countDecision(tally, decision);
    }
  }

  /** The groups, largest first, then by name. */
  sorted(): [string, Tally][] {
    return [...this.groups].sort(([a, x], [b, y]) => y.items - x.items || (a < b ? -1 : a > b ? 1 : 0));
  }
}

const Z95 = 1.959963984540054;

/** The overturn rate among decided items, or undefined when none was decided. */
export function overturnRate(tally: Tally): Rate | undefined {
  const n = tally.upheld + tally.overturned;
  if (n === 0) return undefined;
  const p = tally.overturned / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** "16 %" style, rounded to a whole percent. */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}
