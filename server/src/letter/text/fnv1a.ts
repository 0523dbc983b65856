/**
 * FNV-1a, 32 bits: small, fast, and the same on every machine. Over bytes (a shard's path as
 * UTF-8), or over a string's UTF-16 code units (a key that only has to change when its text does).
 */
export function fnv1a(data: Uint8Array | string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < data.length; i++)
    hash = Math.imul(hash ^ (typeof data === 'string' ? data.charCodeAt(i) : data[i]), 0x01000193);
  return hash >>> 0;
}
