import { type DocumentSymbol, type Range, SymbolKind } from 'vscode-languageserver-types';
import { headerField } from '../letter/header';
import { before } from '../letter/text/lines';
import type { OutlineMemo } from '../incremental/outline-memo';
import { isSpace, skipSpaces } from '../letter/text/spaces';
import type { Annotation, Citation, Item, LabeledField, Letter, Section } from '../letter/model';
import { HEADER_LABELS, bare } from '../vocabulary/labels';
import { decisionCount, describeCount, itemsOf } from './letter-summary';

const DETAIL_LENGTH = 60;

/**
 * The letter's outline: the header with its fields, then each section; the reviewer's
 * credentials under the section that states them, one symbol per disputed item (named by its
 * decision and treatment) with its fields, citations and annotations under it, and
 * every other annotation under the section it sits in. With `memo` (the document's), the symbols
 * of items kept from its last version are taken back.
 */
export function documentSymbols(letter: Letter, memo?: OutlineMemo): DocumentSymbol[] {
  // Each annotation goes under the innermost item, else section, whose lines it sits on. Found by
  // line, so the outline stays linear however many annotations and items a letter has.
  const byLine = new Map<number, Annotation[]>();
  for (const a of letter.annotations) {
    const list = byLine.get(a.range.start.line);
    if (list) list.push(a);
    else byLine.set(a.range.start.line, [a]);
  }
  const placed = new Set<Annotation>();
  const claim = (range: Range) => {
    const found: DocumentSymbol[] = [];
    for (let line = range.start.line; line <= range.end.line && placed.size < letter.annotations.length; line++) {
      for (const a of byLine.get(line) ?? [])
        if (!placed.has(a)) {
          placed.add(a);
          found.push(annotationSymbol(a));
        }
    }
    return found;
  };
  const byItem = new Map(letter.items.map((item) => [item, claim(item.range)]));

  const symbols: DocumentSymbol[] = [];
  if (letter.header) {
    const fields = letter.header.fields.map((f) =>
      symbol(
        bare(HEADER_LABELS[f.key]),
        f.value?.text ?? '(empty)',
        SymbolKind.Property,
        f.value ? { start: f.label.range.start, end: f.value.range.end } : f.label.range,
        f.label.range,
      ),
    );
    const caseNumber = headerField(letter.header, 'caseNumber')?.value?.text;
    symbols.push(
      symbol(
        'Header',
        caseNumber ?? '',
        SymbolKind.Namespace,
        letter.header.range,
        letter.header.fields[0].label.range,
        fields,
      ),
    );
  }
  for (const section of letter.sections)
    symbols.push(sectionSymbol(letter, section, claim(section.range), byItem, memo));
  memo?.end();
  // Concatenated, not pushed as arguments: a letter may hold more annotations than a call takes arguments.
  return symbols.concat(letter.annotations.filter((a) => !placed.has(a)).map(annotationSymbol));
}

function sectionSymbol(
  letter: Letter,
  section: Section,
  annotations: DocumentSymbol[],
  byItem: Map<Item, DocumentSymbol[]>,
  memo: OutlineMemo | undefined,
): DocumentSymbol {
  const inside = (r: Range) =>
    r.start.line > section.heading.range.start.line && r.start.line <= section.range.end.line;
  const items = itemsOf(letter, section);
  const children = [
    ...(section.kind === 'determination' ? letter.reviewer.fields.filter((f) => inside(f.range)).map(fieldSymbol) : []),
    ...items.map((i) => {
      const placed = byItem.get(i) ?? [];
      return memo ? memo.item(i, placed, () => itemSymbol(i, placed)) : itemSymbol(i, placed);
    }),
    ...annotations,
  ];
  const detail = section.kind === 'issues' || section.kind === 'notice' ? describeCount(decisionCount(items)) : '';
  return symbol(titleCase(section.name), detail, SymbolKind.Module, section.range, section.heading.range, children);
}

/**
 * "Upheld · X-rays lumbar spine": the decision first, as a reader scans for it, and never cut off
 * by a long treatment name at a narrow side bar.
 */
function itemSymbol(item: Item, annotations: DocumentSymbol[]): DocumentSymbol {
  const decision =
    item.decision?.value ?? (item.decision?.text ? `"${shorten(item.decision.text, 20)}"?` : 'No decision');
  const selection = item.title.text ? item.title.range : (item.fields[0]?.label.range ?? item.range);
  const children: DocumentSymbol[] = [];
  for (const f of item.fields) children.push(fieldSymbol(f));
  for (const a of annotations) children.push(a);
  return symbol(
    `${decision} · ${item.name || '(untitled item)'}`,
    '',
    SymbolKind.Event,
    item.range,
    selection,
    children,
  );
}

