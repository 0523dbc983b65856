import type { Rule } from './rule';

export const citationMaximusNonMtusOnly: Rule = {
  id: 'citation.maximus-non-mtus-only',
  description: "The MAXIMUS guideline relies only on sources outside the MTUS, though the MTUS is presumed correct (8 CCR 9792.25) and 9792.21.1 sets the search order.",
  why: 'The MTUS is presumed correct (8 CCR 9792.25); a decision resting only on other sources should say why the MTUS does not address the treatment (8 CCR 9792.21.1).',
  example: '`MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & Leg.`',
  severity: 'information',
  checkItem: (item) =>
    item.fields
      .filter((f) => f.kind === 'maximusGuideline' && f.citations && f.citations.length > 0)
      .filter((f) => !f.citations!.some((c) => c.kind === 'mtus' || (c.kind === 'prose' && c.entry?.mtus)) && f.citations!.some((c) => c.kind === 'non-mtus' || c.statement === 'outside-mtus'))
      .map((f) => ({ range: f.label.range, message: `The MAXIMUS guideline for "${item.name}" cites no MTUS guideline, only sources outside the MTUS.` })),
};
