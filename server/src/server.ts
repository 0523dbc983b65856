import {
  type CancellationToken,
  type CodeActionParams,
  type CompletionParams,
  type Connection,
  type Hover,
  type HoverParams,
  type InlayHintParams,
  MarkupContent,
  MessageType,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fromBase64 } from './lsp/base64';
import { type ClientSupport, clientSupport, serverCapabilities } from './lsp/capabilities';
import { DiagnosticsChannel } from './lsp/diagnostics';
import { openDocuments } from './lsp/documents';
import { notify } from './lsp/notify';
import { IMR, LSP, RequestHandlers, clamped } from './lsp/requests';
import { type IndexCache, type IndexSources, PrecedentIndexer } from './lsp/precedents';
import { type ReadWorkspaceFile, SettingsStore } from './lsp/settings';
import { WorkspaceSymbolIndex } from './lsp/workspace-symbols';
import type { ParamsOf, PrecedentFilter } from './protocol';
import {
  type LetterFile,
  type LetterService,
  type ReadPdf,
  SECTION,
  createLetterService,
  fileName,
  pdfText,
} from './service';
export interface ServerOptions {
  /** Reads a file named in the settings, relative to the workspace folder (Node only; absent in a browser). */
  readWorkspaceFile?: ReadWorkspaceFile;
  /** Where the rule reference (docs/rules.md) is, so each diagnostic can link to its rule. */
  rulesDoc?: string;
  /** The letter files of a workspace folder, each with a stamp that changes when the file does (Node only). */
  workspaceLetters?: (folderUri: string) => Promise<LetterFile[]>;
  /** Reads a PDF's letter text (Node only): for imr/pdfText, the client's Import PDF Letters. */
  readPdf?: ReadPdf;
  /** One letter file by address, after a file event (Node only); undefined when it is not a letter file. */
  letterFile?: (uri: string) => LetterFile | undefined;
  /** Where the workspace index is saved, in the storage folder the client names (Node only). */
  indexCache?: (storagePath: string, folderUri: string) => IndexCache;
  /** Reads and parses many letter files off the server's thread, with the built-in catalog (Node only). */
  readLetters?: IndexSources['readMany'];
}

/** Wires LSP requests to the letter service: each handler finds the document and asks the service. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = openDocuments();
  const service = createLetterService({ rulesDoc: options.rulesDoc });
  const settings = new SettingsStore(connection, service, options.readWorkspaceFile);
  const checks = new DiagnosticsChannel(connection, documents, service, settings);
  const handlers = new RequestHandlers(connection, documents, settings);
  const precedents = new PrecedentIndexer(
    connection,
    documents,
    service,
    () => server.client?.refreshesCodeLenses === true,
  );
  const server: Wiring = {
    connection,
    documents,
    service,
    settings,
    checks,
    handlers,
    options,
    precedents,
    client: undefined,
  };
  let storagePath: string | undefined;

  connection.onInitialize((params) => {
    const client = (server.client = clientSupport(params));
    checks.pulls = client.pullsDiagnostics;
    settings.initialize(
      client.pullsSettings,
      params.initializationOptions,
      params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined,
    );
    const given = (params.initializationOptions as { storagePath?: unknown } | null | undefined)?.storagePath;
    storagePath = typeof given === 'string' && given ? given : undefined;
    return serverCapabilities(client);
  });

  /** After settings or the catalog change: pushed diagnostics are sent again, pulling clients are told to ask again. */
  const revalidateAll = () => {
    // Requests the client may fail to answer: a failure is no reason to stop.
    if (server.client?.pullsDiagnostics && server.client.refreshesDiagnostics)
      connection.languages.diagnostics.refresh().catch(() => undefined);
    // The setting may have turned them on or off.
    if (server.client?.refreshesInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
    documents.all().forEach((doc) => checks.schedule(doc.uri));
  };
  // The index reads letters with the catalog the settings name: started once it is loaded.
  connection.onInitialized(
    () =>
      void settings.loadCatalog().then(() => {
        revalidateAll();
        startIndex(server, storagePath);
      }),
  );
  connection.onDidChangeConfiguration(async (change) => {
    await settings.changed((change.settings as Record<string, unknown> | null)?.[SECTION]);
    revalidateAll();
    precedents.catalogChanged();
  });

  const closed = registerDocumentRequests(server);
  documents.onDidChangeContent((e) => {
    checks.schedule(e.document.uri);
    precedents.edited(e.document);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    checks.closed(uri);
    precedents.closed(uri);
    service.close(uri);
    settings.forget(uri);
    closed(uri);
  });
  registerCommandRequests(server);

  documents.listen(connection);
  connection.listen();
}

