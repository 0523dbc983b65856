import { decisionValue } from '../letter/items';
import type { Decision } from '../letter/model';
import type { Finding, Rule } from './rule';

const DECISIONS: Decision[] = ['Upheld', 'Overturned'];

export const itemInvalidDecision: Rule = {
  id: 'item.invalid-decision',
  description: "A disputed item's decision is neither Upheld nor Overturned.",
  why: 'Only Upheld (the UR denial stands) and Overturned (the treatment must be authorized) have a legal meaning.',
  example: '`MRI of the knee: Uphled`.',
  severity: 'error',
  checkItem: (item): Finding[] => {
    const d = item.decision;
    if (!d || d.text === '' || d.inferred || (d.value && d.text === d.value)) return [];
    const meant = d.value ?? guess(d.text);
    return [
      {
        range: d.range,
        message: d.value
          ? `Decision "${d.text}" should be written "${d.value}".`
          : `Decision "${d.text}" is neither Upheld nor Overturned${meant ? ` (did you mean ${meant}?)` : ''}.`,
        fixes: meant
          ? () => [{ title: `Change decision to ${meant}`, edits: [{ range: d.range, newText: meant }], safe: true }]
          : undefined,
      },
    ];
  },
};

/** The decision a misspelling most likely means: the one sharing more of its letters in order. */
function guess(text: string): Decision | undefined {
  const w = text.toLowerCase();
  if (decisionValue(w)) return decisionValue(w);
  if (/^uph/.test(w)) return 'Upheld';
  if (/^over/.test(w)) return 'Overturned';
  const score = (d: Decision) => [...d.toLowerCase()].filter((c, i) => w[i] === c).length;
  const [a, b] = DECISIONS.map(score);
  return a >= 3 && a > b ? 'Upheld' : b >= 3 && b > a ? 'Overturned' : undefined;
}
