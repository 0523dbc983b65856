/** The kinds an annotation comment may start with (`{>>question: ...<<}`), and what each means. */
export interface AnnotationKind {
  id: string;
  description: string;
  /** For appeal grounds: the subsection of Labor Code 4610.6(h) it stands for. */
  ground?: string;
}

export const STATUTE_URL =
  'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=LAB&sectionNum=4610.6';

// Labor Code 4610.6(h): the only grounds on which an IMR determination can be appealed (shared/domain.md).
export const DEFAULT_KINDS: readonly AnnotationKind[] = [
  { id: 'note', description: 'A note.' },
  { id: 'todo', description: 'Something still to do; listed in the Problems panel.' },
  { id: 'question', description: 'A question to raise or check.' },
  {
    id: 'appeal-authority',
    description: 'Possible ground for appeal.',
    ground: "4610.6(h)(1): the administrative director acted without or in excess of the director's powers.",
  },
  {
    id: 'appeal-fraud',
    description: 'Possible ground for appeal.',
    ground: '4610.6(h)(2): the determination was procured by fraud.',
  },
  {
    id: 'appeal-conflict',
    description: 'Possible ground for appeal.',
    ground: '4610.6(h)(3): the independent medical reviewer was subject to a material conflict of interest.',
  },
  {
    id: 'appeal-bias',
    description: 'Possible ground for appeal.',
    ground:
      '4610.6(h)(4): the determination was the result of bias on the basis of race, national origin, ethnic group identification, religion, age, sex, sexual orientation, color, or disability.',
  },
  {
    id: 'appeal-fact',
    description: 'Possible ground for appeal.',
    ground:
      '4610.6(h)(5): the determination was the result of a plainly erroneous express or implied finding of fact, provided the mistake is a matter of ordinary knowledge based on the information submitted and not a matter subject to expert opinion.',
  },
];

/** The default kinds and those a user adds (setting `imrLetter.annotations.kinds`). */
export function kindVocabulary(extra: readonly string[] = []): AnnotationKind[] {
  const added = extra
    .map((k) => k.trim().toLowerCase())
    .filter((k) => /^[a-z][a-z-]*$/.test(k) && !DEFAULT_KINDS.some((d) => d.id === k))
    .map((id) => ({ id, description: 'A kind added in the settings.' }));
  return [...DEFAULT_KINDS, ...added];
}
