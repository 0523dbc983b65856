import type { Rule } from './rule';

const CLOSERS = { comment: '<<}', highlight: '==}', addition: '++}', deletion: '--}', substitution: '~~}' };

export const annotationUnclosed: Rule = {
  id: 'annotation.unclosed',
  description:
    'An annotation is opened ({>>, {==, {++, {--, {~~) and never closed, so everything after it may be read as part of it.',
  why: 'Other tools that read CriticMarkup would swallow the rest of the letter into the annotation; the analysis cannot tell where the note ends.',
  example: '`{>>question: was the MRI reviewed?` with no `<<}`.',
  severity: 'error',
  appliesToAnyText: true,
  check: (letter) =>
    letter.annotations
      .filter((a) => !a.closed)
      .map((a) => ({
        range: a.range,
        message: `This annotation is opened here and never closed with ${CLOSERS[a.form]}.`,
      })),
};
