import type { Rule } from './rule';

export const suppressionUnknownRule: Rule = {
  id: 'suppression.unknown-rule',
  description: 'An inline {>>imr-disable ...<<} directive names a rule that does not exist, so it silences nothing.',
  why: 'A directive that names no rule silences nothing, so the finding it was meant to hide is still shown (or a typo hides the wrong one).',
  example: '`{>>imr-disable-line item.missing-feld<<}`.',
  severity: 'warning',
  appliesToAnyText: true,
  check: (letter, context) =>
    letter.suppressions.flatMap((s) =>
      s.rules
        .filter((id) => !context.ruleIds.has(id))
        .map((id) => ({ range: s.range, message: `imr-${s.kind} names an unknown rule "${id}".` })),
    ),
};
