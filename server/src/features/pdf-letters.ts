// PDFs in the language server: the text of a PDF the client sends (for Import PDF Letters), and
// where a workspace PDF's findings are shown. The reader is passed in by the entry point (the
// Node server's, or the web worker's); where there is none, or it cannot load, the answer says why.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Letter } from '../letter/model';
import { PdfProblem, type ReadPdf, pageOfLine, pdfProblem, readPdfLetter } from '../pdf/reader';
import type { PdfTextAnswer } from '../protocol';
import { withPdfSource } from '../pdf/source';

/**
 * The letter text of a PDF's bytes, read as a letter. With `source` (the PDF's path from the
 * letter's folder), the text names it at its end, for Open Original PDF. Never throws.
 */
export async function pdfText(
  bytes: Uint8Array,
  readPdf: ReadPdf | undefined,
  parse: (text: string) => Letter,
  source?: string,
): Promise<PdfTextAnswer> {
  if (!readPdf) return { problem: pdfProblem('no-reader').message };
  const read = await readPdfLetter(bytes, readPdf);
  if (read instanceof PdfProblem) return { problem: read.message };
  const text = source ? withPdfSource(read.text, source) : read.text;
  return { text, pages: read.pages, recognized: parse(read.text).recognized };
}

/**
 * A workspace PDF's findings where a user can act on them: a line of the PDF's text means nothing
 * in the PDF, so each is at the PDF's start and opens with its page and the line it has in the text
 * (the same line in the letter imported from it, as the import adds no line); first, so a list
 * that cuts long messages short still shows them.
 */
export function onPdfPages(diagnostics: Diagnostic[], pages: readonly number[]): Diagnostic[] {
  const start = { line: 0, character: 0 };
  return diagnostics.map((d) => {
    const line = d.range.start.line;
    return {
      ...d,
      range: { start, end: start },
      message: `Page ${pageOfLine(pages, line)}, line ${line + 1} of its text: ${d.message}`,
    };
  });
}

/** Whether a workspace file's read failed for a reason the user should be told (a PDF problem, by its kind). */
export function isPdfProblem(e: unknown): e is { kind: string; message: string } {
  return typeof (e as { kind?: unknown } | undefined)?.kind === 'string' && e instanceof Error;
}
