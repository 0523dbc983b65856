// The letter service: the one front door the language server and the command line call. It owns
// the guideline catalog and the per-document cache (a model per version, and the memos that keep
// an edit cheap); every feature is a method that takes the document, what the request says, and
// the settings, and gives what the editor shows. Pure: no connection, no file system, no network.
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DocumentLink,
  FoldingRange,
  Hover,
  InlayHint,
  Position,
  Range,
  TextEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-types';
import { ANNOTATE_KIND, annotationActions } from '../features/annotation-actions';
import { annotationCompletions } from '../features/annotation-completion';
import { FIX_ALL_KIND, codeActions } from '../features/code-actions';
import { codeLenses } from '../features/code-lens';
import { completions } from '../features/completion';
import { diagnostics, sameDiagnostics, unreadablePdfDiagnostics } from '../features/diagnostics';
import { onPdfPages } from '../features/pdf-letters';
import { pdfSourceOf } from '../pdf/source';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { inlayHints } from '../features/inlay-hints';
import { letterSummary } from '../features/letter-summary';
import { documentLinks } from '../features/links';
import { type LimitedOutline, limitOutline } from '../features/outline-limit';
import { outlineToDepth } from '../features/outline-depth';
import { reflowEdits } from '../features/reflow';
import { structureCompletions } from '../features/structure-completion';
import { documentSymbols } from '../features/symbols';
import { letterSymbols, matches } from '../features/workspace-symbols';
import { type Catalog, DEFAULT_CATALOG } from '../guidelines/catalog';
import { withOverrides } from '../guidelines/overrides';
import { DocumentCache, type DocumentState } from '../incremental/document-cache';
import { stripAnnotations } from '../letter/annotations';
import type { Letter } from '../letter/model';
import { parseLetter } from '../letter/parse';
import { EXPORT_FORMATS, type ExportFormat, exportAnnotations } from '../reports/export-annotations';
import { outlineText } from '../reports/outline-text';
import { type CheckOptions, checkLetter, checkUnreadablePdf } from '../rules';
import type { Problem } from '../rules/rule';
import { safeEdits } from '../features/code-actions';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { kindVocabulary } from '../vocabulary/annotation-kinds';
import type { LetterSummary } from '../protocol';
import type { Settings } from './settings';

export { DEFAULT_SETTINGS, SECTION, type Settings, readSettings } from './settings';
export { ANNOTATE_KIND, FIX_ALL_KIND };
// What the command line writes besides findings: the same model, as tables and reports.
export { RULES, type CheckOptions } from '../rules';
export { LEVELS, type Level, type Problem } from '../rules/rule';
export { ITEM_COLUMNS, type ItemRow, csvLine, itemRows } from '../reports/item-table';
export { letterReport } from '../reports/letter-report';
export { printable } from '../reports/printable';
export {
  STATS_FORMATS,
  StatsCounter,
  type StatsReport,
  type StatsRow,
  itemStats,
  statsCsv,
  statsJson,
  statsRow,
  statsText,
} from '../reports/stats';
export { statsHtml } from '../reports/stats-html';
export {
  ITEM_TABLE,
  LETTER_TABLE,
  type ColumnKind,
  type TypedCell,
  type TypedColumn,
  letterRow,
  typedRow,
} from '../reports/typed-table';
export { SARIF_RESULTS_DEPTH, sarifFrame, sarifLog, sarifResults } from '../reports/sarif';
export {
  CSV_HEADER,
  EXPORT_FORMATS,
  type ExportSource,
  csvRows,
  exportAnnotations,
  webAnnotations,
} from '../reports/export-annotations';
export { JsonArrayText, jsonElement } from '../reports/json-array';
export { decodeLetter } from '../letter/text/decode';
export { fnv1a } from '../letter/text/fnv1a';
export type { Item, Letter } from '../letter/model';
export { decisionCount, decisionsPart } from '../features/letter-summary';
// PDFs: the reader is passed in by the entry points (Node); the service checks and lays out its text.
export { PDF_FILE, PdfProblem, type PdfText, type ReadPdf, pageOfLine, pdfProblem, readPdfLetter } from '../pdf/reader';
export { isPdfProblem, pdfText } from '../features/pdf-letters';
export { withPdfSource } from '../pdf/source';
// The workspace index of letters and what it answers (precedents): kept by the server, built from the same models.
export { type IndexedLetter, type ItemRecord, itemOnLine, letterRecords } from '../precedents/records';
export { WorkspaceIndex } from '../precedents/workspace-index';
export { decodeIndex, encodeIndex, readerKey } from '../precedents/cache';
export { type IndexProgress, precedentHover, precedentLens, precedentsAnswer } from '../precedents/answers';

