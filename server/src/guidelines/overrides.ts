import { Catalog, type Confidence, type GuidelineEntry } from './catalog';

const KINDS = ['guideline', 'chapter', 'topic', 'section-name'];
const CONFIDENCES: Confidence[] = ['confirmed', 'partial', 'unverified'];

/**
 * The built-in catalog with a user's entries (from a workspace JSON file, see
 * schemas/guideline-catalog.schema.json): an entry whose id is known overrides that entry's
 * fields, a new id adds an entry. Entries that do not fit the schema are left out and named in
 * `errors`; nothing a user writes can break the catalog.
 */
export function withOverrides(base: Catalog, json: unknown): { catalog: Catalog; errors: string[] } {
  const errors: string[] = [];
  const list = (json as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) return { catalog: base, errors: ['the file has no "entries" array'] };
  const entries = new Map(base.entries.map((e) => [e.id, e]));
  list.forEach((raw, i) => {
    const problem = check(raw);
    if (problem) {
      errors.push(`entry ${i + 1}: ${problem}`);
      return;
    }
    const given = raw as Partial<GuidelineEntry> & { id: string };
    const known = entries.get(given.id);
    const merged: GuidelineEntry = {
      kind: 'guideline',
      name: given.id,
      title: given.name ?? given.id,
      publisher: '',
      part: '',
      mtus: false,
      confidence: 'unverified',
      aliases: [],
      links: [],
      ...known,
      ...given,
    };
    entries.set(given.id, merged);
  });
  return { catalog: new Catalog([...entries.values()]), errors };
}

function check(raw: unknown): string | undefined {
  if (!raw || typeof raw !== 'object') return 'not an object';
  const e = raw as Record<string, unknown>;
  if (typeof e.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(e.id))
    return 'id must be lower-case letters, digits and dashes';
  for (const k of ['parent', 'name', 'title', 'publisher', 'part', 'regulation', 'chapter', 'notes']) {
    if (e[k] !== undefined && typeof e[k] !== 'string') return `${k} must be a string`;
  }
  if (e.kind !== undefined && !KINDS.includes(e.kind as string)) return `kind must be one of ${KINDS.join(', ')}`;
  if (e.mtus !== undefined && typeof e.mtus !== 'boolean') return 'mtus must be true or false';
  if (e.confidence !== undefined && !CONFIDENCES.includes(e.confidence as Confidence))
    return `confidence must be one of ${CONFIDENCES.join(', ')}`;
  if (e.aliases !== undefined && !(Array.isArray(e.aliases) && e.aliases.every((a) => typeof a === 'string')))
    return 'aliases must be a list of strings';
  if (e.links !== undefined && !(Array.isArray(e.links) && e.links.every(isLink))) {
    return 'links must be a list of { label, url } with http(s) addresses (access free or licensed, a confidence and a source as text if given)';
  }
  const p = e.pages as Record<string, unknown> | undefined;
  if (
    p !== undefined &&
    !(p && Number.isInteger(p.from) && Number.isInteger(p.to) && CONFIDENCES.includes(p.confidence as Confidence))
  ) {
    return 'pages must be { from, to, confidence }';
  }
  return undefined;
}

function isLink(l: unknown): boolean {
  const link = l as Record<string, unknown> | null;
  if (!link || typeof link.label !== 'string' || typeof link.url !== 'string' || !/^https?:\/\//.test(link.url))
    return false;
  if (link.access !== undefined && link.access !== 'free' && link.access !== 'licensed') return false;
  if (link.confidence !== undefined && !CONFIDENCES.includes(link.confidence as Confidence)) return false;
  return link.source === undefined || typeof link.source === 'string';
}
