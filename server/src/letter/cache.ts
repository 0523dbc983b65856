import { type Catalog, DEFAULT_CATALOG } from '../guidelines/catalog';
import { FieldMemo } from './field-memo';
import type { Letter } from './model';
import { parseLetter } from './parse';

/**
 * Models of the documents used most recently. A model is several times its text's size, and
 * re-reading a typical letter takes about a millisecond, so a thousand open letters keep only
 * the recent ones in memory.
 */
const MAX_MODELS = 64;

/** One model per document version: every feature reads the same parse, and an edit re-reads only the fields and item lines it changed. */
export class LetterCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  private readonly entries = new Map<string, { version: number; letter: Letter; memo: FieldMemo }>();

  constructor(readonly catalog: Catalog = DEFAULT_CATALOG) {}

  get(uri: string, version: number, text: () => string): Letter {
    const hit = this.entries.get(uri);
    this.entries.delete(uri);
    let entry = hit;
    if (!entry || entry.version !== version) {
      const memo = hit?.memo ?? new FieldMemo();
      entry = { version, letter: parseLetter(text(), this.catalog, memo), memo };
    }
    this.entries.set(uri, entry);
    if (this.entries.size > MAX_MODELS) this.entries.delete(this.entries.keys().next().value!);
    return entry.letter;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