/** What the request handlers are given. */
interface Wiring {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: LetterService;
  settings: SettingsStore;
  checks: DiagnosticsChannel;
  handlers: RequestHandlers;
  options: ServerOptions;
  precedents: PrecedentIndexer;
  /** What the client can do, known once it has initialised. */
  client: ClientSupport | undefined;
}

/** The letters of the workspace folder that are files (none in a browser, or with no folder open). */
function workspaceLetters({ settings, options }: Wiring): Promise<LetterFile[]> {
  const folder = settings.folderUri;
  return folder && options.workspaceLetters ? options.workspaceLetters(folder).catch(() => []) : Promise.resolve([]);
}

/** The workspace index, built in the background where there is a folder of files (not in a browser). */
function startIndex(server: Wiring, storagePath: string | undefined): void {
  const { options, settings } = server;
  const folder = settings.folderUri;
  if (!folder || !options.workspaceLetters || !options.letterFile) return;
  const cache = storagePath && options.indexCache ? options.indexCache(storagePath, folder) : undefined;
  const sources: IndexSources = {
    list: () => workspaceLetters(server),
    file: options.letterFile,
    cache,
    trusted: settings.trusted,
    // Other threads read with the built-in catalog: not while the settings name a catalog file.
    get readMany() {
      return settings.usesCatalogFile ? undefined : options.readLetters;
    },
  };
  server.precedents.start(sources, server.client?.watchesFiles === true);
}

/** A hover's contents and the precedents of the item on its line, as one hover. */
function withPrecedents(hover: Hover | null, precedents: string | undefined): Hover | null {
  if (!precedents) return hover;
  if (!hover) return { contents: { kind: 'markdown', value: precedents } };
  const value = MarkupContent.is(hover.contents) ? hover.contents.value : undefined;
  return value === undefined
    ? hover
    : { ...hover, contents: { kind: 'markdown', value: `${value}\n\n---\n\n${precedents}` } };
}

/** The LSP requests about a document, and workspace symbols. Gives what to forget when a document closes. */
function registerDocumentRequests(server: Wiring): (uri: string) => void {
  const { connection, service, checks, handlers } = server;
  const symbolIndex = new WorkspaceSymbolIndex(server.documents, service);
  // Letters whose reader was told that their outline was cut (once each, not on every request).
  const toldOutlineCut = new Set<string>();
  connection.languages.diagnostics.on(
    handlers.answer((p, token) => checks.pull(p.textDocument.uri, p.previousResultId, token)),
  );
  connection.onDocumentSymbol(
    handlers.onDocument({ ...LSP, settings: true }, (doc, _p, s, token) => {
      const outline = service.symbols(doc, s, token);
      if (outline && outline.shown < outline.total && !toldOutlineCut.has(doc.uri)) {
        toldOutlineCut.add(doc.uri);
        const n = (x: number) => x.toLocaleString('en-US');
        const cut = `The outline of ${fileName(doc.uri)} shows ${n(outline.shown)} of its ${n(outline.total)} symbols, leaving out the deepest levels`;
        notify(connection, MessageType.Info, `${cut} (setting imrLetter.outline.maxSymbols is ${n(s.outlineLimit)}).`);
      }
      return outline?.symbols ?? null;
    }),
  );
  connection.onFoldingRanges(handlers.onDocument(LSP, (doc, _p, _s, token) => service.folding(doc, token)));
  connection.onHover(
    handlers.onDocument({ ...LSP, position: true, settings: true }, (doc, p: HoverParams, s, token) =>
      withPrecedents(
        service.hover(doc, clamped(doc, p.position), s, token),
        server.precedents.hover(doc, clamped(doc, p.position)),
      ),
    ),
  );
  connection.onDocumentLinks(handlers.onDocument(LSP, (doc, _p, _s, token) => service.links(doc, token)));
  connection.onCompletion(
    handlers.onDocument({ ...LSP, position: true, settings: true }, (doc, p: CompletionParams, s, token) =>
      service.completion(doc, clamped(doc, p.position), s, token),
    ),
  );
  const codeActions = handlers.onDocument(
    { ...LSP, range: true, settings: true },
    (doc, p: CodeActionParams, s, token) => {
      const request = {
        diagnostics: Array.isArray(p.context?.diagnostics) ? p.context.diagnostics : [],
        only: p.context?.only,
      };
      return service.codeActions(doc, p.range, request, s, server.client!.edits, token);
    },
  );
  connection.onCodeAction(async (p, token) => (await codeActions(p, token)) ?? []); // none, for a document not open
  connection.languages.inlayHint.on(
    handlers.onDocument({ ...LSP, range: true, settings: true }, (doc, p: InlayHintParams, s, token) =>
      service.inlayHints(doc, p.range, s, token),
    ),
  );
  connection.onCodeLens(
    handlers.onDocument({ ...LSP, settings: true }, (doc, _p, s, token) => [
      ...service.codeLenses(doc, token),
      ...(s.precedentLenses ? server.precedents.codeLenses(doc, token) : []),
    ]),
  );
  connection.onDocumentFormatting(
    handlers.onDocument({ ...LSP, settings: true }, (doc, _p, s, token) => service.format(doc, s, token)),
  );
  connection.onWorkspaceSymbol(
    handlers.answer(async (p, token) =>
      symbolIndex.search(typeof p?.query === 'string' ? p.query : '', await workspaceLetters(server), token),
    ),
  );
  return (uri) => toldOutlineCut.delete(uri);
}

