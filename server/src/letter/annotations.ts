import { lastAtOrBefore } from './text/search';

/**
 * Reader annotations in CriticMarkup: {>> comment <<}, {== highlight ==} (usually followed by a
 * comment), {++ addition ++}, {-- deletion --}, {~~ old ~> new ~~}. They are not part of the
 * letter. One linear scan finds them and gives back the letter as it was before them (comments
 * and proposed additions removed; highlighted, deleted and replaced text kept), with the map from
 * its offsets to the annotated text's, so the analysis reads the letter exactly as written and
 * still reports true positions.
 */

export type AnnotationForm = 'comment' | 'highlight' | 'addition' | 'deletion' | 'substitution';

/** An annotation as offsets into the source. `inner` is what lies between the markers. */
export interface RawAnnotation {
  form: AnnotationForm;
  start: number;
  /** One past the closing marker; for an unclosed one, the end of its opening marker. */
  end: number;
  closed: boolean;
  innerStart: number;
  innerEnd: number;
  /** For a substitution: where `~>` stands (-1 when it is missing: malformed). */
  arrow: number;
}

/** A run of the clean letter and where it stands in the annotated text. */
export interface Segment {
  clean: number;
  source: number;
  length: number;
}

const FORMS: Record<string, [AnnotationForm, string]> = {
  '{>>': ['comment', '<<}'],
  '{==': ['highlight', '==}'],
  '{++': ['addition', '++}'],
  '{--': ['deletion', '--}'],
  '{~~': ['substitution', '~~}'],
};

export function scanAnnotations(source: string): { clean: string; segments: Segment[]; annotations: RawAnnotation[] } {
  const annotations: RawAnnotation[] = [];
  if (!source.includes('{'))
    return { clean: source, segments: [{ clean: 0, source: 0, length: source.length }], annotations };
  const segments: Segment[] = [];
  const parts: string[] = [];
  let length = 0;
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    segments.push({ clean: length, source: from, length: to - from });
    parts.push(source.slice(from, to));
    length += to - from;
  };
  // The text from `from` to `to` as the letter had it. An annotation nests in the kept text of
  // another only when written by hand (CriticMarkup has no nesting, and no command writes one):
  // it is read there too, so the clean letter never holds annotation markup (annotation.nested
  // says where).
  const scan = (from: number, to: number) => {
    let i = from;
    const unclosed = new Set<string>(); // openers with no closer left: never searched again, so the scan stays linear
    for (
      let open = source.indexOf('{', from);
      open >= 0 && open < to;
      open = source.indexOf('{', Math.max(open + 1, i))
    ) {
      const opener = source.slice(open, open + 3);
      const form = FORMS[opener];
      if (!form || open + 3 > to) continue;
      let close = unclosed.has(opener) ? -1 : source.indexOf(form[1], open + 3);
      if (close + 3 > to) close = -1; // its closer is past the end of the text it stands in
      if (close < 0) {
        unclosed.add(opener);
        annotations.push({
          form: form[0],
          start: open,
          end: open + 3,
          closed: false,
          innerStart: open + 3,
          innerEnd: open + 3,
          arrow: -1,
        });
        continue;
      }
      const arrow = form[0] === 'substitution' ? source.slice(open + 3, close).indexOf('~>') : -1;
      const a: RawAnnotation = {
        form: form[0],
        start: open,
        end: close + 3,
        closed: true,
        innerStart: open + 3,
        innerEnd: close,
        arrow: arrow < 0 ? -1 : open + 3 + arrow,
      };
      annotations.push(a);
      keep(i, open);
      const kept = keptPart(a);
      if (kept) scan(kept[0], kept[1]);
      i = a.end;
    }
    keep(i, to);
  };
  scan(0, source.length);
  return { clean: parts.join(''), segments, annotations };
}

/** The part of an annotation that was the letter's own text: highlighted, deleted or replaced text. */
function keptPart(a: RawAnnotation): [number, number] | undefined {
  if (!a.closed || a.form === 'comment' || a.form === 'addition') return undefined;
  if (a.form === 'substitution') return [a.innerStart, a.arrow < 0 ? a.innerEnd : a.arrow];
  return [a.innerStart, a.innerEnd];
}

/**
 * The letter without its annotations, as it was before anyone annotated it: comments and proposed
 * additions removed, highlighted and deleted text kept, a substitution's old text kept.
 */
export function stripAnnotations(source: string): string {
  return scanAnnotations(source).clean;
}

/**
 * Maps offsets in the clean letter to offsets in the annotated text. A start maps to where its
 * character stands; an end to just after the character before it, so a range never swallows an
 * annotation at its edge.
 */
export class OffsetMap {
  constructor(private readonly segments: Segment[]) {}

  start(offset: number): number {
    const s = this.find(offset);
    return s ? s.source + Math.min(offset - s.clean, s.length) : offset;
  }

  end(offset: number): number {
    if (offset <= 0) return this.start(0);
    return this.start(offset - 1) + 1;
  }

  private find(offset: number): Segment | undefined {
    return this.segments[lastAtOrBefore(this.segments, (s) => s.clean, offset)];
  }
}

/** Where an offset of the annotated text falls in the clean letter (inside removed markup: where the letter goes on). */
export function cleanOffset(segments: readonly Segment[], sourceOffset: number): number {
  for (const s of segments) {
    if (sourceOffset < s.source) return s.clean;
    if (sourceOffset <= s.source + s.length) return s.clean + (sourceOffset - s.source);
  }
  const last = segments[segments.length - 1];
  return last ? last.clean + last.length : 0;
}
