import type { Rule } from './rule';

export const sectionOutOfOrder: Rule = {
  id: 'section.out-of-order',
  description: "The sections are not in the order the letter's layout gives them.",
  why: 'Letters follow a fixed order; a section out of place suggests pages assembled in the wrong order.',
  example: 'IMR ISSUES, DECISIONS AND RATIONALES before CLINICAL CASE SUMMARY.',
  severity: 'warning',
  check(letter) {
    const order = letter.layout.sections.map((s) => s.kind);
    let highest = -1;
    return letter.sections.flatMap((s) => {
      const at = order.indexOf(s.kind);
      if (at >= highest) {
        highest = at;
        return [];
      }
      return [
        {
          range: s.heading.range,
          message: `Section ${s.name} should come before ${letter.layout.sections[highest].heading}.`,
        },
      ];
    });
  },
};
