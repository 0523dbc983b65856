import { type AnnotationKind, DEFAULT_KINDS } from '../vocabulary/annotation-kinds';
import { cleanOffset, scanAnnotations } from '../letter/annotations';
import { headerField } from '../letter/header';
import type { Annotation, Item, Letter } from '../letter/model';
import { escapeMarkdown } from '../features/markdown';
import { csvCell } from './item-table';

export type ExportFormat = 'markdown' | 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['markdown', 'csv', 'json'];

export interface ExportSource {
  /** The letter's name, as the worksheet and the table cite it. */
  name: string;
  /** Its address, for the W3C annotations' target (defaults to the name). */
  uri?: string;
  /** The annotated text. */
  text: string;
  letter: Letter;
}

/** The annotations of a letter as an appeal worksheet (Markdown), a table (CSV) or W3C Web Annotations (JSON). */
export function exportAnnotations(
  source: ExportSource,
  format: ExportFormat,
  kinds: readonly AnnotationKind[] = DEFAULT_KINDS,
): string {
  if (format === 'markdown') return worksheet(source, kinds);
  if (format === 'csv') return CSV_HEADER + csvRows(source).join('');
  return JSON.stringify(webAnnotations(source), null, 2) + '\n';
}

interface Row {
  annotation: Annotation;
  item?: Item;
  line: number;
}

/** Each closed annotation with the item it falls in: both are in line order, so one sweep finds them all. */
function rows({ letter }: ExportSource): Row[] {
  const items = letter.items;
  let k = 0;
  return letter.annotations
    .filter((a) => a.closed)
    .map((annotation) => {
      const line = annotation.range.start.line;
      while (k < items.length && items[k].range.end.line < line) k++;
      const item = k < items.length && items[k].range.start.line <= line ? items[k] : undefined;
      return { annotation, line: line + 1, item };
    });
}

const label = (a: Annotation) => a.kind ?? (a.form === 'comment' ? 'comment' : a.form);

/** An appeal worksheet: the grounds found, then every annotation under the item it concerns, with the item's decision. */
function worksheet(source: ExportSource, kinds: readonly AnnotationKind[]): string {
  const { letter, name } = source;
  const caseNumber = headerField(letter.header, 'caseNumber')?.value?.text;
  const decided = headerField(letter.header, 'decisionDate')?.value?.text;
  const all = rows(source);
  // Letter text and file names are untrusted: escaped as hovers escape them, so a name or a note
  // holding HTML, an image, a link or a command: link reads as the characters it is.
  const out = [
    `# Annotations: ${escapeMarkdown(caseNumber ?? name)}`,
    '',
    `Letter: ${escapeMarkdown(name)}${decided ? ` · decision date ${escapeMarkdown(decided)}` : ''} · ${all.length} annotation${all.length === 1 ? '' : 's'}`,
    '',
  ];
  const byKind = groupBy(all, (r) => r.annotation.kind);
  const grounds = kinds
    .filter((k) => k.ground)
    .map((k) => [k, byKind.get(k.id) ?? []] as const)
    .filter(([, rs]) => rs.length > 0);
  if (grounds.length > 0) {
    out.push('## Grounds for appeal marked (Labor Code 4610.6(h))', '');
    for (const [k, rs] of grounds)
      out.push(`- ${k.ground} (${rs.length}: line${rs.length === 1 ? '' : 's'} ${rs.map((r) => r.line).join(', ')})`);
    out.push('');
  }
  const groups = groupBy(all, (r) => r.item);
  for (const item of [...letter.items, undefined]) {
    const rs = groups.get(item);
    if (!rs) continue;
    out.push(
      item
        ? `## ${escapeMarkdown(item.name)}: ${escapeMarkdown(item.decision?.value ?? item.decision?.text ?? 'no decision')}`
        : '## Elsewhere in the letter',
      '',
    );
    for (const { annotation: a, line } of rs) {
      out.push(`- **${escapeMarkdown(label(a))}** (line ${line})${a.note ? `: ${escapeMarkdown(a.note)}` : ''}`);
      if (a.quote) out.push(`  > ${escapeMarkdown(a.quote)}`);
      if (a.proposed) out.push(`  ${a.form === 'addition' ? 'Add' : 'Replace with'}: ${escapeMarkdown(a.proposed)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The rows under each key, in their order (pushed, not copied: a letter may hold a hundred thousand notes). */
function groupBy<K>(rows: readonly Row[], key: (r: Row) => K): Map<K, Row[]> {
  const groups = new Map<K, Row[]>();
  for (const r of rows) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

export const CSV_HEADER = 'file,case_number,line,form,kind,item,decision,quote,note,proposed\r\n';

/** One row per annotation (RFC 4180, CRLF), the table a researcher codes from. */
export function csvRows(source: ExportSource): string[] {
  const caseNumber = headerField(source.letter.header, 'caseNumber')?.value?.text ?? '';
  return rows(source).map(
    ({ annotation: a, item, line }) =>
      [
        source.name,
        caseNumber,
        String(line),
        a.form,
        a.kind ?? '',
        item?.name ?? '',
        item?.decision?.value ?? '',
        a.quote ?? '',
        a.note,
        a.proposed ?? '',
      ]
        .map(csvCell)
        .join(',') + '\r\n',
  );
}

/**
 * The W3C Web Annotation data model: each annotation targets the clean letter (the text without
 * annotations) by quote and by position, so other tools can anchor it.
 */
export function webAnnotations(source: ExportSource): object {
  const { clean, segments } = scanAnnotations(source.text);
  const items = rows(source).map(({ annotation: a }) => {
    const o = a.offsets;
    const keptEnd = a.form === 'substitution' ? o.arrow : o.innerEnd;
    const quoted = a.form === 'highlight' || a.form === 'deletion' || a.form === 'substitution';
    const start = cleanOffset(segments, quoted ? o.innerStart : o.start);
    const end = quoted ? start + (keptEnd - o.innerStart) : start;
    const body: object[] = [];
    if (a.note) body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/plain' });
    if (a.kind) body.push({ type: 'TextualBody', value: a.kind, purpose: 'tagging' });
    if (a.proposed !== undefined) body.push({ type: 'TextualBody', value: a.proposed, purpose: 'editing' });
    if (a.form === 'deletion') body.push({ type: 'TextualBody', value: '', purpose: 'editing' });
    return {
      type: 'Annotation',
      motivation: a.form === 'highlight' ? 'highlighting' : a.form === 'comment' ? 'commenting' : 'editing',
      body,
      target: {
        source: source.uri ?? source.name,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: clean.slice(start, end),
            prefix: clean.slice(Math.max(0, start - 32), start),
            suffix: clean.slice(end, end + 32),
          },
          { type: 'TextPositionSelector', start, end },
        ],
      },
    };
  });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: `Annotations of ${source.name}`,
    total: items.length,
    first: { type: 'AnnotationPage', items },
  };
}
