import {
  type CancellationToken,
  type CodeActionParams,
  type CompletionParams,
  type Connection,
  ErrorCodes,
  MessageType,
  type HoverParams,
  type InlayHintParams,
  type Position,
  ResponseError,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { openDocuments } from './lsp/documents';
import { type ClientSupport, clientSupport, serverCapabilities } from './lsp/capabilities';
import { DiagnosticsChannel } from './lsp/diagnostics';
import { notify } from './lsp/notify';
import { type Needs, checkParams } from './lsp/params';
import { type ReadWorkspaceFile, SettingsStore } from './lsp/settings';
import { WorkspaceSymbolIndex } from './lsp/workspace-symbols';
import type { Method, ParamsOf, ResultOf } from './protocol';
import { DEFAULT_SETTINGS, type LetterFile, type ReadPdf, SECTION, type Settings, createLetterService, fileName, pdfText } from './service';
import { fromBase64 } from './lsp/base64';

export interface ServerOptions {
  /** Reads a file named in the settings, relative to the workspace folder (Node only; absent in a browser). */
  readWorkspaceFile?: ReadWorkspaceFile;
  /** Where the rule reference (docs/rules.md) is, so each diagnostic can link to its rule. */
  rulesDoc?: string;
  /** The letter files of a workspace folder, each with a stamp that changes when the file does (Node only). */
  workspaceLetters?: (folderUri: string) => Promise<LetterFile[]>;
  /** Reads a PDF's letter text (Node only): for imr/pdfText, the client's Import PDF Letters. */
  readPdf?: ReadPdf;
}

/** Wires LSP requests to the letter service: each handler finds the document and asks the service. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = openDocuments();
  const service = createLetterService({ rulesDoc: options.rulesDoc });
  const settings = new SettingsStore(connection, service, options.readWorkspaceFile);
  const checks = new DiagnosticsChannel(connection, documents, service, settings);
  const symbolIndex = new WorkspaceSymbolIndex(documents, service);
  let client: ClientSupport | undefined;
  const workspaceLetters = async (): Promise<LetterFile[]> => (settings.folderUri && options.workspaceLetters ? options.workspaceLetters(settings.folderUri).catch(() => []) : []);

  // After shutdown, requests are answered with an error, as the protocol asks.
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
  });
  const answer = <A extends unknown[], R>(handler: (...args: A) => R) => (...args: A): R | ResponseError<never> => (shutDown ? new ResponseError<never>(ErrorCodes.InvalidRequest, 'The server is shutting down.') : handler(...args));
  /**
   * A handler for a request about an open document: its parameters checked at the edge
   * (InvalidParams when malformed), null for a document that is not open. With `settings`, they
   * are awaited first and the document read after, so the service sees its text as it is then.
   */
  const onDocument = <P, R>(needs: Needs & { settings?: boolean }, use: (doc: TextDocument, p: P, s: Settings, token: CancellationToken) => R) =>
    answer(async (p: P, token: CancellationToken): Promise<R | null | ResponseError<void>> => {
      const uri = checkParams(p, needs);
      if (typeof uri !== 'string') return uri;
      const s = needs.settings ? await settings.for(uri) : DEFAULT_SETTINGS;
      const doc = documents.get(uri);
      return doc ? use(doc, p, s, token) : null;
    });
  /** A position clamped to the document: past its end is its end. */
  const at = (doc: TextDocument, position: Position) => doc.positionAt(doc.offsetAt(position));
  const LSP = { uri: 'textDocument' } as const;
  const IMR = { uri: 'uri' } as const;
  // Typed by protocol.ts: what each imr/* request may answer (null for a document not open, or an error).
  const onImrRequest = <M extends Method>(method: M, handler: (params: ParamsOf<M>, token: CancellationToken) => Promise<ResultOf<M> | null | ResponseError<void>> | ResponseError<never>) =>
    connection.onRequest(method, handler as (params: unknown, token: CancellationToken) => unknown);
  const tell = (message: string) => notify(connection, MessageType.Info, message);

  connection.onInitialize((params) => {
    client = clientSupport(params);
    checks.pulls = client.pullsDiagnostics;
    settings.initialize(client.pullsSettings, params.initializationOptions, params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined);
    return serverCapabilities(client);
  });

  /** After settings or the catalog change: pushed diagnostics are sent again, pulling clients are told to ask again. */
  const revalidateAll = () => {
    // Requests the client may fail to answer: a failure is no reason to stop.
    if (client?.pullsDiagnostics && client.refreshesDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
    if (client?.refreshesInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined); // the setting may have turned them on or off
    documents.all().forEach((doc) => checks.schedule(doc.uri));
  };
  connection.onInitialized(() => void settings.loadCatalog().then(revalidateAll));
  connection.onDidChangeConfiguration(async (change) => {
    await settings.changed((change.settings as Record<string, unknown> | null)?.[SECTION]);
    revalidateAll();
  });

  documents.onDidChangeContent((e) => checks.schedule(e.document.uri));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    checks.closed(uri);
    service.close(uri);
    settings.forget(uri);
    toldOutlineCut.delete(uri);
  });
  connection.languages.diagnostics.on(answer((p, token) => checks.pull(p.textDocument.uri, p.previousResultId, token)));

  // Letters whose reader was told that their outline was cut (once each, not on every request).
  const toldOutlineCut = new Set<string>();
  connection.onDocumentSymbol(
    onDocument({ ...LSP, settings: true }, (doc, _p, s, token) => {
      const outline = service.symbols(doc, s, token);
      if (outline && outline.shown < outline.total && !toldOutlineCut.has(doc.uri)) {
        toldOutlineCut.add(doc.uri);
        const n = (x: number) => x.toLocaleString('en-US');
        tell(`The outline of ${fileName(doc.uri)} shows ${n(outline.shown)} of its ${n(outline.total)} symbols, leaving out the deepest levels (setting imrLetter.outline.maxSymbols is ${n(s.outlineLimit)}).`);
      }
      return outline?.symbols ?? null;
    }),
  );
  connection.onFoldingRanges(onDocument(LSP, (doc) => service.folding(doc)));
  connection.onHover(onDocument({ ...LSP, position: true, settings: true }, (doc, p: HoverParams, s) => service.hover(doc, at(doc, p.position), s)));
  connection.onDocumentLinks(onDocument(LSP, (doc) => service.links(doc)));
  connection.onCompletion(onDocument({ ...LSP, position: true, settings: true }, (doc, p: CompletionParams, s) => service.completion(doc, at(doc, p.position), s)));
  const codeActions = onDocument({ ...LSP, range: true, settings: true }, (doc, p: CodeActionParams, s) => service.codeActions(doc, p.range, { diagnostics: Array.isArray(p.context?.diagnostics) ? p.context.diagnostics : [], only: p.context?.only }, s, client!.edits));
  connection.onCodeAction(async (p, token) => (await codeActions(p, token)) ?? []); // none, for a document not open
  connection.languages.inlayHint.on(onDocument({ ...LSP, range: true, settings: true }, (doc, p: InlayHintParams, s) => service.inlayHints(doc, p.range, s)));
  connection.onCodeLens(onDocument(LSP, (doc) => service.codeLenses(doc)));
  connection.onDocumentFormatting(onDocument({ ...LSP, settings: true }, (doc, _p, s) => service.format(doc, s)));
  connection.onWorkspaceSymbol(answer(async (p, token) => symbolIndex.search(typeof p?.query === 'string' ? p.query : '', await workspaceLetters(), token)));

  // The requests of the VS Code client's commands (protocol.ts).
  onImrRequest('imr/reflow', onDocument(IMR, (doc) => ({ version: doc.version, edits: service.reflow(doc) })));
  onImrRequest('imr/summary', onDocument(IMR, (doc) => service.summary(doc)));
  onImrRequest('imr/checkWorkspace', answer(async (_p: unknown, token: CancellationToken) => checks.checkFiles(await workspaceLetters(), token)));
  onImrRequest('imr/exportAnnotations', onDocument({ ...IMR, settings: true }, (doc, p: ParamsOf<'imr/exportAnnotations'>, s) => service.exportAnnotations(doc, p.format, s)));
  onImrRequest('imr/cleanText', onDocument(IMR, (doc) => service.cleanText(doc)));
  onImrRequest('imr/annotations', onDocument(IMR, (doc) => service.annotationRanges(doc)));
  onImrRequest('imr/pdfText', answer(async (p: ParamsOf<'imr/pdfText'>) => pdfText(fromBase64(typeof p?.data === 'string' ? p.data : ''), options.readPdf, (text) => service.read(text))));

  documents.listen(connection);
  connection.listen();
}
