// What the letter service knows of PDFs: a reader passed in (the server and the command line load
// pdfjs-dist lazily, from its own bundle chunk), the limits it keeps and the messages it gives.
// Nothing here imports a PDF library or a Node module.

/** A letter's text as read from a PDF, and the page (1-based) each of its lines came from. */
export interface PdfText {
  text: string;
  /** pages[i] is the page of line i of text (lines split at '\n'; a form feed starts a page). */
  pages: number[];
}

/** The page line `line` of a PDF's text came from; past the last line (a finding at the very end), the last page. */
export function pageOfLine(pages: readonly number[], line: number): number {
  return pages[line] ?? pages[pages.length - 1];
}

/** Reads a PDF's bytes into text; rejects with a PdfProblem when it cannot. */
export type ReadPdf = (bytes: Uint8Array) => Promise<PdfText>;

export type PdfProblemKind = 'not-pdf' | 'encrypted' | 'truncated' | 'corrupt' | 'no-text' | 'too-large' | 'no-reader';

/** Why a PDF gave no letter text; the message is written for the reader of the letter. */
export class PdfProblem extends Error {
  constructor(
    readonly kind: PdfProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'PdfProblem';
  }
}

/** IMR letters run to a few pages; past these a PDF is not read at all, so time and memory stay bounded. */
export const PDF_LIMITS = { maxPages: 100, maxBytes: 50 * 1024 * 1024 };

export const PDF_MESSAGES: Record<PdfProblemKind, string> = {
  'not-pdf': 'this file is not a PDF (it does not start with %PDF-), despite its name',
  encrypted: 'this PDF is encrypted (password-protected); open it in a PDF reader and save an unprotected copy first',
  truncated:
    'this PDF is truncated: it stops before its end-of-file marker (%%EOF), as a download cut short does; download it again',
  corrupt: 'this PDF is damaged and cannot be read; download it again',
  'no-text': 'this PDF has no text: it is a scanned image; run OCR first',
  'no-reader':
    'the PDF reader could not be loaded here, so this PDF cannot be read; import it in VS Code desktop or with imr-lint import, and open the .imr it writes',
  'too-large': `this PDF is too large to be an IMR letter (more than ${PDF_LIMITS.maxPages} pages or ${PDF_LIMITS.maxBytes / 1024 / 1024} MB), so it was not read`,
};

export function pdfProblem(kind: PdfProblemKind, detail?: string): PdfProblem {
  return new PdfProblem(kind, detail ? `${PDF_MESSAGES[kind]} (${detail})` : PDF_MESSAGES[kind]);
}

/** Whether bytes are a PDF: "%PDF-" within the first KiB, where readers accept it. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= end; i++) {
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    )
      return true;
  }
  return false;
}

/** Whether the PDF's end-of-file marker is where writers put it, in the last KiB. */
function endsLikePdf(bytes: Uint8Array): boolean {
  const marker = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
  for (let i = bytes.length - marker.length; i >= Math.max(0, bytes.length - 1024); i--) {
    if (marker.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}

/** Files named as PDFs. */
export const PDF_FILE = /\.pdf$/i;

/**
 * A PDF's letter text through the reader passed in, with the checks that come before and after
 * reading: not a PDF, too large, no text at all. Never throws; a problem comes back as one.
 */
export async function readPdfLetter(bytes: Uint8Array, readPdf: ReadPdf): Promise<PdfText | PdfProblem> {
  if (!looksLikePdf(bytes)) return pdfProblem('not-pdf');
  if (bytes.length > PDF_LIMITS.maxBytes) return pdfProblem('too-large');
  if (!endsLikePdf(bytes)) return pdfProblem('truncated');
  try {
    const read = await readPdf(bytes);
    return read.text.trim() === '' ? pdfProblem('no-text') : read;
  } catch (e) {
    // The reader lives in its own bundle, with its own copy of PdfProblem: known by its kind.
    const kind = (e as { kind?: unknown } | undefined)?.kind;
    return typeof kind === 'string' && kind in PDF_MESSAGES
      ? new PdfProblem(kind as PdfProblemKind, (e as Error).message)
      : pdfProblem('corrupt');
  }
}
