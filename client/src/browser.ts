import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, startClient } from './commands';

// The page's Worker (the extension host for the web is a worker itself); typed by the client library.
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

/** The web client (VS Code for the web): the same server, in a web worker. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js').toString(true));
  client = new LanguageClient('imrLetter', 'IMR Letters', clientOptions(context), worker);
  await startClient(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