/** A document as the service reads it: its address, its version and its text (an LSP TextDocument is one). */
export interface LetterDocument {
  readonly uri: string;
  readonly version: number;
  getText(range?: Range): string;
  offsetAt(position: Position): number;
}

/** Asked between steps of a long request; a cancelled request gives what it has (or nothing). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** A letter file that is not open: its address and a way to read its text. */
export interface LetterFile {
  uri: string;
  /** Changes when the file does (modification time and size, say). */
  stamp: string;
  /** Its text; for a PDF, the PDF's letter text and the page of each line. */
  read(): Promise<{ text: string; pages?: number[] }>;
  /** A hash of the file's bytes, cheaper than `read` (no PDF is opened): the saved index's key. */
  hash?(): Promise<string>;
}

/** What the client's edits can carry. */
export interface EditSupport {
  /** Snippet edits (LSP 3.18): the cursor can land inside a new annotation. */
  snippets: boolean;
  /** Versioned edits (`documentChanges`): refused by the editor once the text has changed. */
  versioned: boolean;
}

export interface DiagnosticReport {
  resultId: string;
  items: Diagnostic[];
  /** True when the findings are those of the report `previousResultId` named. */
  unchanged: boolean;
}

export interface LetterServiceOptions {
  /** The guideline catalog (default: the built-in one). */
  catalog?: Catalog;
  /** The address of the rule reference, so each diagnostic links to its rule. */
  rulesDoc?: string;
}

/** The extensions that make a file a letter by its name alone (a `.txt` must read as one). */
const NAMED_AS_LETTER = /\.imr(\.txt)?$/i;

const NOT_CANCELLED: Cancellation = { isCancellationRequested: false };

export type LetterService = ReturnType<typeof createLetterService>;

