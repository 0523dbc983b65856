import type { RawAnnotation } from './annotations';
import type { Annotation } from './model';
import type { LetterText } from './text/letter-text';

const KIND = /^\s*([A-Za-z][A-Za-z-]*)\s*:\s*/;

/** The reader's annotations as the model holds them: a highlight together with the comment after it. */
export function readAnnotations(text: LetterText, raws: readonly RawAnnotation[]): Annotation[] {
  const out: Annotation[] = [];
  const paired = new Set<number>(); // comments read with the highlight before them
  const range = (from: number, to: number) => ({ start: text.positionAt(from), end: text.positionAt(to) });
  for (let k = 0; k < raws.length; k++) {
    const a = raws[k];
    if (paired.has(k)) continue;
    const inner = text.source.slice(a.innerStart, a.innerEnd);
    if (a.form === 'comment' && /^\s*imr-/.test(inner)) continue; // a suppression directive, not an annotation
    const annotation: Annotation = {
      form: a.form,
      range: range(a.start, a.end),
      closed: a.closed,
      note: '',
      offsets: { start: a.start, end: a.end, innerStart: a.innerStart, innerEnd: a.innerEnd, arrow: a.arrow },
    };
    let comment: RawAnnotation | undefined = a.form === 'comment' ? a : undefined;
    if (a.form === 'highlight') {
      annotation.quote = collapse(inner);
      // The next annotation after it (not one nested in it), if it is a comment with only spaces between.
      let j = k + 1;
      while (j < raws.length && raws[j].start < a.end) j++;
      const next = raws[j];
      if (next && next.form === 'comment' && next.closed && /^[ \t]*$/.test(text.source.slice(a.end, next.start))) {
        comment = next;
        annotation.commentRange = range(next.start, next.end);
        annotation.range = range(a.start, next.end);
        annotation.offsets.end = next.end;
        paired.add(j);
      }
    }
    if (a.form === 'deletion') annotation.quote = collapse(inner);
    if (a.form === 'addition') annotation.proposed = collapse(inner);
    if (a.form === 'substitution') {
      if (a.arrow < 0) annotation.malformed = 'a substitution needs "~>" between the old and the new text';
      else {
        annotation.quote = collapse(text.source.slice(a.innerStart, a.arrow));
        annotation.proposed = collapse(text.source.slice(a.arrow + 2, a.innerEnd));
      }
    }
    if (comment?.closed) {
      const body = text.source.slice(comment.innerStart, comment.innerEnd);
      const kind = KIND.exec(body);
      if (kind) {
        const at = comment.innerStart + kind.index + kind[0].indexOf(kind[1]);
        annotation.kind = kind[1].toLowerCase();
        annotation.kindRange = range(at, at + kind[1].length);
      }
      annotation.note = collapse(kind ? body.slice(kind[0].length) : body);
    }
    out.push(annotation);
  }
  return out;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
