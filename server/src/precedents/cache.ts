import type { Catalog } from '../guidelines/catalog';
import { fnv1a } from '../letter/text/fnv1a';
import vocabulary from '../treatments/vocabulary.json';
import type { IndexedLetter, ItemRecord } from './records';

const readerKeys = new WeakMap<Catalog, string>();

/**
 * What the records were read with: the treatment vocabulary and the guideline catalog (a saved
 * index read with others would give other categories and guideline names), as a short hash.
 */
export function readerKey(catalog: Catalog): string {
  let key = readerKeys.get(catalog);
  if (key === undefined) {
    // Over both as JSON: a change in either changes the key.
    key = fnv1a(JSON.stringify(vocabulary) + JSON.stringify(catalog.entries)).toString(16);
    readerKeys.set(catalog, key);
  }
  return key;
}

/**
 * The index as saved between sessions: a table of strings, and per letter its address, stamp,
 * content hash and items as rows of indexes into the table. Versioned, and keyed by what read the
 * letters (readerKey): a file of another version or reader, or one that does not read as this
 * one, is ignored whole (the letters are read again).
 */
// 2: content hashes in full hex (sha256sum's, as the manifests), no longer 22 base64url characters.
const CACHE_VERSION = 2;

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

export function encodeIndex(letters: Iterable<[string, IndexedLetter]>, reader: string): string {
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
  return JSON.stringify({ version: CACHE_VERSION, reader, strings: table, letters: saved });
}

const isIndexList = (v: unknown, n: number): v is number[] =>
  Array.isArray(v) && v.every((i) => Number.isInteger(i) && i >= 0 && i < n);

const isIndex = (v: unknown, n: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;

/**
 * An item's record from its saved row, or undefined when the row does not read as one. Written
 * field by field, not spread from entries: a warm reopen decodes tens of thousands.
 */
function recordFrom(row: unknown, table: readonly string[]): ItemRecord | undefined {
  const k = STRING_FIELDS.length;
  const n = table.length;
  if (!Array.isArray(row) || row.length !== k + 3) return undefined;
  const [claims, maximus, line] = [row[k], row[k + 1], row[k + 2]] as unknown[];
  if (!isIndexList(claims, n) || !isIndexList(maximus, n) || !Number.isInteger(line) || (line as number) < 0)
    return undefined;
  const record = {} as ItemRecord;
  for (let i = 0; i < k; i++) {
    if (!isIndex(row[i], n)) return undefined;
    record[STRING_FIELDS[i]] = table[row[i] as number];
  }
  record.claimsGuidelines = claims.map((i) => table[i]);
  record.maximusGuidelines = maximus.map((i) => table[i]);
  record.line = line as number;
  return record;
}

/** The letters of a saved index, or undefined when the text is not one of this version (damaged, older, or not ours). */
export function decodeIndex(text: string, reader: string): Map<string, IndexedLetter> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const saved = (parsed ?? {}) as { version?: unknown; reader?: unknown; strings?: unknown; letters?: unknown };
  const { strings, letters } = saved;
  if (saved.version !== CACHE_VERSION || saved.reader !== reader) return undefined;
  if (!Array.isArray(strings) || !Array.isArray(letters)) return undefined;
  if (!strings.every((s) => typeof s === 'string')) return undefined;
  const table = strings as string[];
  const result = new Map<string, IndexedLetter>();
  for (const entry of letters as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) return undefined;
    const [uri, stamp, hash, rows] = entry as unknown[];
    if (typeof uri !== 'string' || typeof stamp !== 'string' || typeof hash !== 'string' || !Array.isArray(rows))
      return undefined;
    const items: ItemRecord[] = [];
    for (const row of rows as unknown[]) {
      const record = recordFrom(row, table);
      if (!record) return undefined;
      items.push(record);
    }
    result.set(uri, { stamp, hash, items });
  }
  return result;
}
