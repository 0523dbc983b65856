import { type InitializeParams, type InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import { ANNOTATE_KIND, FIX_ALL_KIND } from '../service';

/** What the server may do with this client, from what the client said at initialize. */
export interface ClientSupport {
  /** Settings can be asked for per document (`workspace/configuration`). */
  pullsSettings: boolean;
  /** The client pulls diagnostics (LSP 3.17): they are never pushed then. */
  pullsDiagnostics: boolean;
  refreshesDiagnostics: boolean;
  refreshesInlayHints: boolean;
  refreshesCodeLenses: boolean;
  /** The server may register file watchers (for the workspace index). */
  watchesFiles: boolean;
  edits: { snippets: boolean; versioned: boolean };
}

export function clientSupport(params: InitializeParams): ClientSupport {
  const workspace = params.capabilities.workspace;
  return {
    pullsSettings: workspace?.configuration === true,
    pullsDiagnostics: params.capabilities.textDocument?.diagnostic !== undefined,
    refreshesDiagnostics: workspace?.diagnostics?.refreshSupport === true,
    refreshesInlayHints: workspace?.inlayHint?.refreshSupport === true,
    refreshesCodeLenses: workspace?.codeLens?.refreshSupport === true,
    watchesFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    edits: {
      snippets: (workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
      versioned: workspace?.workspaceEdit?.documentChanges === true,
    },
  };
}

export function serverCapabilities(client: ClientSupport): InitializeResult {
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
      diagnosticProvider: client.pullsDiagnostics
        ? { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: false }
        : undefined,
    },
    serverInfo: { name: 'imr-language-server' },
  };
}
