// The PDF a letter was imported from, written into the letter as `{>>imr-source: NAME.pdf<<}`
// after its last line. It travels with the file (copied, moved, sent by mail), where a sidecar or
// the editor's memory would not; the analysis reads a letter without its annotations and
// directives, and after the last line it moves no line number, so line N of the letter is still
// line N of the PDF's text and the pages of its lines stay right.

const OPEN = '{>>imr-source: ';
const CLOSE = '<<}';

/**
 * The letter's text with its source PDF named at its end: `reference` is the PDF's path from the
 * letter's folder, with '/' between folders (encoded as in an address, so no name can close the directive).
 */
export function withPdfSource(text: string, reference: string): string {
  return text + OPEN + encodeURI(reference) + CLOSE;
}

/** The PDF a letter names as its source (a path from the letter's folder), if it names one. */
export function pdfSourceOf(text: string): string | undefined {
  const open = text.lastIndexOf(OPEN);
  if (open < 0) return undefined;
  const close = text.indexOf(CLOSE, open);
  if (close < 0) return undefined;
  try {
    return decodeURI(text.slice(open + OPEN.length, close).trim()) || undefined;
  } catch {
    return undefined; // not a reference this product wrote
  }
}
