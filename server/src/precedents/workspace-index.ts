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
  private groups: Map<string, Precedent[]> | undefined;

  get size(): number {
    return this.letters.size;
  }

  get(uri: string): IndexedLetter | undefined {
    return this.letters.get(uri);
  }

  set(uri: string, letter: IndexedLetter): void {
    this.groups = undefined;
    this.letters.set(uri, { stamp: letter.stamp, hash: letter.hash, items: letter.items.map((r) => this.intern(r)) });
  }

  delete(uri: string): boolean {
    this.groups = undefined;
    return this.letters.delete(uri);
  }

  /** Letters no longer in `uris` are forgotten (deleted while the server was not watching). */
  keepOnly(uris: ReadonlySet<string>): void {
    for (const uri of [...this.letters.keys()]) if (!uris.has(uri)) this.delete(uri);
  }

  entries(): IterableIterator<[string, IndexedLetter]> {
    return this.letters.entries();
  }

  /** The items of other letters that ask for what `target` asks (the letter `exclude` left out: no letter is its own precedent). */
  similar(target: Request, exclude: string): Precedent[] {
    if (target.category === 'other') return [];
    // Only items of the same category and subcategory can be similar: the rest are not looked at.
    const group = this.byGroup().get(groupKey(target)) ?? [];
    return group.filter((p) => p.uri !== exclude && isSimilar(target, p.record));
  }

  /** Every item of a category in other letters (the view's category filter widens past similarity). */
  ofCategory(category: string, exclude: string): Precedent[] {
    const found: Precedent[] = [];
    for (const [key, group] of this.byGroup())
      if (key.startsWith(category + '\0')) for (const p of group) if (p.uri !== exclude) found.push(p);
    return found;
  }

  /** The categories of the items indexed. */
  categories(): string[] {
    return [...new Set([...this.byGroup().keys()].map((k) => k.slice(0, k.indexOf('\0'))))].sort();
  }

  /** The items by category and subcategory: made again on the first question after a change. */
  private byGroup(): Map<string, Precedent[]> {
    if (this.groups) return this.groups;
    const groups = new Map<string, Precedent[]>();
    for (const [uri, letter] of this.letters)
      for (const record of letter.items) {
        const key = groupKey(record);
        let group = groups.get(key);
        if (!group) groups.set(key, (group = []));
        group.push({ uri, record });
      }
    return (this.groups = groups);
  }

  private intern(record: ItemRecord): ItemRecord {
    const s = (text: string) => {
      const kept = this.strings.get(text);
      if (kept !== undefined) return kept;
      const own = copy(text);
      this.strings.set(own, own);
      return own;
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
      // Shared by the letters of a day: interned, and read as a date once.
      decisionDate: s(record.decisionDate),
      // Each letter's own: copied, as a substring would keep the whole letter's text alive.
      item: copy(record.item),
      caseNumber: copy(record.caseNumber),
      dateOfInjury: copy(record.dateOfInjury),
      urDenialDate: copy(record.urDenialDate),
      line: record.line,
    };
  }
}

const groupKey = (r: Request) => `${r.category}\0${r.subcategory}`;

/** A string of its own (a flat copy), not a slice that keeps the text it was cut from. */
function copy(text: string): string {
  return (' ' + text).slice(1);
}
