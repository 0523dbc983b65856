import type { Section } from '../letter/model';
import { PLACEHOLDER } from '../vocabulary/labels';
import type { Rule } from './rule';

export const sectionMissing: Rule = {
  id: 'section.missing',
  description: "A section the letter's layout requires is missing.",
  why: "Each section carries part of the determination's legal basis; a letter missing one is incomplete, and a reader cannot check what the reviewer relied on.",
  example:
    'A letter that goes from HOW THE IMR FINAL DETERMINATION WAS MADE straight to IMR ISSUES, DECISIONS AND RATIONALES.',
  severity: 'error',
  check(letter) {
    const present = new Set(letter.sections.map((s) => s.kind));
    const specs = letter.layout.sections;
    const find = (kind: string) => letter.sections.find((x) => x.kind === kind);
    return specs.flatMap((spec, k) => {
      if (!spec.required || present.has(spec.kind)) return [];
      // Reported where the section belongs: on the heading of the next section that is there, else the previous one.
      const next = specs
        .slice(k + 1)
        .map((s) => find(s.kind))
        .find(Boolean);
      const prev = specs
        .slice(0, k)
        .reverse()
        .map((s) => find(s.kind))
        .find(Boolean);
      const anchor = next ?? prev;
      const where = next ? ` (expected before ${next.name})` : prev ? ` (expected after ${prev.name})` : '';
      return [
        {
          range: anchor?.heading.range ??
            letter.header?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: `Missing section ${spec.heading}${where}.`,
          fixes: anchor
            ? () => [
                {
                  title: `Insert the ${spec.heading} heading with a placeholder`,
                  edits: [insertion(spec.heading, next, prev!)],
                },
              ]
            : undefined,
        },
      ];
    });
  },
};

function insertion(heading: string, next: Section | undefined, prev: Section) {
  if (next) {
    const at = { line: next.heading.range.start.line, character: 0 };
    return { range: { start: at, end: at }, newText: `${heading}\n${PLACEHOLDER}\n\n` };
  }
  const end = prev.range.end;
  return { range: { start: end, end }, newText: `\n\n${heading}\n${PLACEHOLDER}` };
}
