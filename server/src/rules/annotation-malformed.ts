import type { Rule } from './rule';

export const annotationMalformed: Rule = {
  id: 'annotation.malformed',
  description: 'An annotation cannot be read: a substitution without "~>" between the old and the new text.',
  why: 'A proposed correction must say what replaces what; without the arrow it can be neither accepted nor rejected.',
  example: '`{~~Upheld Overturned~~}`.',
  severity: 'error',
  appliesToAnyText: true,
  check: (letter) =>
    letter.annotations
      .filter((a) => a.closed && a.malformed)
      .map((a) => ({ range: a.range, message: `This annotation cannot be read: ${a.malformed}.` })),
};
