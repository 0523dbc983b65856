import type { Finding, Rule } from './rule';

export const itemDecisionContradictsRationale: Rule = {
  id: 'item.decision-contradicts-rationale',
  description:
    'The decision says one thing and the rationale concludes the other: Upheld with "is medically necessary", or Overturned with "is not medically necessary".',
  why: 'The decision is what binds the parties; when the rationale concludes the opposite, the determination may rest on a plainly erroneous finding (Labor Code 4610.6(h)(5)).',
  example: '`Knee brace: Upheld` whose rationale ends "the request for a knee brace is medically necessary."',
  severity: 'error',
  checkItem: (item): Finding[] => {
    const d = item.decision;
    const c = item.conclusion;
    if (!d?.value || d.inferred || !c) return [];
    const expected = c.necessary ? 'Overturned' : 'Upheld';
    if (d.value === expected) return [];
    const says = c.necessary ? 'is medically necessary' : 'is not medically necessary';
    const { line, character } = d.range.end;
    return [
      {
        range: d.range,
        message: `Item "${item.name}" is ${d.value}, but its rationale concludes the treatment ${says} (which means ${expected}).`,
        fixes: () => [
          { title: `Change the decision to ${expected}`, edits: [{ range: d.range, newText: expected }] },
          {
            title: 'Keep the letter as it is and annotate the contradiction',
            edits: [
              {
                range: { start: { line, character }, end: { line, character } },
                newText: `{>>question: the decision is ${d.value} but the rationale concludes the treatment ${says}<<}{>>imr-disable-line item.decision-contradicts-rationale<<}`,
              },
            ],
          },
        ],
      },
    ];
  },
};
