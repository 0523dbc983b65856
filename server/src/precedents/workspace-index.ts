import type { IndexedLetter, ItemRecord } from './records';
import { type Request, isSimilar } from './similar';

/** An indexed item and the letter it is in. */
export interface Precedent {
  uri: string;
  record: ItemRecord;
}

/**
 * Every letter of the workspace by address, as compact records. The strings a thousand letters
 * share (categories, regions, drugs, decisions, guideline names, specialties) are interned: kept once.
 */
export class WorkspaceIndex {
  private readonly letters = new Map<string, IndexedLetter>();
  private readonly strings = new Map<string, string>();

  get size(): number {
    return this.letters.size;
  }

  get(uri: string): IndexedLetter | undefined {
    return this.letters.get(uri);
  }

  set(uri: string, letter: IndexedLetter): void {
    this.letters.set(uri, { stamp: letter.stamp, hash: letter.hash, items: letter.items.map((r) => this.intern(r)) });
  }

  delete(uri: string): boolean {
    return this.letters.delete(uri);
  }

  /** Letters no longer in `uris` are forgotten (deleted while the server was not watching). */
  keepOnly(uris: ReadonlySet<string>): void {
    for (const uri of [...this.letters.keys()]) if (!uris.has(uri)) this.letters.delete(uri);
  }

  entries(): IterableIterator<[string, IndexedLetter]> {
    return this.letters.entries();
  }

  /** The items of other letters that ask for what `target` asks (the letter `exclude` left out: no letter is its own precedent). */
  similar(target: Request, exclude: string): Precedent[] {
    const found: Precedent[] = [];
    if (target.category === 'other') return found;
    for (const [uri, letter] of this.letters) {
      if (uri === exclude) continue;
      for (const record of letter.items) if (isSimilar(target, record)) found.push({ uri, record });
    }
    return found;
  }

  /** Every indexed item of other letters (the view's category filter widens past similarity). */
  *all(exclude: string): IterableIterator<Precedent> {
    for (const [uri, letter] of this.letters) {
      if (uri === exclude) continue;
      for (const record of letter.items) yield { uri, record };
    }
  }

  private intern(record: ItemRecord): ItemRecord {
    const s = (text: string) => {
      const kept = this.strings.get(text);
      if (kept !== undefined) return kept;
      this.strings.set(text, text);
      return text;
    };
    return {
      category: s(record.category),
      subcategory: s(record.subcategory),
      region: s(record.region),
      drug: s(record.drug),
      decision: s(record.decision),
      claimsGuidelines: record.claimsGuidelines.map(s),
      maximusGuidelines: record.maximusGuidelines.map(s),
      specialty: s(record.specialty),
      // Each letter's own: interned, they would only fill the table.
      item: record.item,
      caseNumber: record.caseNumber,
      decisionDate: record.decisionDate,
      dateOfInjury: record.dateOfInjury,
      urDenialDate: record.urDenialDate,
      line: record.line,
    };
  }
}
