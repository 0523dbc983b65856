import type { Rule } from './rule';

export const sectionDuplicate: Rule = {
  id: 'section.duplicate',
  description: 'A section heading appears twice.',
  severity: 'warning',
  check: (letter) =>
    letter.sections
      .filter((s, i) => letter.sections.findIndex((t) => t.kind === s.kind) < i)
      .map((s) => ({ range: s.heading.range, message: `Section ${s.name} appears a second time.` })),
};