function fieldSymbol(field: LabeledField): DocumentSymbol {
  // Guideline fields list what they cite; a rationale's prose citations would only crowd the outline.
  const citations: DocumentSymbol[] = [];
  if (field.kind !== 'rationale' && field.citations)
    for (const c of field.citations) if (c.kind !== 'statement') citations.push(citationSymbol(c));
  return symbol(
    bare(field.label.text),
    shorten(field.value?.text ?? '(empty)'),
    SymbolKind.Field,
    field.range,
    field.label.range,
    citations,
  );
}

function citationSymbol(c: Citation): DocumentSymbol {
  // Its parts, then its pages, joined by "; " in place (a long letter outlines thousands of citations).
  let cited = '';
  let n = 0;
  for (const p of c.parts) cited = n++ ? `${cited}; ${p.span.text}` : p.span.text;
  for (const p of c.pages) {
    const page = p.from === p.to ? `p. ${p.from}` : `pp. ${p.from}-${p.to}`;
    cited = n++ ? `${cited}; ${page}` : page;
  }
  return symbol(
    c.entry?.name ?? c.name?.text ?? c.span.text,
    cited || (c.entry ? '' : 'not in the catalog'),
    SymbolKind.Package,
    c.span.range,
    c.name?.range ?? c.span.range,
  );
}

/** Named by kind and first words: "appeal-fact: the exam notes laxity". */
function annotationSymbol(a: Annotation): DocumentSymbol {
  const label = a.kind ?? (a.form === 'comment' ? 'comment' : a.form);
  const words = a.note || a.proposed || a.quote || '';
  return symbol(
    `${label}: ${shorten(words, 50) || '…'}`,
    a.quote && a.note ? shorten(`“${a.quote}”`) : '',
    SymbolKind.String,
    a.range,
    a.kindRange ?? a.range,
  );
}

/** A symbol whose range holds all its children (an annotation may end past the text it follows) and its selection. */
function symbol(
  name: string,
  detail: string,
  kind: SymbolKind,
  range: Range,
  selectionRange: Range,
  children: DocumentSymbol[] = [],
): DocumentSymbol {
  if (children.length > 1 && !inOrder(children))
    children.sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
  let { start, end } = range;
  if (before(selectionRange.start, start)) start = selectionRange.start;
  if (before(end, selectionRange.end)) end = selectionRange.end;
  for (const c of children) {
    if (before(c.range.start, start)) start = c.range.start;
    if (before(end, c.range.end)) end = c.range.end;
  }
  // The range given, when it holds everything (as it almost always does): a long outline has thousands.
  const whole = start === range.start && end === range.end ? range : { start, end };
  // Editors reject empty or multi-line names.
  return {
    name: shorten(name, 200) || '(untitled)',
    detail,
    kind,
    range: whole,
    selectionRange,
    children: children.length > 0 ? children : undefined,
  };
}

function inOrder(symbols: DocumentSymbol[]): boolean {
  for (let i = 1; i < symbols.length; i++) if (before(symbols[i].range.start, symbols[i - 1].range.start)) return false;
  return true;
}

/**
 * The text with each run of white space one space, trimmed, and cut to `max` characters with an
 * ellipsis. Only as much as shows is read, and copied only when it holds white space to collapse:
 * the outline shortens every field of every item.
 */
export function shorten(text: string, max = DETAIL_LENGTH): string {
  const from = skipSpaces(text, 0);
  let end = from; // after the last character that shows
  let shown = 0; // characters of the collapsed text up to i
  let plain = true; // whether text[from, end) has nothing to collapse
  for (let i = from; i < text.length && shown <= max;) {
    if (!isSpace(text.charCodeAt(i))) {
      end = ++i;
      shown++;
      continue;
    }
    const next = skipSpaces(text, i);
    if (next >= text.length) break; // trailing white space is trimmed
    if (next - i > 1 || text.charCodeAt(i) !== 32) plain = false;
    shown++;
    i = next;
  }
  const part = plain ? text.slice(from, end) : text.slice(from, end).replace(/\s+/g, ' ');
  return shown <= max ? part : part.slice(0, max - 1) + '…';
}

/** "CLINICAL CASE SUMMARY" -> "Clinical case summary"; "IMR ISSUES, ..." keeps IMR. */
function titleCase(heading: string): string {
  const lower = heading
    .replace(/:$/, '')
    .toLowerCase()
    .replace(/\bimr\b/g, 'IMR');
  return lower[0].toUpperCase() + lower.slice(1);
}
