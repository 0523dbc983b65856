import { fnv1a } from '../service';

/** One of N shares of a run's files: `--shard I/N`, I counted from 1 (1/4 to 4/4), as GNU parallel's {#} and most people count. */
export interface Shard {
  index: number;
  count: number;
}

/** A shard from "I/N", or a message saying what is wrong with it. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 1_000_000 || index < 1 || index > count)
    return `--shard takes I/N with 1 <= I <= N, counted from 1 (1/4, 2/4, 3/4, 4/4), not "${text}"`;
  return { index, count };
}

/**
 * Whether a file belongs to a shard, by a hash of its key (its path relative to the folder given):
 * a file's shard depends on its own name only, so letters added to the corpus move no other letter,
 * and the N shards are disjoint and together hold every file.
 */
export function inShard(key: string, shard: Shard): boolean {
  return (fnv1a(Buffer.from(key, 'utf8')) % shard.count) + 1 === shard.index;
}
