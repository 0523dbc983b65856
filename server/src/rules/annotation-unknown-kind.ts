import { editDistance } from '../letter/items';
import type { Finding, Rule } from './rule';

export const annotationUnknownKind: Rule = {
  id: 'annotation.unknown-kind',
  description:
    'An annotation comment starts with a kind that is not in the vocabulary (note, todo, question, the appeal-* grounds, and any added in the settings).',
  why: 'Kinds are how annotations are listed, exported and counted; a misspelled kind drops the note out of its group (an appeal ground missing from the appeal worksheet).',
  example: '`{>>apeal-fact: the summary misstates the date<<}`.',
  severity: 'warning',
  appliesToAnyText: true,
  check: (letter, { annotationKinds }) =>
    letter.annotations.flatMap((a): Finding[] => {
      if (!a.kind || !a.kindRange || annotationKinds.includes(a.kind)) return [];
      const nearest = [...annotationKinds].sort((x, y) => distance(a.kind!, x) - distance(a.kind!, y))[0];
      const range = a.kindRange;
      return [
        {
          range,
          message: `"${a.kind}" is not an annotation kind (known: ${annotationKinds.join(', ')}).`,
          fixes: () => [{ title: `Change the kind to ${nearest}`, edits: [{ range, newText: nearest }] }],
        },
      ];
    }),
};

/** Edit distance, and for words too far apart for that, a distance by shared prefix. */
function distance(a: string, b: string): number {
  const d = editDistance(a, b);
  if (d < 3) return d;
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return 10 - Math.min(common, 7) + Math.abs(a.length - b.length) / 100;
}
