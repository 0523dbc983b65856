/**
 * What each rule was checked against in the real letters (../shared/imr-letters), for
 * docs/rules.md. test/real/forms.test.ts runs every rule over every letter in every form and fails
 * when a rule finds anything this does not list, or misses anything it does.
 */

export type ExtractionForm = 'layout' | 'raw' | 'spaced';

export const FORM_NAMES: Record<ExtractionForm, string> = {
  layout: '`pdftotext -layout` (`NNN.txt`)',
  raw: 'plain `pdftotext` (`raw/NNN.txt`)',
  spaced: 'double-spaced (`spaced/NNN.txt`)',
};

/** What a rule finds in the real letters, all of them correct but for 005.txt's slip. */
export interface RealFinding {
  files: string[];
  forms: ExtractionForm[];
  /** Why each finding is true (and, for a form left out, why that form has none). */
  why: string;
}

export const REAL_FINDINGS: Record<string, RealFinding> = {
  'summary.injury-date-mismatch': {
    files: ['005.txt'],
    forms: ['layout', 'raw', 'spaced'],
    why: 'the case summary speaks of "an industrial injury of October 10, 2015", the header of 10/10/2016: a true slip in the letter (SOURCES.md).',
  },
  'text.split-word': {
    files: ['003.txt', '006.txt', '009.txt', '010.txt'],
    forms: ['layout', 'spaced'],
    why: 'hints on words the PDF wrapped at a hyphen ("FDA-" / "approved", "right-" / "sided"); plain `pdftotext` joins such words itself, so its form has none.',
  },
  'text.form-feed-in-field': {
    files: ['003.txt', '010.txt'],
    forms: ['layout', 'raw'],
    why: 'hints on page breaks in the middle of a rationale\'s sentence ("The request for electromyography" / page break / "is not supported"); the double-spaced form drops form feeds.',
  },
};

/**
 * Rules whose fixture siblings in the real shape are tried in all three forms
 * (test/unit/fidelity.test.ts), besides the run over the real letters.
 */
export const FIDELITY_FIXTURES = new Set([
  'summary.injury-date-mismatch',
  'summary.undecided-treatment',
  'item.no-conclusion',
  'item.conclusion-names-other-treatment',
  'item.decision-contradicts-rationale',
  'citation.maximus-non-mtus-only',
  'text.split-word',
  'text.form-feed-in-field',
]);

/** The line docs/rules.md gives a rule about the real letters. */
export function realLetterNote(ruleId: string): string {
  const found = REAL_FINDINGS[ruleId];
  const run =
    'Run over the real letters in all three extraction forms (`pdftotext -layout`, plain `pdftotext`, double-spaced) and 000.txt';
  const result = found
    ? `; it finds ${found.files.join(', ')} in the ${found.forms.map((f) => FORM_NAMES[f]).join(' and ')} form${found.forms.length > 1 ? 's' : ''}: ${found.why}`
    : ', on which it finds nothing (they are correct)';
  const fixtures = FIDELITY_FIXTURES.has(ruleId)
    ? ' Siblings of the real cases, in the real shape, are tried in all three forms too (`test/unit/fidelity.test.ts`).'
    : '';
  const sentence = `${run}${result}`;
  return `**Checked against real letters.** ${sentence.endsWith('.') ? sentence : `${sentence}.`}${fixtures}`;
}
