import type { IndexedLetter, ItemRecord } from './records';

/**
 * The index as saved between sessions: a table of strings, and per letter its address, stamp,
 * content hash and items as rows of indexes into the table. Versioned: a file of another version,
 * or one that does not read as this one, is ignored whole (the letters are read again).
 */
const CACHE_VERSION = 1;

const STRING_FIELDS = [
  'item',
  'category',
  'subcategory',
  'region',
  'drug',
  'decision',
  'specialty',
  'caseNumber',
  'decisionDate',
  'dateOfInjury',
  'urDenialDate',
] as const;

type Row = [...number[], number[], number[], number];

export function encodeIndex(letters: Iterable<[string, IndexedLetter]>): string {
  const table: string[] = [];
  const ids = new Map<string, number>();
  const id = (text: string) => {
    let n = ids.get(text);
    if (n === undefined) ids.set(text, (n = table.push(text) - 1));
    return n;
  };
  const saved: [string, string, string, Row[]][] = [];
  for (const [uri, letter] of letters)
    saved.push([
      uri,
      letter.stamp,
      letter.hash,
      letter.items.map(
        (r) =>
          [
            ...STRING_FIELDS.map((f) => id(r[f])),
            r.claimsGuidelines.map(id),
            r.maximusGuidelines.map(id),
            r.line,
          ] as Row,
      ),
    ]);
  return JSON.stringify({ version: CACHE_VERSION, strings: table, letters: saved });
}

const isIndexList = (v: unknown, n: number): v is number[] =>
  Array.isArray(v) && v.every((i) => Number.isInteger(i) && i >= 0 && i < n);

/** The letters of a saved index, or undefined when the text is not one of this version (damaged, older, or not ours). */
export function decodeIndex(text: string): Map<string, IndexedLetter> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { version, strings, letters } = (parsed ?? {}) as { version?: unknown; strings?: unknown; letters?: unknown };
  if (version !== CACHE_VERSION || !Array.isArray(strings) || !Array.isArray(letters)) return undefined;
  if (!strings.every((s) => typeof s === 'string')) return undefined;
  const table = strings as string[];
  const n = table.length;
  const result = new Map<string, IndexedLetter>();
  for (const entry of letters as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) return undefined;
    const [uri, stamp, hash, rows] = entry as unknown[];
    if (typeof uri !== 'string' || typeof stamp !== 'string' || typeof hash !== 'string' || !Array.isArray(rows))
      return undefined;
    const items: ItemRecord[] = [];
    for (const row of rows as unknown[]) {
      const k = STRING_FIELDS.length;
      if (!Array.isArray(row) || row.length !== k + 3) return undefined;
      const [claims, maximus, line] = row.slice(k) as unknown[];
      if (!isIndexList(row.slice(0, k), n) || !isIndexList(claims, n) || !isIndexList(maximus, n)) return undefined;
      if (!Number.isInteger(line) || (line as number) < 0) return undefined;
      const record = Object.fromEntries(STRING_FIELDS.map((f, i) => [f, table[row[i] as number]])) as Record<
        (typeof STRING_FIELDS)[number],
        string
      >;
      items.push({
        ...record,
        claimsGuidelines: claims.map((i) => table[i]),
        maximusGuidelines: maximus.map((i) => table[i]),
        line: line as number,
      });
    }
    result.set(uri, { stamp, hash, items });
  }
  return result;
}
