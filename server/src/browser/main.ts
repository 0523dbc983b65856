// The language server in a web worker (VS Code for the web): the same service, no file system.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { type ReadPdf, pdfProblem } from '../service';
import { startServer } from '../server';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] & {
  location: { href: string };
  importScripts(...urls: string[]): void;
};

let loaded: ReadPdf | undefined;

/**
 * The PDF reader, loaded from beside this worker's script (dist/browser/pdf-reader.js) the first
 * time a PDF is read (Import PDF Letters sends its bytes): opening text letters never loads it.
 */
const readPdfInWorker: ReadPdf = (bytes) => {
  if (!loaded) {
    try {
      self.importScripts(new URL('pdf-reader.js', self.location.href).href);
    } catch {
      throw pdfProblem('no-reader');
    }
    loaded = (globalThis as { imrPdfReader?: { readPdf: ReadPdf } }).imrPdfReader?.readPdf;
    if (!loaded) throw pdfProblem('no-reader');
  }
  return loaded(bytes);
};

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)), {
  readPdf: readPdfInWorker,
});
