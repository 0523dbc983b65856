import { someLowerCaseWord } from '../letter/text/words';
import data from './catalog.json';

export type Confidence = 'confirmed' | 'partial' | 'unverified';

export interface GuidelineLink {
  label: string;
  url: string;
  /** free: anyone can read the page; licensed: a publisher's or product's page whose guideline text needs a subscription. */
  access?: 'free' | 'licensed';
  /** How sure the address is, and where it was found. */
  confidence?: Confidence;
  source?: string;
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
const NOISE = new Set([
  'the',
  'mtus',
  'ca',
  'guidelines',
  'guideline',
  'chapter',
  'chapters',
  'medical',
  'treatment',
  'of',
  'and',
  'for',
  'ed',
  'edition',
  'online',
  'version',
  'acute',
  'chronic',
]);

/**
 * A name, chapter or topic as the catalog indexes and looks it up: its lower-case words, noise
 * words dropped, joined by spaces. "&" needs no "and": both separate words, and "and" is noise.
 */
export function key(text: string): string {
  let out = '';
  someLowerCaseWord(text, (word) => {
    if (!NOISE.has(word)) out = out ? `${out} ${word}` : word;
  });
  return out;
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
  /** Per guideline: the first words (two or more) of each topic key, to the first topic they begin. */
  private readonly topicPrefixes = new Map<string, Map<string, GuidelineEntry>>();
  readonly longestName: number;

  constructor(readonly entries: readonly GuidelineEntry[]) {
    for (const e of entries) this.byId.set(e.id, e);
    for (const e of entries) {
      if (e.kind === 'topic' && e.parent) {
        this.addTopic(e.parent, e.title, e);
        for (const alias of e.aliases) {
          const at = alias.indexOf('Section(s): ');
          if (at >= 0) this.addTopic(e.parent, alias.slice(at + 'Section(s): '.length), e);
        }
      } else if (e.kind === 'section-name') this.sectionNames.set(key(e.title), e);
      else if (e.id.startsWith('odg-'))
        [e.title, ...e.aliases].forEach((a) => this.odg.set(key(a.replace(/^ODG /, '')), e));
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
    for (const [parent, own] of this.topicsByParent) this.topicPrefixes.set(parent, prefixes(own));
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
    const exact =
      (number && own?.get(number)) ||
      own?.get(k) ||
      (guideline.id.startsWith('mtus-acoem2-') ? this.sectionNames.get(k) : undefined);
    if (exact || !own || !k.includes(' ')) return exact;
    // "Epidural steroid injections" for "Epidural steroid injections (ESIs)": a topic named by its first words.
    return this.topicPrefixes.get(guideline.id)?.get(k);
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

/**
 * Each run of two or more first words of a topic key (short of the whole key), mapped to the
 * first topic, in the map's order, whose key begins with it: one lookup instead of a scan of
 * every topic.
 */
function prefixes(topics: Map<string, GuidelineEntry>): Map<string, GuidelineEntry> {
  const out = new Map<string, GuidelineEntry>();
  for (const [topicKey, entry] of topics) {
    for (let space = topicKey.indexOf(' '); space >= 0; space = topicKey.indexOf(' ', space + 1)) {
      const prefix = topicKey.slice(0, space);
      if (prefix.includes(' ') && !out.has(prefix)) out.set(prefix, entry);
    }
  }
  return out;
}

/** What the citation recognisers ask of a catalog. */
export type CatalogLookups = Pick<Catalog, 'entries' | 'get' | 'named' | 'topic' | 'odgChapter'>;

/**
 * The catalog's answers, remembered: for one letter's recognisers, since letters cite the same
 * few names and sections again and again and normalising a name costs more than finding it.
 * Made per letter and dropped with it (it keeps the pieces of text it was asked about).
 */
export function rememberingLookups(catalog: Catalog): CatalogLookups {
  const named = new Map<string, GuidelineEntry[]>();
  const chapters = new Map<string, GuidelineEntry | undefined>();
  const topics = new Map<
    GuidelineEntry,
    { answers: Map<string, GuidelineEntry | undefined>; find: (text: string) => GuidelineEntry | undefined }
  >();
  // Made once, not per question: each lookup is asked thousands of times in a long letter.
  const findNamed = (text: string) => catalog.named(text);
  const findChapter = (text: string) => catalog.odgChapter(text);
  return {
    entries: catalog.entries,
    get: (id) => catalog.get(id),
    named: (text) => remember(named, text, findNamed),
    odgChapter: (text) => remember(chapters, text, findChapter),
    topic: (guideline, text) => {
      let own = topics.get(guideline);
      if (!own) topics.set(guideline, (own = { answers: new Map(), find: (t) => catalog.topic(guideline, t) }));
      return remember(own.answers, text, own.find);
    },
  };
}

function remember<T>(answers: Map<string, T>, question: string, find: (question: string) => T): T {
  const known = answers.get(question);
  if (known !== undefined || answers.has(question)) return known as T;
  const found = find(question);
  answers.set(question, found);
  return found;
}

export const DEFAULT_CATALOG = new Catalog((data as { entries: GuidelineEntry[] }).entries);
