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

/** In the key order of citations.ts's `citation` (the url is set last, when there is one). */
function movedCitation(c: Citation, lines: number): Citation {
  const moved: Citation = {
    kind: c.kind,
    span: movedSpan(c.span, lines),
    // Empty lists are shared by the model (a citation with no pages); they stay shared.
    parts: c.parts.length === 0 ? c.parts : c.parts.map((p) => movedPart(p, lines)),
    pages:
      c.pages.length === 0
        ? c.pages
        : c.pages.map((p) => ({ range: movedRange(p.range, lines), from: p.from, to: p.to })),
    badPages: c.badPages.length === 0 ? c.badPages : c.badPages.map((s) => movedSpan(s, lines)),
  };
  if (c.name) moved.name = movedSpan(c.name, lines);
  if (c.entry) moved.entry = c.entry;
  if (c.table) moved.table = movedSpan(c.table, lines);
  if (c.statement) moved.statement = c.statement;
  if (c.url) moved.url = c.url;
  return moved;
}

/** A part names its entry, even an unknown one, except an ODG topic, which names none. */
function movedPart(p: CitedPart, lines: number): CitedPart {
  return 'entry' in p ? { span: movedSpan(p.span, lines), entry: p.entry } : { span: movedSpan(p.span, lines) };
}

function movedConclusion(c: Conclusion, lines: number): Conclusion {
  return { span: movedSpan(c.span, lines), necessary: c.necessary, subject: c.subject };
}
