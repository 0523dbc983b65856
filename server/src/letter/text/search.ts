/**
 * Binary search over an array sorted by `key`: the index of the last element whose key is at or
 * before `target` (0 when none is, -1 when the array is empty).
 */
export function lastAtOrBefore<T>(sorted: ArrayLike<T>, key: (element: T) => number, target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (key(sorted[mid]) <= target) lo = mid;
    else hi = mid - 1;
  }
  return hi < 0 ? -1 : lo;
}
