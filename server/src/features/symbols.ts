import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { HEADER_LABELS, bare } from '../rules/labels';
import type { Citation, Item, LabeledField, Letter, Section } from '../letter/model';

const DETAIL_LENGTH = 60;

/**
 * The letter's outline: the header with its fields, then each section; the reviewer's
 * credentials under the section that states them, and one symbol per disputed item (named by
 * the treatment, detailed by its decision) with its fields under it.
 */
export function documentSymbols(letter: Letter): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  if (letter.header) {
    const fields = letter.header.fields.map((f) => symbol(bare(HEADER_LABELS[f.key]), f.value?.text ?? '(empty)', SymbolKind.Property, f.value ? { start: f.label.range.start, end: f.value.range.end } : f.label.range, f.label.range));
    const caseNumber = letter.header.fields.find((f) => f.key === 'caseNumber')?.value?.text;
    symbols.push(symbol('Header', caseNumber ?? '', SymbolKind.Namespace, letter.header.range, letter.header.fields[0].label.range, fields));
  }
  for (const section of letter.sections) symbols.push(sectionSymbol(letter, section));
  return symbols;
}

function sectionSymbol(letter: Letter, section: Section): DocumentSymbol {
  const inside = (r: { start: { line: number } }) => r.start.line > section.heading.range.start.line && r.start.line <= section.range.end.line;
  const children: DocumentSymbol[] = [];
  if (section.kind === 'determination') children.push(...letter.reviewer.fields.filter((f) => inside(f.range)).map(fieldSymbol));
  children.push(...letter.items.filter((i) => inside(i.range)).map(itemSymbol));
  const detail = section.kind === 'issues' || section.kind === 'notice' ? countDetail(letter.items.filter((i) => inside(i.range))) : '';
  return symbol(titleCase(section.name), detail, SymbolKind.Module, section.range, section.heading.range, children);
}

function itemSymbol(item: Item): DocumentSymbol {
  const decision = item.decision?.value ?? (item.decision?.text ? `"${item.decision.text}"?` : 'no decision');
  const selection = item.title.text ? item.title.range : item.fields[0]?.label.range ?? item.range;
  return symbol(item.name || '(untitled item)', decision, SymbolKind.Event, item.range, selection, item.fields.map(fieldSymbol));
}

function fieldSymbol(field: LabeledField): DocumentSymbol {
  // Guideline fields list what they cite; a rationale's prose citations would only crowd the outline.
  const citations = field.kind === 'rationale' ? [] : (field.citations ?? []).filter((c) => c.kind !== 'statement').map(citationSymbol);
  return symbol(bare(field.label.text), shorten(field.value?.text ?? '(empty)'), SymbolKind.Field, field.range, field.label.range, citations);
}

function citationSymbol(c: Citation): DocumentSymbol {
  const cited = [...c.parts.map((p) => p.span.text), ...c.pages.map((p) => (p.from === p.to ? `p. ${p.from}` : `pp. ${p.from}-${p.to}`))].join('; ');
  return symbol(c.entry?.name ?? c.name?.text ?? c.span.text, cited || (c.entry ? '' : 'not in the catalog'), SymbolKind.Package, c.span.range, c.name?.range ?? c.span.range);
}

function countDetail(items: Item[]): string {
  const upheld = items.filter((i) => i.decision?.value === 'Upheld').length;
  const overturned = items.filter((i) => i.decision?.value === 'Overturned').length;
  return `${items.length} item${items.length === 1 ? '' : 's'}: ${upheld} upheld, ${overturned} overturned`;
}

function symbol(name: string, detail: string, kind: SymbolKind, range: DocumentSymbol['range'], selectionRange: DocumentSymbol['range'], children?: DocumentSymbol[]): DocumentSymbol {
  // Editors reject empty or multi-line names.
  return { name: shorten(name, 200) || '(untitled)', detail, kind, range, selectionRange, children };
}

function shorten(text: string, max = DETAIL_LENGTH): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, max - 1) + '…';
}

/** "CLINICAL CASE SUMMARY" -> "Clinical case summary"; "IMR ISSUES, ..." keeps IMR. */
function titleCase(heading: string): string {
  const lower = heading.replace(/:$/, '').toLowerCase().replace(/\bimr\b/g, 'IMR');
  return lower[0].toUpperCase() + lower.slice(1);
}
