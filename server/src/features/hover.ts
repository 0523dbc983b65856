import type { Hover, Position, Range } from 'vscode-languageserver-types';
import { type Catalog, DEFAULT_CATALOG, type GuidelineEntry } from '../guidelines/catalog';
import { accessNote, lineage, pagesOf, placeOf } from '../guidelines/describe';
import { contains } from '../letter/text/lines';
import type { Annotation, Citation, Letter } from '../letter/model';
import { type AnnotationKind, DEFAULT_KINDS, STATUTE_URL } from '../vocabulary/annotation-kinds';
import { allCitations } from '../letter/citation-list';
import { escapeMarkdown, markdownLink, webSearchUrl } from './markdown';
import { decisionDateHover } from './date-hover';

const STATEMENTS = {
  'outside-mtus':
    'The decision rests on sources outside the MTUS. The MTUS is presumed correct (8 CCR 9792.25); 8 CCR 9792.21.1 sets the order in which other evidence may be searched.',
  'no-evidence': 'No medical evidence was cited for this decision.',
};

/**
 * What is under the cursor: an annotation (its kind, and for an appeal ground the statute), or a
 * citation (what it refers to and where to read it). Letter text in it is escaped.
 */
export function hover(
  letter: Letter,
  position: Position,
  catalog: Catalog = DEFAULT_CATALOG,
  kinds: readonly AnnotationKind[] = DEFAULT_KINDS,
): Hover | null {
  const here = { start: position, end: position };
  const annotation = letter.annotations.find((a) => a.closed && contains(a.range, here));
  if (annotation) return annotationHover(annotation, kinds);
  const date = decisionDateHover(letter, position);
  if (date) return date;
  const citation = allCitations(letter).find((c) => contains(c.span.range, { start: position, end: position }));
  if (!citation) return null;
  const part = citation.parts.find((p) => contains(p.span.range, { start: position, end: position }));
  const lines: string[] = [];
  if (citation.statement) {
    lines.push(
      `**${citation.statement === 'outside-mtus' ? 'Recommendations outside the MTUS' : 'No medical evidence cited'}**`,
      '',
      STATEMENTS[citation.statement],
    );
    return result(lines, citation.span.range);
  }
  const entry = part?.entry ?? citation.entry;
  if (!entry) {
    lines.push(
      '**Guideline not in the catalog**',
      '',
      `\`imr\` could not resolve: ${escapeMarkdown(citation.span.text)}`,
    );
    if (citation.url && markdownLink(citation.url, citation.url))
      lines.push('', markdownLink(citation.url, citation.url)!);
    // A search the user may choose to run, for the words as cited; nothing is fetched.
    lines.push(
      '',
      `${markdownLink('Search the web for this citation', webSearchUrl(citation.span.text))} (opens in your browser)`,
    );
    return result(lines, citation.span.range);
  }
  // A section heading all 2004 chapters share (Special Studies) is read within the guideline cited.
  const within = part?.entry && citation.entry && entry.kind === 'section-name' ? citation.entry : undefined;
  lines.push(...describe(catalog, entry, within));
  const cited = citedDetail(citation, part?.span.text);
  if (cited) lines.push('', `Cited: ${cited}`);
  const links = linksFor(catalog, entry, within);
  if (links.length > 0) lines.push('', links.join(' · '));
  return result(lines, part?.span.range ?? citation.span.range);
}

const FORM_NAMES = {
  comment: 'Comment',
  highlight: 'Highlight',
  addition: 'Proposed addition',
  deletion: 'Proposed deletion',
  substitution: 'Proposed replacement',
};

function annotationHover(a: Annotation, kinds: readonly AnnotationKind[]): Hover {
  const kind = kinds.find((k) => k.id === a.kind);
  const lines = [`**${FORM_NAMES[a.form]}${a.kind ? ` · ${escapeMarkdown(a.kind)}` : ''}**`, ''];
  if (a.kind && !kind) lines.push('_Not a known annotation kind._', '');
  if (kind?.ground) {
    lines.push(
      `Ground for appeal, Labor Code ${escapeMarkdown(kind.ground)}`,
      '',
      'An IMR determination can be appealed to the WCAB within 30 days, and only on the grounds of Labor Code 4610.6(h).',
      '',
      markdownLink('Labor Code 4610.6 (California Legislative Information)', STATUTE_URL)!,
      '',
    );
  } else if (kind) lines.push(escapeMarkdown(kind.description), '');
  if (a.quote)
    lines.push(
      `${a.form === 'highlight' ? 'Highlighted' : a.form === 'deletion' ? 'Would delete' : 'Would replace'}: ${escapeMarkdown(a.quote)}`,
      '',
    );
  if (a.proposed) lines.push(`${a.form === 'addition' ? 'Would add' : 'With'}: ${escapeMarkdown(a.proposed)}`, '');
  if (a.note) lines.push(`Note: ${escapeMarkdown(a.note)}`);
  return result(lines, a.range);
}

function describe(catalog: Catalog, entry: GuidelineEntry, within?: GuidelineEntry): string[] {
  const [self, ...up] = chainOf(catalog, entry, within);
  const lines = [`**${escapeMarkdown(self.name)}**`, ''];
  if (up.length > 0) lines.push(`In: ${up.map((e) => escapeMarkdown(e.name)).join(' › ')}`, '');
  lines.push(`${escapeMarkdown(self.publisher)} · ${escapeMarkdown(placeOf(self))}`);
  const pages = pagesOf(self);
  if (pages) lines.push('', `Pages: ${escapeMarkdown(pages)}`);
  if (self.confidence !== 'confirmed')
    lines.push(
      '',
      `_Catalog facts for this entry are ${self.confidence === 'partial' ? 'partly confirmed' : 'unverified'}._`,
    );
  return lines;
}

function citedDetail(citation: Citation, partText: string | undefined): string {
  const bits: string[] = [];
  if (partText) bits.push(escapeMarkdown(partText));
  else if (citation.parts.length > 0) bits.push(citation.parts.map((p) => escapeMarkdown(p.span.text)).join('; '));
  if (citation.table) bits.push(escapeMarkdown(citation.table.text));
  if (citation.pages.length > 0)
    bits.push(
      `page${citation.pages.length > 1 || citation.pages[0].from !== citation.pages[0].to ? 's' : ''} ${citation.pages.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}–${p.to}`)).join(', ')}`,
    );
  return bits.join(' · ');
}

/** The entry's links, then its guideline's, without repeats, each marked free or licensed where the catalog says. */
function linksFor(catalog: Catalog, entry: GuidelineEntry, within?: GuidelineEntry): string[] {
  const seen = new Set<string>();
  return chainOf(catalog, entry, within)
    .flatMap((e) => e.links)
    .filter((l) => !seen.has(l.url) && seen.add(l.url))
    .map((l) => {
      const link = markdownLink(l.label, l.url);
      return link && `${link}${accessNote(l)}`;
    })
    .filter((l): l is string => l !== undefined);
}

/** The entry and what it belongs to: its catalog parents, or the guideline it was cited within. */
function chainOf(catalog: Catalog, entry: GuidelineEntry, within?: GuidelineEntry): GuidelineEntry[] {
  return within ? [entry, ...lineage(catalog, within)] : lineage(catalog, entry);
}

function result(lines: string[], range: Range): Hover {
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range };
}
