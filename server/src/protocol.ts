// The custom requests (imr/*) the VS Code client sends the server, with their payloads: declared
// once here, imported by both sides. Types only, so neither bundle gains code from it.
import type { Range, TextEdit } from 'vscode-languageserver-types';

export type AnnotationExportFormat = 'markdown' | 'csv' | 'json';

/** What the status item shows for the active letter. */
export interface LetterSummary {
  items: number;
  upheld: number;
  overturned: number;
  /** Items with no decision (or one that is neither Upheld nor Overturned). */
  undecided: number;
  caseNumber?: string;
  /** The last day to appeal (the Decision Date plus 30 days), as letters write dates. */
  appealBy?: string;
  /** "3 items: 2 upheld, 1 overturned" (undecided ones named), or "not an IMR letter". */
  text: string;
}

/** A PDF's letter text (and whether it reads as an IMR letter), or why there is none. */
export type PdfTextAnswer = { text: string; pages: number[]; recognized: boolean } | { problem: string };

/** Each request: its method name, what it is sent, and what it answers. */
export interface Requests {
  /** Reflow Letter: the edits, for the version they were computed on. */
  'imr/reflow': { params: { uri: string }; result: { version: number; edits: TextEdit[] } | null };
  'imr/summary': { params: { uri: string }; result: LetterSummary | null };
  /** Check All Letters in Workspace: findings of the letters not open are pushed; the counts come back. */
  'imr/checkWorkspace': {
    params: Record<string, never>;
    result: { checked: number; total: number; withErrors: number };
  };
  'imr/exportAnnotations': { params: { uri: string; format: AnnotationExportFormat }; result: string | null };
  /** The letter without any annotation markup, byte for byte as it was. */
  'imr/cleanText': { params: { uri: string }; result: string | null };
  /** Where the letter's annotations are, in order (Next / Previous Annotation). */
  'imr/annotations': { params: { uri: string }; result: Range[] | null };
  /**
   * Import PDF Letters: the text of a PDF's bytes (base64), read by the server's PDF reader (Node
   * only); with `source` (the PDF's path from the letter's folder) the text names its PDF at its end.
   */
  'imr/pdfText': { params: { data: string; source?: string }; result: PdfTextAnswer };
  /** Open Original PDF: the PDF the letter names as its source, as a path from the letter's folder. */
  'imr/pdfSource': { params: { uri: string }; result: string | null };
}

export type Method = keyof Requests;
export type ParamsOf<M extends Method> = Requests[M]['params'];
export type ResultOf<M extends Method> = Requests[M]['result'];
