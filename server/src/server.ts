import { type CancellationToken, type Connection, ErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ClientSupport, clientSupport, serverCapabilities } from './lsp/capabilities';
import { DiagnosticsChannel } from './lsp/diagnostics';
import { type ReadWorkspaceFile, SettingsStore } from './lsp/settings';
import { WorkspaceSymbolIndex } from './lsp/workspace-symbols';
import type { Method, ParamsOf, ResultOf } from './protocol';
import { type LetterFile, SECTION, type Settings, createLetterService, fileName } from './service';

export interface ServerOptions {
  /** Reads a file named in the settings, relative to the workspace folder (Node only; absent in a browser). */
  readWorkspaceFile?: ReadWorkspaceFile;
  /** Where the rule reference (docs/rules.md) is, so each diagnostic can link to its rule. */
  rulesDoc?: string;
  /** The letter files of a workspace folder, each with a stamp that changes when the file does (Node only). */
  workspaceLetters?: (folderUri: string) => Promise<LetterFile[]>;
}

/** Wires LSP requests to the letter service: each handler finds the document and asks the service. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
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
  // A request about an open document; one that needs the settings waits for them first, then
  // reads the document, so the service sees its text as it is once the wait is over.
  const withDoc = <R>(uri: string, use: (doc: TextDocument) => R): R | null => {
    const doc = documents.get(uri);
    return doc ? use(doc) : null;
  };
  const withDocument = async <R>(uri: string, use: (doc: TextDocument, s: Settings) => R): Promise<R | null> => {
    const s = await settings.for(uri);
    return withDoc(uri, (doc) => use(doc, s));
  };
  const onImrRequest = <M extends Method>(method: M, handler: (params: ParamsOf<M>, token: CancellationToken) => ResultOf<M> | Promise<ResultOf<M>>) =>
    connection.onRequest(method, answer(handler as (params: unknown, token: CancellationToken) => unknown));

  connection.onInitialize((params) => {
    client = clientSupport(params);
    checks.pulls = client.pullsDiagnostics;
    settings.initialize(client.pullsSettings, params.initializationOptions, params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined);
    return serverCapabilities(client);
  });

  /** After settings or the catalog change: pushed diagnostics are sent again, pulling clients are told to ask again. */
  const revalidateAll = () => {
    if (client?.pullsDiagnostics && client.refreshesDiagnostics) void connection.languages.diagnostics.refresh();
    if (client?.refreshesInlayHints) void connection.languages.inlayHint.refresh(); // the setting may have turned them on or off
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
  connection.onDocumentSymbol(answer((p, token) =>
    withDocument(p.textDocument.uri, (doc, s) => {
      const outline = service.symbols(doc, s, token);
      if (outline && outline.shown < outline.total && !toldOutlineCut.has(doc.uri)) {
        toldOutlineCut.add(doc.uri);
        const n = (x: number) => x.toLocaleString('en-US');
        void connection.window.showInformationMessage(`The outline of ${fileName(doc.uri)} shows ${n(outline.shown)} of its ${n(outline.total)} symbols, leaving out the deepest levels (setting imrLetter.outline.maxSymbols is ${n(s.outlineLimit)}).`);
      }
      return outline?.symbols ?? null;
    }),
  ));
  connection.onFoldingRanges(answer((p) => withDoc(p.textDocument.uri, (doc) => service.folding(doc))));
  connection.onHover(answer((p) => withDocument(p.textDocument.uri, (doc, s) => service.hover(doc, p.position, s))));
  connection.onDocumentLinks(answer((p) => withDoc(p.textDocument.uri, (doc) => service.links(doc))));
  connection.onCompletion(answer((p) => withDocument(p.textDocument.uri, (doc, s) => service.completion(doc, p.position, s))));
  connection.onCodeAction(answer(async (p) => (await withDocument(p.textDocument.uri, (doc, s) => service.codeActions(doc, p.range, p.context, s, client!.edits))) ?? []));
  connection.languages.inlayHint.on(answer((p) => withDocument(p.textDocument.uri, (doc, s) => service.inlayHints(doc, p.range, s))));
  connection.onCodeLens(answer((p) => withDoc(p.textDocument.uri, (doc) => service.codeLenses(doc))));
  connection.onDocumentFormatting(answer((p) => withDocument(p.textDocument.uri, (doc, s) => service.format(doc, s))));
  connection.onWorkspaceSymbol(answer(async (p, token) => symbolIndex.search(p.query, await workspaceLetters(), token)));

  // The requests of the VS Code client's commands (protocol.ts).
  onImrRequest('imr/reflow', (p) => withDoc(p.uri, (doc) => ({ version: doc.version, edits: service.reflow(doc) })));
  onImrRequest('imr/summary', (p) => withDoc(p.uri, (doc) => service.summary(doc)));
  onImrRequest('imr/checkWorkspace', async (_p, token) => checks.checkFiles(await workspaceLetters(), token));
  onImrRequest('imr/exportAnnotations', (p) => withDocument(p.uri, (doc, s) => service.exportAnnotations(doc, p.format, s)));
  onImrRequest('imr/cleanText', (p) => withDoc(p.uri, (doc) => service.cleanText(doc)));
  onImrRequest('imr/annotations', (p) => withDoc(p.uri, (doc) => service.annotationRanges(doc)) ?? []);

  documents.listen(connection);
  connection.listen();
}
