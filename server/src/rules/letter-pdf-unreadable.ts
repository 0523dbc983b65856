import type { Rule } from './rule';

/**
 * No text to check: the finding is made from what the PDF reader said (`checkUnreadablePdf`),
 * here for its id, its level and its entry in the reference.
 */
export const letterPdfUnreadable: Rule = {
  id: 'letter.pdf-unreadable',
  description:
    'A PDF gave no letter text: it is a scanned image with no text layer, encrypted, truncated, damaged, too large, or not a PDF despite its name. The message says which.',
  why: 'A letter that cannot be read cannot be checked, and a folder of PDFs must not drop one silently: the finding names what to do (run OCR, save an unprotected copy, download it again).',
  example: 'A letter scanned from paper: `this PDF has no text: it is a scanned image; run OCR first`.',
  severity: 'error',
  appliesToAnyText: true,
};