export function createLetterService(options: LetterServiceOptions = {}) {
  let cache = new DocumentCache(options.catalog ?? DEFAULT_CATALOG);
  // The last diagnostics report of each document, to answer a pull "unchanged" (LSP 3.17 result ids).
  const reports = new Map<string, { version: number; resultId: string; items: Diagnostic[] }>();
  let lastResultId = 0;
  const stateOf = (doc: LetterDocument): DocumentState => cache.get(doc.uri, doc.version, () => doc.getText());
  const modelOf = (doc: LetterDocument): Letter => stateOf(doc).letter;
  const kindsOf = (settings: Settings) => kindVocabulary(settings.annotationKinds);

  return {
    ...textFeatures(() => cache.catalog),
    ...commandFeatures(modelOf, () => cache.catalog),
    ...editingFeatures(stateOf, () => cache.catalog),

    get catalog(): Catalog {
      return cache.catalog;
    },

    /**
     * Uses the built-in catalog with the entries of a catalog file (parsed JSON) added or
     * overriding; gives what in the file could not be used. Every model is read again.
     */
    useCatalogFile(json: unknown | undefined): string[] {
      const { catalog, errors } =
        json === undefined ? { catalog: DEFAULT_CATALOG, errors: [] } : withOverrides(DEFAULT_CATALOG, json);
      cache = new DocumentCache(catalog);
      reports.clear();
      return errors;
    },

    /** The document's model (read once per version). */
    analyse: modelOf,

    /** Forgets what was kept for a document that closed. */
    close(uri: string): void {
      cache.delete(uri);
      reports.delete(uri);
    },

    diagnostics(doc: LetterDocument, settings: Settings, token: Cancellation = NOT_CANCELLED): Diagnostic[] {
      if (token.isCancellationRequested) return [];
      const { letter, findings } = stateOf(doc);
      return diagnostics(letter, settings, options.rulesDoc, findings);
    },

    /**
     * The diagnostics of a pull, with a result id: the same findings as the last report's keep
     * its id, so a pull that names it is answered "unchanged" and the editor redraws nothing.
     */
    diagnosticReport(
      doc: LetterDocument,
      settings: Settings,
      previousResultId?: string,
      token: Cancellation = NOT_CANCELLED,
    ): DiagnosticReport {
      const items = this.diagnostics(doc, settings, token);
      const last = reports.get(doc.uri);
      if (last && sameDiagnostics(last.items, items))
        return { resultId: last.resultId, items, unchanged: last.resultId === previousResultId };
      const resultId = String(++lastResultId);
      reports.set(doc.uri, { version: doc.version, resultId, items });
      return { resultId, items, unchanged: false };
    },

    /**
     * The findings of a letter that is not open, or undefined for a file that is not a letter and
     * not named as one (a folder holds notes too; a `.imr` that is empty or binary is told so).
     */
    fileDiagnostics(uri: string, text: string, settings: Settings, pages?: number[]): Diagnostic[] | undefined {
      const letter = this.read(text);
      if (!letter.recognized && !NAMED_AS_LETTER.test(uri)) return undefined;
      const found = diagnostics(letter, settings, options.rulesDoc);
      return pages ? onPdfPages(found, pages) : found;
    },

    /** A file that is a PDF but gave no letter text: why, as letter.pdf-unreadable (nothing when that is off). */
    unreadableFileDiagnostics(message: string, settings: Settings): Diagnostic[] {
      return unreadablePdfDiagnostics(message, settings, options.rulesDoc);
    },

    symbols(doc: LetterDocument, settings: Settings, token: Cancellation = NOT_CANCELLED): LimitedOutline | null {
      if (token.isCancellationRequested) return null;
      const { letter, outline } = stateOf(doc);
      return limitOutline(
        outlineToDepth(documentSymbols(letter, outline), settings.outlineDepth),
        settings.outlineLimit,
      );
    },

    folding(doc: LetterDocument, token: Cancellation = NOT_CANCELLED): FoldingRange[] {
      if (token.isCancellationRequested) return [];
      return foldingRanges(modelOf(doc));
    },

    hover(
      doc: LetterDocument,
      position: Position,
      settings: Settings,
      token: Cancellation = NOT_CANCELLED,
    ): Hover | null {
      if (token.isCancellationRequested) return null;
      return hover(modelOf(doc), position, cache.catalog, kindsOf(settings));
    },

    links(doc: LetterDocument, token: Cancellation = NOT_CANCELLED): DocumentLink[] {
      if (token.isCancellationRequested) return [];
      return documentLinks(modelOf(doc), cache.catalog);
    },

    /** The symbols of an open letter, for workspace symbol search. */
    documentWorkspaceSymbols(doc: LetterDocument): WorkspaceSymbol[] {
      return letterSymbols(modelOf(doc), doc.uri);
    },

    /** The symbols of a letter that is not open. */
    textWorkspaceSymbols(uri: string, text: string): WorkspaceSymbol[] {
      return letterSymbols(this.read(text), uri);
    },

    matchesQuery: matches,
  };
}

/** A line of a document without its line break. */
function lineOf(doc: LetterDocument, line: number): string {
  return doc
    .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    .replace(/\r?\n$|\r$/, '');
}

/** What editing a letter asks: completion, code actions, inline hints and lenses, formatting. */
function editingFeatures(stateOf: (doc: LetterDocument) => DocumentState, catalog: () => Catalog) {
  const kindsOf = (settings: Settings) => kindVocabulary(settings.annotationKinds);
  return {
    completion(
      doc: LetterDocument,
      position: Position,
      settings: Settings,
      token: Cancellation = NOT_CANCELLED,
    ): CompletionItem[] {
      if (token.isCancellationRequested) return [];
      const line = lineOf(doc, position.line);
      const prefix = line.slice(0, position.character);
      return [
        ...annotationCompletions(position, prefix, kindsOf(settings)),
        ...completions(position, prefix, catalog()),
        ...structureCompletions(stateOf(doc).letter, position, prefix, line.slice(position.character)),
      ];
    },

    /** Quick fixes, fix-all and fix-on-save for the findings in `diagnostics`, and the annotation actions at `range`. */
    codeActions(
      doc: LetterDocument,
      range: Range,
      request: { diagnostics: Diagnostic[]; only?: string[] },
      settings: Settings,
      edits: EditSupport,
      token: Cancellation = NOT_CANCELLED,
    ): CodeAction[] {
      if (token.isCancellationRequested) return [];
      const { letter, findings } = stateOf(doc);
      const { only } = request;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
      const target = {
        uri: doc.uri,
        version: edits.versioned ? doc.version : undefined,
        lineLength: (line: number) => lineOf(doc, line).length,
      };
      const annotating = {
        uri: doc.uri,
        version: doc.version,
        text: doc.getText(),
        offsetAt: (p: Position) => doc.offsetAt(p),
        kinds: kindsOf(settings),
        snippets: edits.snippets,
        versioned: edits.versioned,
      };
      return [
        ...codeActions(target, letter, request.diagnostics, settings, only, findings),
        ...annotationActions(letter, range, request.diagnostics, annotating, wants),
      ];
    },

    inlayHints(
      doc: LetterDocument,
      range: Range,
      settings: Settings,
      token: Cancellation = NOT_CANCELLED,
    ): InlayHint[] | null {
      if (token.isCancellationRequested) return null;
      return settings.inlayHints ? inlayHints(stateOf(doc).letter, range) : null;
    },

    codeLenses(doc: LetterDocument, token: Cancellation = NOT_CANCELLED): CodeLens[] {
      if (token.isCancellationRequested) return [];
      return codeLenses(stateOf(doc).letter);
    },

    /** Format Document reflows only when the settings ask: it rewrites line breaks. */
    format(doc: LetterDocument, settings: Settings, token: Cancellation = NOT_CANCELLED): TextEdit[] | null {
      if (token.isCancellationRequested) return null;
      return settings.reflowOnFormat ? reflowEdits(stateOf(doc).letter, doc.getText(), catalog()) : null;
    },
  };
}

