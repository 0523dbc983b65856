import type { DocumentLink } from 'vscode-languageserver-types';
import { type Catalog, DEFAULT_CATALOG } from '../guidelines/catalog';
import { accessNote, lineage } from '../guidelines/describe';
import type { Citation, Letter } from '../letter/model';
import { allCitations } from '../letter/citation-list';

/**
 * A link on each cited guideline, to the best public page for it (the most specific one the
 * catalog has). A citation in a guideline field is linked whole, sections and pages included;
 * one in prose on its words.
 */
export function documentLinks(letter: Letter, catalog: Catalog = DEFAULT_CATALOG): DocumentLink[] {
  return allCitations(letter).flatMap((c): DocumentLink[] => {
    const range = rangeOf(c);
    if (c.url && /^https?:\/\//i.test(c.url)) return [{ range, target: c.url, tooltip: 'Open the cited web page' }];
    const link =
      c.entry &&
      lineage(catalog, c.entry)
        .flatMap((e) => e.links)
        .find((l) => /^https?:\/\//i.test(l.url));
    return link ? [{ range, target: link.url, tooltip: `${link.label}${accessNote(link)}` }] : [];
  });
}

function rangeOf(c: Citation) {
  return c.kind === 'mtus' || c.kind === 'non-mtus' ? c.span.range : (c.name?.range ?? c.span.range);
}
