import type { Rule } from './rule';

export const sectionDuplicate: Rule = {
  id: 'section.duplicate',
  description: 'A section heading appears twice.',
  why: 'A heading printed twice usually means pages were merged or pasted twice; the second copy may hide a different version of the text.',
  example: 'CLINICAL CASE SUMMARY appearing on page 1 and again on page 3.',
  severity: 'warning',
  check: (letter) =>
    letter.sections
      .filter((s, i) => letter.sections.findIndex((t) => t.kind === s.kind) < i)
      .map((s) => ({ range: s.heading.range, message: `Section ${s.name} appears a second time.` })),
};
