import type { Rule } from './rule';

export const issuesNoItems: Rule = {
  id: 'issues.no-items',
  description: 'The issues section names no disputed item with a decision.',
  why: 'A determination with no disputed item decides nothing.',
  example: 'IMR ISSUES, DECISIONS AND RATIONALES followed only by its lead sentence.',
  severity: 'error',
  check(letter) {
    const issues = letter.sections.find(
      (s) => s.kind === letter.layout.sections.find((x) => x.kind === 'issues' || x.kind === 'notice')?.kind,
    );
    if (!issues || letter.items.length > 0) return [];
    return [
      {
        range: issues.heading.range,
        message: `No disputed item found under ${issues.name}: expected lines such as "MRI of the lumbar spine: Upheld".`,
      },
    ];
  },
};
