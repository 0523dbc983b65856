import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the IMR letter language server; everything about letters happens there. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'imr-letter', scheme: 'file' },
      { language: 'imr-letter', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'imrLetter' },
    outputChannelName: 'IMR Letters',
  };
  client = new LanguageClient('imrLetter', 'IMR Letters', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('imrLetter.restartServer', () => client?.restart()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
