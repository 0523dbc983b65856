import type { Rule } from './rule';

/** Set by the registry, which this rule cannot import without a cycle. */
export const KNOWN_RULE_IDS = new Set<string>();

export const suppressionUnknownRule: Rule = {
  id: 'suppression.unknown-rule',
  description: 'An inline {>>imr-disable ...<<} directive names a rule that does not exist, so it silences nothing.',
  why: 'A directive that names no rule silences nothing, so the finding it was meant to hide is still shown (or a typo hides the wrong one).',
  example: '`{>>imr-disable-line item.missing-feld<<}`.',
  severity: 'warning',
  appliesToAnyText: true,
  check: (letter) =>
    letter.suppressions.flatMap((s) =>
      s.rules.filter((id) => !KNOWN_RULE_IDS.has(id)).map((id) => ({ range: s.range, message: `imr-${s.kind} names an unknown rule "${id}".` })),
    ),
};
