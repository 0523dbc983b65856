import { type Catalog, DEFAULT_CATALOG } from '../guidelines/catalog';
import type { Letter } from './model';
import { parseLetter } from './parse';

/** One model per document version: every feature reads the same parse. */
export class LetterCache {
  private readonly entries = new Map<string, { version: number; letter: Letter }>();

  constructor(readonly catalog: Catalog = DEFAULT_CATALOG) {}

  get(uri: string, version: number, text: () => string): Letter {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit.letter;
    const letter = parseLetter(text(), this.catalog);
    this.entries.set(uri, { version, letter });
    return letter;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
