import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
} from 'vscode-jsonrpc/node';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';

/** The bundled server, as editors run it (`npm test` builds it first). */
export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/**
 * A minimal LSP client over stdio that initialises the spawned server as VS Code does, answers
 * its configuration requests with `settings`, and lets a test wait for published diagnostics.
 */
export class TestClient {
  readonly rpc: MessageConnection;
  private readonly server: ChildProcess;
  private readonly waiters = new Map<string, ((p: PublishDiagnosticsParams) => void)[]>();
  settings: unknown = { rules: {} };
  readonly messages: string[] = [];
  /** Everything the server wrote to be logged: log and trace notifications, telemetry, its stderr. */
  readonly logs: string[] = [];
  refreshes = 0;
  private onRefresh?: () => void;

  /** Resolves when the server next asks the client to pull diagnostics again. */
  nextRefresh(): Promise<void> {
    return new Promise((resolve) => (this.onRefresh = resolve));
  }
  readonly published: string[] = [];
  readonly lastPublished = new Map<string, Diagnostic[]>();

  /** `window: false` plays a client that declares no window capabilities and answers no window request. */
  constructor(options: { window?: boolean } = {}) {
    this.server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.server.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.logs.push(chunk);
      process.stderr.write(chunk);
    });
    this.rpc = createMessageConnection(
      new StreamMessageReader(this.server.stdout!),
      new StreamMessageWriter(this.server.stdin!),
    );
    this.rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p.uri);
      this.lastPublished.set(p.uri, p.diagnostics);
      const waiting = this.waiters.get(p.uri) ?? [];
      this.waiters.set(p.uri, []);
      waiting.forEach((w) => w(p));
    });
    for (const method of ['window/logMessage', '$/logTrace', 'telemetry/event'])
      this.rpc.onNotification(method, (...p: unknown[]) => void this.logs.push(`${method} ${JSON.stringify(p)}`));
    this.rpc.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
    });
    if (options.window !== false)
      this.rpc.onRequest(
        'window/showMessageRequest',
        (p: { message: string }) => (this.messages.push(p.message), null),
      );
    this.rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.rpc.onRequest('client/registerCapability', () => null);
    this.rpc.onRequest('window/workDoneProgress/create', () => null);
    this.rpc.onNotification('$/progress', () => undefined);
    this.rpc.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.onRefresh?.();
      return null;
    });
    this.rpc.listen();
  }

  get pid(): number | undefined {
    return this.server.pid;
  }

  /** Initialises like VS Code; `pull` adds the LSP 3.17 pull-diagnostics capability. */
  async initialize(
    workspaceFolder?: string,
    pull = false,
    versionedEdits = false,
    initializationOptions?: unknown,
  ): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.rpc.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      initializationOptions,
      rootUri: workspaceFolder ?? null,
      workspaceFolders: workspaceFolder ? [{ uri: workspaceFolder, name: 'letters' }] : null,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
          ...(versionedEdits ? { workspaceEdit: { documentChanges: true } } : {}),
        },
        textDocument: {
          synchronization: { dynamicRegistration: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { lineFoldingOnly: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          publishDiagnostics: { versionSupport: true },
          ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
    });
    await this.rpc.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for uri (at the given version, if one is given). */
  nextDiagnostics(uri: string, version?: number): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      const waiter = (p: PublishDiagnosticsParams) => {
        if (version !== undefined && p.version !== version) this.waiters.get(uri)!.push(waiter);
        else resolve(p.diagnostics);
      };
      this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), waiter]);
    });
  }

  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const diagnostics = this.nextDiagnostics(uri);
    await this.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr-letter', version: 1, text },
    });
    return diagnostics;
  }

  /** Shuts the server down the LSP way; resolves with its exit code. Stopping twice is harmless. */
  async stop(): Promise<number | null> {
    if (this.server.exitCode !== null) return this.server.exitCode;
    await this.rpc.sendRequest('shutdown').catch(() => undefined); // already shut down: exit is what is left
    const exited = new Promise<number | null>((resolve) => this.server.once('exit', resolve));
    await this.rpc.sendNotification('exit');
    const code = await exited;
    this.rpc.dispose();
    return code;
  }
}

/**
 * A server on a folder of letters, initialised by a client that shows work-done progress and
 * allows file watchers (as VS Code does); `built` resolves when the workspace index's progress
 * ends. With `storagePath` in the options, the index is saved there.
 */
export async function startIndexing(
  folder: string,
  initializationOptions?: { storagePath?: string; workspaceTrusted?: boolean },
): Promise<{ client: TestClient; built: Promise<void> }> {
  const client = new TestClient();
  let ended: () => void;
  const built = new Promise<void>((resolve) => (ended = resolve));
  client.rpc.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
    if (p.value?.kind === 'end') ended();
  });
  await client.rpc.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'letters' }],
    initializationOptions,
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { hover: { contentFormat: ['markdown'] } },
    },
  });
  await client.rpc.sendNotification('initialized', {});
  return { client, built };
}
