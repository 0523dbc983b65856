// The PDF reader over pdfjs-dist, bundled on its own (dist/pdf-reader.js) and loaded only when a
// PDF is read. Runs in process: the worker module is imported here and handed to pdfjs as
// globalThis.pdfjsWorker, so no worker file or URL is looked for. No eval, no fonts loaded, no
// standard font data or character maps fetched: only the text and its positions are wanted.
import { nativePush } from './natives';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { type TextRun, layoutPages } from '../pdf/layout';
import { PDF_LIMITS, type PdfText, pdfProblem } from '../pdf/reader';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;
// Every push in the server or the command line would go through the polyfill otherwise (the
// polyfills that add what Node 20 lacks, as Promise.withResolvers, stay: pdfjs needs them).
Object.defineProperty(Array.prototype, 'push', {
  value: nativePush,
  writable: true,
  enumerable: false,
  configurable: true,
});

interface PdfjsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
}

/** Reads a PDF's text, page by page; rejects with a PdfProblem (by kind) when it cannot. */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const task = getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given, and refuses a Node Buffer:
    // a plain copy keeps the caller's bytes and suits it.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  // A password prompt would wait forever: an encrypted file is refused at once.
  task.onPassword = () => void task.destroy();
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') throw pdfProblem('encrypted');
    throw pdfProblem('corrupt');
  }
  try {
    if (doc.numPages > PDF_LIMITS.maxPages) throw pdfProblem('too-large', `${doc.numPages} pages`);
    const pages: TextRun[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push((content.items as PdfjsTextItem[]).flatMap(textRun));
      page.cleanup();
    }
    return layoutPages(pages);
  } catch (e) {
    throw (e as { kind?: unknown }).kind ? e : pdfProblem('corrupt');
  } finally {
    await doc.destroy();
  }
}

function textRun(item: PdfjsTextItem): TextRun[] {
  const t = item.transform;
  if (typeof item.str !== 'string' || !t || item.str.trim() === '') return [];
  return [{ str: item.str, x: t[4], y: t[5], width: item.width ?? 0, size: Math.hypot(t[2], t[3]) || 1 }];
}
