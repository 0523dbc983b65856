// PDFs in the language server: the text of a PDF the client sends (for Import PDF Letters), and
// the diagnostic a workspace PDF gets when it gives no letter text. The reader is passed in by
// the entry point (Node); where there is none (the web worker), the answer says why.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Letter } from '../letter/model';
import { PdfProblem, type ReadPdf, readPdfLetter } from '../pdf/reader';
import type { PdfTextAnswer } from '../protocol';

const NO_PDF_READER =
  'PDF letters are read by VS Code desktop (and by imr-lint import): in VS Code for the Web the extension does not carry the PDF reader (1.7 MB), so this PDF cannot be imported here';

/** The letter text of a PDF's bytes, read as a letter. Never throws. */
export async function pdfText(
  bytes: Uint8Array,
  readPdf: ReadPdf | undefined,
  parse: (text: string) => Letter,
): Promise<PdfTextAnswer> {
  if (!readPdf) return { problem: NO_PDF_READER };
  const read = await readPdfLetter(bytes, readPdf);
  if (read instanceof PdfProblem) return { problem: read.message };
  return { text: read.text, pages: read.pages, recognized: parse(read.text).recognized };
}

/** A workspace PDF that gave no letter text: one error at its start, saying why. */
export function pdfProblemDiagnostic(problem: { message: string }): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 1,
    source: 'imr',
    code: 'letter.pdf-unreadable',
    message: problem.message,
  };
}

/** Whether a workspace file's read failed for a reason the user should be told (a PDF problem, by its kind). */
export function isPdfProblem(e: unknown): e is { kind: string; message: string } {
  return typeof (e as { kind?: unknown } | undefined)?.kind === 'string' && e instanceof Error;
}
