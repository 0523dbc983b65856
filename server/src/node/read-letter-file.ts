import { PDF_FILE, PdfProblem, decodeLetter, readPdfLetter } from '../service';
import { readPdfInNode } from './pdf-reader';
import { readFileBoundedAsync } from './read-file';

/** How a letter's bytes are read: without blocking in the server; the CLI may block (see readLetterFile). */
type ReadBytes = (path: string) => Buffer | Promise<Buffer>;

/** A letter file read: its text, and for a PDF the page of each line. */
export interface ReadLetter {
  text: string;
  /** Whether the bytes were UTF-8 (a PDF's text is not the file's bytes, so false). */
  utf8: boolean;
  /** For a PDF: pages[i] is the page of line i. */
  pages?: number[];
  /** The file's bytes as read (what --fix checks the file still holds before it replaces it). */
  bytes: Buffer;
}

/** Whether bytes open as a PDF does, whatever the file's name. */
function startsAsPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

/**
 * Reads a letter: a PDF (by its name, or by its first bytes) through the PDF reader, any other file
 * as text. A PDF that gives no text comes back as its PdfProblem; a file that cannot be read at all (or is no regular file, or is over 50 MB)
 * rejects, with a FileRefused that says why when it is one. A thread with nothing else to do (the
 * CLI's) reads with readFileBounded: the promise-based file handle costs more than the letter's analysis.
 */
export async function readLetterFile(
  path: string,
  readBytes: ReadBytes = readFileBoundedAsync,
): Promise<ReadLetter | PdfProblem> {
  const bytes = await readBytes(path);
  if (!PDF_FILE.test(path) && !startsAsPdf(bytes)) return { ...decodeLetter(bytes), bytes };
  const read = await readPdfLetter(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), readPdfInNode);
  return read instanceof PdfProblem ? read : { text: read.text, utf8: false, pages: read.pages, bytes };
}