/** The requests of the VS Code client's commands (protocol.ts). */
function registerCommandRequests(server: Wiring): void {
  const { service, checks, handlers, options } = server;
  handlers.onImrRequest(
    'imr/reflow',
    handlers.onDocument(IMR, (doc) => ({ version: doc.version, edits: service.reflow(doc) })),
  );
  handlers.onImrRequest(
    'imr/summary',
    handlers.onDocument(IMR, (doc) => service.summary(doc)),
  );
  handlers.onImrRequest(
    'imr/checkWorkspace',
    handlers.answer(async (_p: unknown, token: CancellationToken) =>
      checks.checkFiles(await workspaceLetters(server), token),
    ),
  );
  handlers.onImrRequest(
    'imr/exportAnnotations',
    handlers.onDocument({ ...IMR, settings: true }, (doc, p: ParamsOf<'imr/exportAnnotations'>, s) =>
      service.exportAnnotations(doc, p.format, s),
    ),
  );
  handlers.onImrRequest(
    'imr/cleanText',
    handlers.onDocument(IMR, (doc) => service.cleanText(doc)),
  );
  handlers.onImrRequest(
    'imr/annotations',
    handlers.onDocument(IMR, (doc) => service.annotationRanges(doc)),
  );
  handlers.onImrRequest(
    'imr/precedents',
    handlers.onDocument({ ...IMR, position: true }, (doc, p: ParamsOf<'imr/precedents'>) =>
      server.precedents.view(doc, clamped(doc, p.position), precedentFilter(p.filter)),
    ),
  );
  handlers.onImrRequest(
    'imr/pdfText',
    handlers.answer(async (p: ParamsOf<'imr/pdfText'>) =>
      pdfText(
        fromBase64(typeof p?.data === 'string' ? p.data : ''),
        options.readPdf,
        (text) => service.read(text),
        typeof p?.source === 'string' ? p.source : undefined,
      ),
    ),
  );
  handlers.onImrRequest(
    'imr/pdfSource',
    handlers.onDocument(IMR, (doc) => service.pdfSource(doc)),
  );
}

/** The view's filter as sent: only string values of the known keys. */
function precedentFilter(raw: unknown): PrecedentFilter {
  const filter: PrecedentFilter = {};
  if (raw && typeof raw === 'object')
    for (const key of ['category', 'region', 'guideline', 'year'] as const) {
      const value = (raw as Record<string, unknown>)[key];
      if (typeof value === 'string' && value) filter[key] = value;
    }
  return filter;
}
