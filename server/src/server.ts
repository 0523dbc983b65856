import { type Connection, ErrorCodes, type Position, ResponseError, TextDocuments, TextDocumentSyncKind, type WorkspaceSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ANNOTATE_KIND, annotationActions } from './features/annotation-actions';
import { annotationCompletions } from './features/annotation-completion';
import { FIX_ALL_KIND, codeActions } from './features/code-actions';
import { kindVocabulary } from './annotations/kinds';
import { EXPORT_FORMATS, type ExportFormat, exportAnnotations } from './features/export-annotations';
import { stripAnnotations } from './letter/annotations';
import { parseLetter } from './letter/parse';
import { letterSymbols, matches } from './features/workspace-symbols';
import { completions } from './features/completion';
import { structureCompletions } from './features/structure-completion';
import { diagnostics, keptDiagnostics, sameDiagnostics } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { codeLenses } from './features/code-lens';
import { inlayHints } from './features/inlay-hints';
import { letterSummary } from './features/letter-summary';
import { reflowEdits } from './features/reflow';
import { documentLinks } from './features/links';
import { documentSymbols } from './features/symbols';
import { isPdfProblem, pdfProblemDiagnostic, pdfText } from './features/pdf-letters';
import type { ReadPdf } from './pdf/reader';
import { limitOutline } from './features/outline-limit';
import { DEFAULT_CATALOG } from './guidelines/catalog';
import { withOverrides } from './guidelines/overrides';
import { DocumentCache, type DocumentState } from './document-cache';
import type { Letter } from './letter/model';
import { DEFAULT_SETTINGS, SECTION, type Settings, readSettings } from './settings';

export interface ServerOptions {
  /** Reads a file named in the settings, relative to the workspace folder (Node only; absent in a browser). */
  readWorkspaceFile?: (folderUri: string, path: string) => Promise<string>;
  /** Where the rule reference (docs/rules.md) is, so each diagnostic can link to its rule. */
  rulesDoc?: string;
  /** The letter files of a workspace folder, each with a stamp that changes when the file does (Node only). */
  workspaceLetters?: (folderUri: string) => Promise<{ uri: string; stamp: string; read: () => Promise<string> }[]>;
  /** Reads a PDF's letter text (Node only): for imr/pdfText, the client's Import PDF Letters. */
  readPdf?: ReadPdf;
}

const MAX_WORKSPACE_SYMBOLS = 1000;

const DIAGNOSTICS_DELAY_MS = 150;

