import type { Rule } from './rule';

export const annotationNested: Rule = {
  id: 'annotation.nested',
  description:
    'An annotation is written inside another one (a comment inside a highlight, say), which CriticMarkup does not allow.',
  why: "Other tools that read CriticMarkup end the outer annotation at the inner one's marker, so they see a different letter; resolving the outer one may keep the inner one's markup in the text.",
  example:
    '`{==Uphled{>>note: misspelt<<}==}`: put the comment after the highlight, `{==Uphled==}{>>note: misspelt<<}`.',
  severity: 'warning',
  appliesToAnyText: true,
  check: (letter) => {
    // Annotations come in the order they start: one that starts before the last enclosing one ends is inside it.
    const found = [];
    let outer: (typeof letter.annotations)[number] | undefined;
    for (const a of letter.annotations) {
      if (outer && a.offsets.start < outer.offsets.end && a.offsets.start >= outer.offsets.innerStart) {
        found.push({
          range: a.range,
          message: `This annotation is inside another ${outer.form} (line ${outer.range.start.line + 1}); annotations cannot nest.`,
        });
        continue;
      }
      if (a.closed) outer = a;
    }
    return found;
  },
};
