import type { Range } from 'vscode-languageserver-types';
import type { FieldReading } from './field-memo';
import type { Citation, CitedPart, Conclusion, ItemDecision, LabeledField, Span } from '../letter/model';

/*
 * Parts of the model moved `lines` lines further down (up when negative), for the memo, which
 * takes back a part whose lines a line break above it moved. A move is a copy: every range is new
 * and the rest is copied as it is, with the keys in the order a fresh read gives them; the part
 * moved belongs to the last version's model, which never changes. Objects are written out, not
 * spread: spreading copies several times slower.
 */

export function movedRange(r: Range, lines: number): Range {
  return {
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  };
}

function movedSpan(s: Span, lines: number): Span {
  return { range: movedRange(s.range, lines), text: s.text };
}

/** A field as `labeledField` builds it: without its citations, which are set from its reading. */
export function movedField<K extends string>(field: LabeledField<K>, lines: number): LabeledField<K> {
  return {
    kind: field.kind,
    label: movedSpan(field.label, lines),
    value: field.value && movedSpan(field.value, lines),
    range: movedRange(field.range, lines),
  };
}

export function movedReading(reading: FieldReading, lines: number): FieldReading {
  const moved: FieldReading = { citations: reading.citations.map((c) => movedCitation(c, lines)) };
  if (reading.conclusion) moved.conclusion = movedConclusion(reading.conclusion, lines);
  return moved;
}

/** An item line's title and decision (not its item, which the next version makes anew). */
export function movedTitle(
  { title, decision }: { title: Span; decision: ItemDecision },
  lines: number,
): { title: Span; decision: ItemDecision } {
  return {
    title: movedSpan(title, lines),
    decision: decision && { ...decision, range: movedRange(decision.range, lines) },
  };
}

/** A citation moved, its keys in the order the citation has them (readers may set them in any order). */
function movedCitation(c: Citation, lines: number): Citation {
  const moved = {} as Record<string, unknown>;
  for (const key of Object.keys(c) as (keyof Citation)[]) moved[key] = movedCitationPart(c, key, lines);
  return moved as unknown as Citation;
}

function movedCitationPart(c: Citation, key: keyof Citation, lines: number): unknown {
  switch (key) {
    case 'span':
    case 'name':
    case 'table':
      return c[key] && movedSpan(c[key], lines);
    // Empty lists are shared by the model (a citation with no pages); they stay shared.
    case 'parts':
      return c.parts.length === 0 ? c.parts : c.parts.map((p) => movedPart(p, lines));
    case 'pages':
      return c.pages.length === 0
        ? c.pages
        : c.pages.map((p) => ({ range: movedRange(p.range, lines), from: p.from, to: p.to }));
    case 'badPages':
      return c.badPages.length === 0 ? c.badPages : c.badPages.map((s) => movedSpan(s, lines));
    default:
      return c[key]; // no range in it: the kind, the entry, the statement, the address
  }
}

/** A part names its entry, even an unknown one, except an ODG topic, which names none. */
function movedPart(p: CitedPart, lines: number): CitedPart {
  return 'entry' in p ? { span: movedSpan(p.span, lines), entry: p.entry } : { span: movedSpan(p.span, lines) };
}

function movedConclusion(c: Conclusion, lines: number): Conclusion {
  return { span: movedSpan(c.span, lines), necessary: c.necessary, subject: c.subject };
}
