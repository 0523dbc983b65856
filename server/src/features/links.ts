import type { DocumentLink } from 'vscode-languageserver-types';
import { type Catalog, DEFAULT_CATALOG } from '../guidelines/catalog';
import { lineage } from '../guidelines/describe';
import type { Letter } from '../letter/model';
import { allCitations } from '../letter/citation-list';

/** A link on each cited guideline's name, to the best official page for it (the most specific one the catalog has). */
export function documentLinks(letter: Letter, catalog: Catalog = DEFAULT_CATALOG): DocumentLink[] {
  return allCitations(letter).flatMap((c): DocumentLink[] => {
    const range = c.name?.range ?? c.span.range;
    if (c.url && /^https?:\/\//i.test(c.url)) return [{ range, target: c.url, tooltip: 'Open the cited web page' }];
    const link = c.entry && lineage(catalog, c.entry).flatMap((e) => e.links).find((l) => /^https?:\/\//i.test(l.url));
    return link ? [{ range, target: link.url, tooltip: link.label }] : [];
  });
}