/** The last part of a document's address, decoded (as written when its escapes are not valid). */
function fileName(uri: string): string {
  const last = uri.replace(/^.*\//, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The extensions that make a file a letter by its name alone (a `.txt` must read as one). */
const NAMED_AS_LETTER = /\.imr(\.txt)?$/i;

/** Wires LSP requests to the letter service. Handlers only find the document, get its model and call a feature. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let cache = new DocumentCache();
  let folderUri: string | undefined;
  let catalogFile: string | undefined;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const settingsByUri = new Map<string, Promise<Settings>>();
  // Letters whose reader was told that their outline was cut (once each, not on every request).
  const toldOutlineCut = new Set<string>();
  let canPullSettings = false;
  // Clients that pull diagnostics (LSP 3.17) ask for them; others get them pushed. Never both.
  let clientPulls = false;
  let canRefresh = false;
  let canRefreshHints = false;
  let snippetEdits = false;
  let versionedEdits = false;
  let pushedSettings = DEFAULT_SETTINGS;

  // After shutdown, requests are answered with an error, as the protocol asks.
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
  });
  const answer = <A extends unknown[], R>(handler: (...args: A) => R) => (...args: A): R | ResponseError<never> => (shutDown ? new ResponseError<never>(ErrorCodes.InvalidRequest, 'The server is shutting down.') : handler(...args));

  const stateOf = (doc: TextDocument): DocumentState => cache.get(doc.uri, doc.version, () => doc.getText());
  const modelOf = (doc: TextDocument): Letter => stateOf(doc).letter;
  const letterOf = (uri: string): Letter | undefined => {
    const doc = documents.get(uri);
    return doc && modelOf(doc);
  };

  const settingsFor = (uri: string): Promise<Settings> => {
    if (!canPullSettings) return Promise.resolve(pushedSettings);
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(readSettings, () => DEFAULT_SETTINGS);
      settingsByUri.set(uri, settings);
    }
    return settings;
  };

  const validate = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer edit will be validated instead
    const started = Date.now();
    const { letter, findings } = stateOf(current);
    const found = diagnostics(letter, settings, options.rulesDoc, findings);
    // Logged (when the client asks for a trace) by address, version, counts and time: never letter text.
    connection.tracer.log(`diagnostics for ${uri} version ${version}: ${found.length} in ${Date.now() - started} ms`);
    await connection.sendDiagnostics({ uri, version, diagnostics: found });
  };

  const schedule = (uri: string) => {
    if (clientPulls) return;
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => {
      pending.delete(uri);
      validate(uri).catch((e: unknown) => connection.console.error(`validating ${uri} failed: ${e instanceof Error ? e.name : 'error'}`));
    }, DIAGNOSTICS_DELAY_MS));
  };

  /** The built-in guideline catalog, with the entries of the file the settings name (if any, and readable). */
  const loadCatalog = async () => {
    const settings: Settings = canPullSettings
      ? readSettings(await connection.workspace.getConfiguration({ scopeUri: folderUri, section: SECTION }).then((s) => s, () => undefined))
      : pushedSettings;
    if (settings.catalogFile === catalogFile) return;
    catalogFile = settings.catalogFile;
    let catalog = DEFAULT_CATALOG;
    if (catalogFile && folderUri && options.readWorkspaceFile) {
      try {
        const result = withOverrides(DEFAULT_CATALOG, JSON.parse(await options.readWorkspaceFile(folderUri, catalogFile)));
        catalog = result.catalog;
        if (result.errors.length > 0) void connection.window.showWarningMessage(`IMR Letters: ${catalogFile}: ${result.errors.slice(0, 3).join('; ')}${result.errors.length > 3 ? ` (and ${result.errors.length - 3} more)` : ''}`);
      } catch (e) {
        void connection.window.showWarningMessage(`IMR Letters: cannot read the guideline catalog ${catalogFile}: ${e instanceof SyntaxError ? 'not valid JSON' : 'file not found or unreadable'}.`);
      }
    }
    cache = new DocumentCache(catalog);
  };

  connection.onInitialize((params) => {
    canPullSettings = params.capabilities.workspace?.configuration === true;
    folderUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    clientPulls = params.capabilities.textDocument?.diagnostic !== undefined;
    canRefresh = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    canRefreshHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    snippetEdits = (params.capabilities.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true;
    pushedSettings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'IMR letter' },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', ANNOTATE_KIND, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '{', '>'] },
        documentLinkProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        diagnosticProvider: clientPulls ? { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'imr-language-server' },
    };
  });

  /** After settings or the catalog change: pushed diagnostics are sent again, pulling clients are told to ask again. */
  const revalidateAll = () => {
    if (clientPulls && canRefresh) void connection.languages.diagnostics.refresh();
    if (canRefreshHints) void connection.languages.inlayHint.refresh(); // the setting may have turned them on or off
    documents.all().forEach((doc) => schedule(doc.uri));
  };

  connection.onInitialized(() => {
    void loadCatalog().then(revalidateAll);
  });

  // Each document keeps its last report (DocumentState.report), so a pull that finds the same
  // findings is answered "unchanged" (LSP 3.17 result ids): an edit of a long letter often moves
  // none of them, and the editor then neither receives nor redraws thousands of findings.
  let reports = 0;
  connection.languages.diagnostics.on(answer(async (p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return { kind: 'full', items: [] };
    const settings = await settingsFor(doc.uri);
    const state = stateOf(doc);
    const items = diagnostics(state.letter, settings, options.rulesDoc, state.findings);
    const last = state.report;
    if (last && sameDiagnostics(last.items, items)) return last.resultId === p.previousResultId ? { kind: 'unchanged', resultId: last.resultId } : { kind: 'full', resultId: last.resultId, items };
    const resultId = String(++reports);
    state.report = { resultId, items: keptDiagnostics(items) };
    return { kind: 'full', resultId, items };
  }));

  connection.onDidChangeConfiguration(async (change) => {
    settingsByUri.clear();
    const pushed = (change.settings as Record<string, unknown> | null)?.[SECTION];
    if (pushed !== undefined) pushedSettings = readSettings(pushed);
    await loadCatalog();
    revalidateAll();
  });

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    cache.delete(e.document.uri);
    settingsByUri.delete(e.document.uri);
    toldOutlineCut.delete(e.document.uri);
    if (!clientPulls) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol(answer(async (p) => {
    const uri = p.textDocument.uri;
    const limit = (await settingsFor(uri)).outlineLimit;
    const doc = documents.get(uri);
    if (!doc) return null;
    const { letter, outline: memo } = stateOf(doc);
    const outline = limitOutline(documentSymbols(letter, memo), limit);
    if (outline.shown < outline.total && !toldOutlineCut.has(uri)) {
      toldOutlineCut.add(uri);
      void connection.window.showInformationMessage(`The outline of ${fileName(uri)} shows ${outline.shown.toLocaleString('en-US')} of its ${outline.total.toLocaleString('en-US')} symbols, leaving out the deepest levels (setting imrLetter.outline.maxSymbols is ${limit.toLocaleString('en-US')}).`);
    }
    return outline.symbols;
  }));
  connection.onFoldingRanges(answer((p) => {
    const letter = letterOf(p.textDocument.uri);
    return letter ? foldingRanges(letter) : null;
  }));
  // Handlers that wait for the settings read the model after: the model of the text as it is then
  // (one held across the wait could be changed by reading the next version, see field-memo.ts).
  connection.onHover(answer(async (p) => {
    const kinds = kindVocabulary((await settingsFor(p.textDocument.uri)).annotationKinds);
    const letter = letterOf(p.textDocument.uri);
    return letter ? hover(letter, p.position, cache.catalog, kinds) : null;
  }));
  connection.onDocumentLinks(answer((p) => {
    const letter = letterOf(p.textDocument.uri);
    return letter ? documentLinks(letter, cache.catalog) : null;
  }));
  connection.onCompletion(answer(async (p) => {
    const kinds = kindVocabulary((await settingsFor(p.textDocument.uri)).annotationKinds);
    const doc = documents.get(p.textDocument.uri);
    const letter = letterOf(p.textDocument.uri);
    if (!doc || !letter) return null;
    const line = doc.getText({ start: { line: p.position.line, character: 0 }, end: { line: p.position.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
    const prefix = line.slice(0, p.position.character);
    return [...annotationCompletions(p.position, prefix, kinds), ...completions(p.position, prefix, cache.catalog), ...structureCompletions(letter, p.position, prefix, line.slice(p.position.character))];
  }));

  connection.onCodeAction(answer(async (p) => {
    const settings = await settingsFor(p.textDocument.uri);
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return [];
    const { letter, findings } = stateOf(doc);
    const lineLength = (line: number) => doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '').length;
    const only = p.context.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
    const ctx = { uri: doc.uri, version: doc.version, text: doc.getText(), offsetAt: (q: Position) => doc.offsetAt(q), kinds: kindVocabulary(settings.annotationKinds), snippets: snippetEdits, versioned: versionedEdits };
    const target = { uri: doc.uri, version: versionedEdits ? doc.version : undefined, lineLength };
    return [...codeActions(target, letter, p.context.diagnostics, settings, only, findings), ...annotationActions(letter, p.range, p.context.diagnostics, ctx, wants)];
  }));

  connection.languages.inlayHint.on(answer(async (p) => {
    if (!(await settingsFor(p.textDocument.uri)).inlayHints) return null;
    const letter = letterOf(p.textDocument.uri);
    return letter ? inlayHints(letter, p.range) : null;
  }));
  connection.onCodeLens(answer((p) => {
    const letter = letterOf(p.textDocument.uri);
    return letter ? codeLenses(letter) : null;
  }));
  // Reflow rewrites line breaks, so Format Document does it only when the settings ask; the command always can.
  const reflow = (doc: TextDocument) => reflowEdits(modelOf(doc), doc.getText(), cache.catalog);
  connection.onDocumentFormatting(answer(async (p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc && (await settingsFor(doc.uri)).reflowOnFormat ? reflow(doc) : null;
  }));
  connection.onRequest('imr/reflow', answer((p: { uri: string }) => {
    const doc = documents.get(p.uri);
    return doc ? { version: doc.version, edits: reflow(doc) } : null;
  }));
  connection.onRequest('imr/summary', answer((p: { uri: string }) => {
    const letter = letterOf(p.uri);
    return letter ? letterSummary(letter) : null;
  }));

  // Requests the VS Code client's commands use: exports, the clean letter, annotation positions.
  // Workspace symbols over every letter of the folder, opened or not; each closed file parsed once per change.
  const indexed = new Map<string, { stamp: string; symbols: WorkspaceSymbol[] }>();
  connection.onWorkspaceSymbol(answer(async (p, token) => {
    let symbols: WorkspaceSymbol[] = []; // concatenated: a folder may hold more symbols than a call takes arguments
    const seen = new Set(documents.all().map((doc) => doc.uri));
    for (const file of folderUri && options.workspaceLetters ? await options.workspaceLetters(folderUri).catch(() => []) : []) {
      if (token.isCancellationRequested) return null;
      if (seen.has(file.uri)) continue;
      let entry = indexed.get(file.uri);
      if (!entry || entry.stamp !== file.stamp) {
        const text = await file.read().catch(() => '');
        entry = { stamp: file.stamp, symbols: letterSymbols(parseLetter(text, cache.catalog), file.uri) };
        indexed.set(file.uri, entry);
      }
      symbols = symbols.concat(entry.symbols);
    }
    // The open letters' come first, read after the waits above: each as its text is now.
    let opened: WorkspaceSymbol[] = [];
    for (const doc of documents.all()) opened = opened.concat(letterSymbols(modelOf(doc), doc.uri));
    return opened.concat(symbols).filter((s) => matches(p.query, s.name)).slice(0, MAX_WORKSPACE_SYMBOLS);
  }));

  // "Check all letters in workspace": every letter of the folder that is not open gets its findings
  // pushed (open ones keep theirs), with progress the user can cancel.
  connection.onRequest('imr/checkWorkspace', answer(async (_p: unknown, token) => {
    const files = folderUri && options.workspaceLetters ? await options.workspaceLetters(folderUri).catch(() => []) : [];
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Checking IMR letters', 0, `0 of ${files.length}`, true);
    const open = new Set(documents.all().map((d) => d.uri));
    let checked = 0;
    let withErrors = 0;
    for (const file of files) {
      if (token.isCancellationRequested || progress.token.isCancellationRequested) break;
      checked++;
      if (open.has(file.uri)) continue;
      // A PDF that gives no letter text (scanned, encrypted, damaged) is told why, in one error.
      const text = await file.read().catch((e: unknown) => (isPdfProblem(e) ? e : ''));
      if (typeof text !== 'string') {
        withErrors++;
        await connection.sendDiagnostics({ uri: file.uri, diagnostics: [pdfProblemDiagnostic(text)] });
        continue;
      }
      const letter = parseLetter(text, cache.catalog);
      // A .txt that is not a letter is left alone (a folder holds notes too); a file named as a
      // letter is told when it is empty, binary or not a letter.
      if (!letter.recognized && !NAMED_AS_LETTER.test(file.uri)) continue;
      const found = diagnostics(letter, await settingsFor(file.uri), options.rulesDoc);
      if (found.some((d) => d.severity === 1)) withErrors++;
      await connection.sendDiagnostics({ uri: file.uri, diagnostics: found });
      if (checked % 20 === 0) progress.report(Math.round((checked / files.length) * 100), `${checked} of ${files.length}`);
    }
    progress.done();
    return { checked, total: files.length, withErrors };
  }));

  connection.onRequest('imr/exportAnnotations', answer(async (p: { uri: string; format: ExportFormat }) => {
    const kinds = kindVocabulary((await settingsFor(p.uri)).annotationKinds);
    const doc = documents.get(p.uri);
    const letter = letterOf(p.uri);
    if (!doc || !letter || !EXPORT_FORMATS.includes(p.format)) return null;
    return exportAnnotations({ name: fileName(doc.uri), uri: doc.uri, text: doc.getText(), letter }, p.format, kinds);
  }));
  connection.onRequest('imr/cleanText', answer((p: { uri: string }) => {
    const doc = documents.get(p.uri);
    return doc ? stripAnnotations(doc.getText()) : null;
  }));
  connection.onRequest('imr/pdfText', answer((p: { data: string }) => pdfText(p.data, options.readPdf, (text) => parseLetter(text, cache.catalog))));
  connection.onRequest('imr/annotations', answer((p: { uri: string }) => letterOf(p.uri)?.annotations.map((a) => a.range) ?? []));

  documents.listen(connection);
  connection.listen();
}
