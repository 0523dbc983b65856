import data from './catalog.json';

export type Confidence = 'confirmed' | 'partial' | 'unverified';

export interface GuidelineLink {
  label: string;
  url: string;
}

/** One guideline, chapter, topic or section name that letters cite, with what is known of it and how sure that is. */
export interface GuidelineEntry {
  id: string;
  /** guideline: a whole guideline; chapter: a chapter of one; topic: a topic or numbered section of a guideline (see parent); section-name: a section heading shared by many chapters. */
  kind: 'guideline' | 'chapter' | 'topic' | 'section-name';
  parent?: string;
  name: string;
  title: string;
  publisher: string;
  part: string;
  /** Part of the MTUS (presumed correct, 8 CCR 9792.21.1), as opposed to other sources. */
  mtus: boolean;
  /** The 8 CCR section that adopts it, e.g. "9792.23.5". */
  regulation?: string;
  chapter?: string;
  pages?: { from: number; to: number; confidence: Confidence };
  confidence: Confidence;
  /** How letters write it. */
  aliases: string[];
  links: GuidelineLink[];
  notes?: string;
}

// Words that letters add or drop freely around a guideline's name.
const NOISE = new Set(['the', 'mtus', 'ca', 'guidelines', 'guideline', 'chapter', 'chapters', 'medical', 'treatment', 'of', 'and', 'for', 'ed', 'edition', 'online', 'version', 'acute', 'chronic']);

/** Normalised words: lower case, & as "and", punctuation dropped, noise words dropped. */
export function keyWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !NOISE.has(w));
}

export function key(text: string): string {
  return keyWords(text).join(' ');
}

/**
 * The catalog, indexed for the recogniser: guideline names as letters write them (with the
 * year for 2016-17 style), ODG chapters, and each guideline's topics.
 */
export class Catalog {
  private readonly byId = new Map<string, GuidelineEntry>();
  private readonly names = new Map<string, GuidelineEntry[]>();
  private readonly odg = new Map<string, GuidelineEntry>();
  private readonly topicsByParent = new Map<string, Map<string, GuidelineEntry>>();
  private readonly sectionNames = new Map<string, GuidelineEntry>();
  readonly longestName: number;

  constructor(readonly entries: readonly GuidelineEntry[]) {
    for (const e of entries) this.byId.set(e.id, e);
    for (const e of entries) {
      if (e.kind === 'topic' && e.parent) {
        this.addTopic(e.parent, e.title, e);
        for (const alias of e.aliases) {
          const section = /Section\(s\): (.*)$/.exec(alias);
          if (section) this.addTopic(e.parent, section[1], e);
        }
      }
      else if (e.kind === 'section-name') this.sectionNames.set(key(e.title), e);
      else if (e.id.startsWith('odg-')) [e.title, ...e.aliases].forEach((a) => this.odg.set(key(a.replace(/^ODG /, '')), e));
      else {
        for (const alias of [...e.aliases, e.name, e.title]) {
          // "Postsurgical Treatment 2009, Section(s): Shoulder": the name is before the sections, the section a topic of it.
          const [name, section] = alias.split(/,? ?Section\(s\): /);
          if (section) this.addTopic(e.id, section, e);
          if (!name) continue;
          const k = key(name);
          if (!k) continue;
          const list = this.names.get(k) ?? [];
          if (!list.includes(e)) list.push(e);
          this.names.set(k, list);
        }
      }
    }
    this.longestName = Math.max(...[...this.names.keys()].map((k) => k.split(' ').length));
  }

  get(id: string): GuidelineEntry | undefined {
    return this.byId.get(id);
  }

  /** Entries letters name this way ("Low Back Complaints 2004"); several when a name is shared (General Approaches). */
  named(text: string): GuidelineEntry[] {
    return this.names.get(key(text)) ?? [];
  }

  /** A topic or section of a guideline: its own topics first, then the section names all 2004 chapters share. */
  topic(guideline: GuidelineEntry, text: string): GuidelineEntry | undefined {
    const k = key(text);
    const own = this.topicsByParent.get(guideline.id);
    const number = /^\s*(\d+(?:\.\d+)*)\.?\s/.exec(text)?.[1];
    const exact = (number && own?.get(number)) || own?.get(k) || (guideline.id.startsWith('mtus-acoem2-') ? this.sectionNames.get(k) : undefined);
    if (exact || !own || k.split(' ').length < 2) return exact;
    // "Epidural steroid injections" for "Epidural steroid injections (ESIs)": a topic named by its first words.
    for (const [topicKey, entry] of own) if (topicKey.startsWith(k + ' ')) return entry;
    return undefined;
  }

  /** Whether the guideline has topics the recogniser can match. */
  hasTopics(guideline: GuidelineEntry): boolean {
    return this.topicsByParent.has(guideline.id) || guideline.id.startsWith('mtus-acoem2-');
  }

  /** An ODG chapter by how letters write it ("Low Back Chapter", "Neck and Upper Back (Acute & Chronic)"). */
  odgChapter(text: string): GuidelineEntry | undefined {
    return this.odg.get(key(text));
  }

  private addTopic(parent: string, title: string, entry: GuidelineEntry) {
    const map = this.topicsByParent.get(parent) ?? new Map<string, GuidelineEntry>();
    map.set(key(title), entry);
    // Opioid sections are cited with their number and title; also match the title alone and the number alone.
    const numbered = /^(\d+(?:\.\d+)*)\.? (.*)$/.exec(title);
    if (numbered) {
      map.set(key(numbered[2]), entry);
      map.set(numbered[1], entry);
    }
    this.topicsByParent.set(parent, map);
  }
}

export const DEFAULT_CATALOG = new Catalog((data as { entries: GuidelineEntry[] }).entries);
