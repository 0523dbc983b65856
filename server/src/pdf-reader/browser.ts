// The PDF reader for VS Code for the Web: the same reader, bundled as a classic script
// (dist/browser/pdf-reader.js) that the server's web worker loads with importScripts the first
// time a PDF is read, and finds on globalThis.
import { readPdf } from './pdfjs';

(globalThis as { imrPdfReader?: unknown }).imrPdfReader = { readPdf };
