import type { Item } from '../letter/model';
import type { Rule } from './rule';

// A rationale saying the MTUS has nothing on the treatment: "The CA MTUS/ACOEM Guidelines do not
// address.", "The MTUS is silent on ...", "not addressed by the MTUS". Read in the sentence around
// each mention of the MTUS, so no pattern runs over the whole rationale from an unbounded start.
const MTUS = /\bMTUS\b/g;
const SILENT = /\b(?:does|do|did)\s+not\s+(?:specifically\s+)?address|\b(?:is|are)\s+silent|\bnot\s+addressed\b/i;

function saysMtusIsSilent(rationale: string): boolean {
  MTUS.lastIndex = 0;
  for (let m = MTUS.exec(rationale); m; m = MTUS.exec(rationale)) {
    const start = rationale.lastIndexOf('.', m.index) + 1;
    const stop = rationale.indexOf('.', m.index);
    if (
      SILENT.test(
        rationale.slice(Math.max(start, m.index - 120), stop < 0 ? m.index + 120 : Math.min(stop, m.index + 120)),
      )
    )
      return true;
  }
  return false;
}

/** Whether the item says why it went outside the MTUS: the fixed statement in its MAXIMUS guideline, or its rationale. */
function saysWhy(item: Item): boolean {
  const maximus = item.fields.find((f) => f.kind === 'maximusGuideline');
  if (maximus?.citations?.some((c) => c.statement === 'outside-mtus')) return true;
  const rationale = item.fields.find((f) => f.kind === 'rationale')?.value?.text;
  return rationale !== undefined && saysMtusIsSilent(rationale);
}

export const citationMaximusNonMtusOnly: Rule = {
  id: 'citation.maximus-non-mtus-only',
  description:
    'The MAXIMUS guideline relies only on sources outside the MTUS, and neither it nor the rationale says why (the MTUS is presumed correct, 8 CCR 9792.25, and 9792.21.1 sets the search order).',
  why: 'The MTUS is presumed correct (8 CCR 9792.25); a decision resting only on other sources should say why the MTUS does not address the treatment (8 CCR 9792.21.1). Letters that say so ("The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines", "The CA MTUS/ACOEM Guidelines do not address") are not flagged.',
  example:
    '`MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Knee & Leg.` with a rationale that never says the MTUS is silent.',
  severity: 'information',
  checkItem: (item) => {
    const only = item.fields.filter(
      (f) =>
        f.kind === 'maximusGuideline' &&
        f.citations?.some((c) => c.kind === 'non-mtus') &&
        !f.citations.some((c) => c.kind === 'mtus' || (c.kind === 'prose' && c.entry?.mtus)),
    );
    if (only.length === 0 || saysWhy(item)) return [];
    return only.map((f) => ({
      range: f.label.range,
      message: `The MAXIMUS guideline for "${item.name}" cites no MTUS guideline, only sources outside the MTUS, and the letter does not say why.`,
    }));
  },
};
