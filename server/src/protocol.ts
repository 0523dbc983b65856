// The custom requests (imr/*) the VS Code client sends the server, with their payloads: declared
// once here, imported by both sides. Types only, so neither bundle gains code from it.
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';

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

/** Narrows the Precedents view; a category replaces "similar" with every item of that category. */
export interface PrecedentFilter {
  category?: string;
  region?: string;
  guideline?: string;
  year?: string;
}

/** An item of another letter in the Precedents view. */
export interface PrecedentEntry {
  uri: string;
  /** The item's line (0-based), where the letter opens. */
  line: number;
  file: string;
  item: string;
  decision: string;
  decisionDate: string;
  category: string;
  region: string;
  drug: string;
  maximusGuidelines: string[];
}

/** The Precedents view of the item at a position: similar items grouped by decision. */
export interface PrecedentsAnswer {
  /** The item at the position, and what "similar" meant for it ("Pharmaceuticals: Opioids · tramadol"). */
  item: string;
  similarTo: string;
  /** Letters indexed so far, and whether the index is complete. */
  indexed: number;
  complete: boolean;
  filter: PrecedentFilter;
  /** Upheld, Overturned, then any other decision written; each group's total (entries are capped). */
  groups: { decision: string; total: number; entries: PrecedentEntry[] }[];
  /** The values the filter can take among the items before filtering. */
  choices: { category: string[]; region: string[]; guideline: string[]; year: string[] };
}

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
  /** The Precedents view: the similar items of the item at `position` (null when none is there). */
  'imr/precedents': {
    params: { uri: string; position: Position; filter?: PrecedentFilter };
    result: PrecedentsAnswer | null;
  };
}

export type Method = keyof Requests;
export type ParamsOf<M extends Method> = Requests[M]['params'];
export type ResultOf<M extends Method> = Requests[M]['result'];
