import type { Catalog, GuidelineEntry, GuidelineLink } from './catalog';

/** Where an entry sits: in the MTUS at its 8 CCR section, or outside it. */
export function placeOf(entry: GuidelineEntry): string {
  if (!entry.mtus)
    return 'Outside the MTUS (the MTUS is presumed correct, 8 CCR 9792.25; 9792.21.1 sets the search order)';
  return entry.regulation ? `MTUS, 8 CCR §${entry.regulation}` : 'MTUS';
}

/** Known pages, with how sure they are: confirmed pages as fact, others marked. */
export function pagesOf(entry: GuidelineEntry): string | undefined {
  const p = entry.pages;
  if (!p) return undefined;
  const pages = p.from === p.to ? `p. ${p.from}` : `pp. ${p.from}–${p.to}`;
  return p.confidence === 'confirmed'
    ? pages
    : p.confidence === 'partial'
      ? `${pages} (approximate)`
      : `${pages} (unverified)`;
}

/** The entry and the guideline it belongs to, most specific first. */
export function lineage(catalog: Catalog, entry: GuidelineEntry): GuidelineEntry[] {
  const chain = [entry];
  let parent = entry.parent ? catalog.get(entry.parent) : undefined;
  while (parent && !chain.includes(parent)) {
    chain.push(parent);
    parent = parent.parent ? catalog.get(parent.parent) : undefined;
  }
  return chain;
}

/**
 * What the reader will find behind a link: a free page, or a licensed product's page; and, where
 * the research could not confirm the address itself, that it is unverified.
 */
export function accessNote(link: GuidelineLink): string {
  const notes = [
    link.access === 'licensed'
      ? 'licensed: the guideline text needs a subscription'
      : link.access === 'free'
        ? 'free'
        : '',
    link.confidence === 'unverified' ? 'address unverified' : '',
  ].filter(Boolean);
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}
