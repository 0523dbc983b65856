import { join } from 'node:path';
import type { ReadPdf } from '../service';

let loaded: ReadPdf | undefined;

/**
 * The PDF reader, required from its own bundle (dist/pdf-reader.js, beside the server and the
 * command line) the first time a PDF is read: starting up and reading text letters never load it.
 */
export const readPdfInNode: ReadPdf = (bytes) => {
  // A variable path: esbuild leaves the require for run time instead of bundling the reader in.
  const file = join(__dirname, 'pdf-reader.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time, on the first PDF only
  loaded ??= (require(file) as { readPdf: ReadPdf }).readPdf;
  return loaded(bytes);
};