/** What the VS Code client's commands ask of an open letter (protocol.ts). */
function commandFeatures(modelOf: (doc: LetterDocument) => Letter, catalog: () => Catalog) {
  return {
    /** Reflow Letter: one line per paragraph, the words as they were (no edit unless the letter reads the same after). */
    reflow(doc: LetterDocument): TextEdit[] {
      return reflowEdits(modelOf(doc), doc.getText(), catalog());
    },

    summary(doc: LetterDocument): LetterSummary {
      return letterSummary(modelOf(doc));
    },

    /** The letter's annotations as an appeal worksheet, a table or W3C Web Annotations; null for an unknown format. */
    exportAnnotations(doc: LetterDocument, format: string, settings: Settings): string | null {
      if (!EXPORT_FORMATS.includes(format as ExportFormat)) return null;
      return exportAnnotations(
        { name: fileName(doc.uri), uri: doc.uri, text: doc.getText(), letter: modelOf(doc) },
        format as ExportFormat,
        kindVocabulary(settings.annotationKinds),
      );
    },

    cleanText(doc: LetterDocument): string {
      return stripAnnotations(doc.getText());
    },

    /** The PDF the letter was imported from, as its path from the letter's folder (Open Original PDF). */
    pdfSource(doc: LetterDocument): string | null {
      return pdfSourceOf(doc.getText()) ?? null;
    },

    annotationRanges(doc: LetterDocument): Range[] {
      return modelOf(doc).annotations.map((a) => a.range);
    },
  };
}

/** What the command line asks of a letter's text: no document, nothing kept. */
function textFeatures(catalog: () => Catalog) {
  return {
    /** A text's model, read afresh and kept nowhere (the command line, letters not open). */
    read(text: string): Letter {
      return parseLetter(text, catalog());
    },

    /** The findings of a model read with `read`, at the levels `options` set. */
    check(letter: Letter, options: CheckOptions): Problem[] {
      return checkLetter(letter, options);
    },

    /** A PDF that gave no letter text (the reader's message), as letter.pdf-unreadable at the level `options` set. */
    checkUnreadablePdf(message: string, options: CheckOptions): Problem[] {
      return checkUnreadablePdf(message, options);
    },

    /** The text with every safe fix of `problems` applied, and how many were. */
    applySafeFixes(text: string, problems: Problem[]): { text: string; count: number } {
      const { edits, count } = safeEdits(problems);
      return {
        text:
          count > 0
            ? TextDocument.applyEdits(TextDocument.create('untitled:letter', 'imr-letter', 1, text), edits)
            : text,
        count,
      };
    },

    /** The outline as indented text (imr-lint --outline). */
    outlineText(letter: Letter, indent = ''): string {
      return outlineText(documentSymbols(letter), indent);
    },
  };
}

/** The last part of a document's address, decoded (as written when its escapes are not valid). */
export function fileName(uri: string): string {
  const last = uri.replace(/^.*\//, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
