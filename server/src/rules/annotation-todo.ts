import type { Rule } from './rule';

export const annotationTodo: Rule = {
  id: 'annotation.todo',
  description: 'A `todo:` annotation, listed so it shows in the Problems panel.',
  why: 'Open tasks on a letter (records to request, a deadline to diary) should not be lost in the text.',
  example: '`{>>todo: request the 10/19/16 progress note<<}`.',
  severity: 'information',
  appliesToAnyText: true,
  check: (letter) =>
    letter.annotations
      .filter((a) => a.kind === 'todo')
      .map((a) => ({ range: a.kindRange ?? a.range, message: `To do: ${a.note || '(no text)'}` })),
};
