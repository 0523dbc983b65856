import type { Rule } from './rule';

export const itemNoConclusion: Rule = {
  id: 'item.no-conclusion',
  description: 'The decision rationale never says whether the treatment is medically necessary.',
  why: 'A rationale is expected to end by saying whether the treatment is medically necessary; without that sentence the reasoning is unfinished.',
  example: 'A rationale that ends "A brace will not help."',
  severity: 'information',
  checkItem: (item, layout) => {
    if (layout.items !== 'blocks') return [];
    const rationale = item.fields.find((f) => f.kind === 'rationale');
    if (!rationale?.value || item.conclusion) return [];
    return [
      {
        range: rationale.label.range,
        message: `The rationale for "${item.name}" never concludes whether the treatment is medically necessary.`,
      },
    ];
  },
};
