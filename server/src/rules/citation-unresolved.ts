import type { Finding, Rule } from './rule';

export const citationUnresolved: Rule = {
  id: 'citation.unresolved',
  description: 'A guideline citation (or one of its sections) matches no entry of the guideline catalog.',
  why: 'A citation the catalog does not know cannot be looked up from the letter; it may be mistyped, or a source the catalog lacks.',
  example: '`Decision based on MTUS Knee Troubles 2004.`',
  severity: 'hint',
  check: (letter) =>
    letter.items.flatMap((item) =>
      item.fields.flatMap((field) =>
        (field.citations ?? []).flatMap((c): Finding[] => {
          if (c.kind !== 'mtus' && c.kind !== 'non-mtus') return [];
          if (!c.entry) return [{ range: c.span.range, message: `Guideline citation not in the catalog: "${c.span.text}".` }];
          // Only MTUS sections are catalogued; ODG topics are free text.
          if (c.kind !== 'mtus') return [];
          return c.parts
            .filter((p) => !p.entry)
            .map((p) => ({ range: p.span.range, message: `Section "${p.span.text}" of ${c.entry!.name} is not in the catalog.` }));
        }),
      ),
    ),
};
