import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { clientOptions, startClient } from './commands';

let client: LanguageClient | undefined;

/** The desktop client: the server runs as a Node process beside VS Code. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient('imrLetter', 'IMR Letters', serverOptions, clientOptions(context));
  await startClient(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
