import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { pdfCommands } from './pdf-commands';
import { precedentsView } from './precedents-view';
import { request } from './request';

/** The same for the desktop and the web client. */
export function clientOptions(context: vscode.ExtensionContext): LanguageClientOptions {
  return {
    // Every scheme: letters in virtual workspaces and unsaved letters get every feature too.
    documentSelector: [{ language: 'imr-letter' }],
    synchronize: { configurationSection: 'imrLetter' },
    initializationOptions: () => ({
      // The server reads the guideline catalog file the settings name only in a trusted workspace.
      workspaceTrusted: vscode.workspace.isTrusted,
      // Where the server saves the workspace index of letters: this workspace's storage (or the global one).
      storagePath:
        (context.storageUri ?? context.globalStorageUri).scheme === 'file'
          ? (context.storageUri ?? context.globalStorageUri).fsPath
          : undefined,
    }),
    outputChannelName: 'IMR Letters',
  };
}

/**
 * Starts the client and adds the commands that need VS Code itself (pickers, the clipboard,
 * editors, the status bar); everything about letters happens in the server.
 */
export async function startClient(context: vscode.ExtensionContext, client: BaseLanguageClient): Promise<void> {
  const command = (id: string, run: (editor: vscode.TextEditor) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'imr-letter')
        return vscode.window.showInformationMessage('Open an IMR letter first.');
      return run(editor);
    });
  const uriOf = (editor: vscode.TextEditor) => editor.document.uri.toString();

  context.subscriptions.push(
    vscode.commands.registerCommand('imrLetter.restartServer', async () => {
      await client.stop();
      await client.start();
    }),
    vscode.commands.registerCommand('imrLetter.checkWorkspace', async () => {
      const r = await request(client, 'imr/checkWorkspace', {});
      const stopped = r.checked < r.total ? ` (stopped after ${r.checked} of ${r.total})` : '';
      vscode.window.showInformationMessage(
        `IMR Letters: ${r.checked} letters checked${stopped}; ${r.withErrors} with errors. See the Problems panel.`,
      );
    }),
    command('imrLetter.exportAnnotations', async (editor) => {
      const picked = await vscode.window.showQuickPick(
        [
          {
            label: 'Markdown',
            description: 'appeal worksheet, grouped by item',
            format: 'markdown' as const,
            language: 'markdown',
          },
          { label: 'CSV', description: 'one row per annotation', format: 'csv' as const, language: 'csv' },
          { label: 'JSON', description: 'W3C Web Annotation data model', format: 'json' as const, language: 'json' },
        ],
        { title: 'Export annotations as' },
      );
      if (!picked) return;
      const content = await request(client, 'imr/exportAnnotations', { uri: uriOf(editor), format: picked.format });
      if (content === null) return;
      // An unsaved document: nothing is written anywhere until the user saves it.
      await vscode.window.showTextDocument(
        await vscode.workspace.openTextDocument({ content, language: picked.language }),
        { preview: false },
      );
    }),
    command('imrLetter.copyClean', async (editor) => {
      const clean = await request(client, 'imr/cleanText', { uri: uriOf(editor) });
      if (clean === null) return;
      await vscode.env.clipboard.writeText(clean);
      vscode.window.setStatusBarMessage('Letter copied without annotations', 3000);
    }),
    command('imrLetter.saveClean', async (editor) => {
      const clean = await request(client, 'imr/cleanText', { uri: uriOf(editor) });
      if (clean === null) return;
      const target = await vscode.window.showSaveDialog({
        defaultUri: editor.document.uri.with({
          path: editor.document.uri.path.replace(/(\.imr(\.txt)?|\.txt)?$/, '.clean$1'),
        }),
        title: 'Save a copy without annotations',
      });
      if (target) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(clean));
    }),
    command('imrLetter.reflow', async (editor) => {
      const document = editor.document;
      const result = await request(client, 'imr/reflow', { uri: uriOf(editor) });
      if (!result || result.edits.length === 0)
        return vscode.window.setStatusBarMessage('Nothing to reflow in this letter', 3000);
      if (document.version !== result.version)
        return vscode.window.showWarningMessage(
          'The letter changed while it was being reflowed; run Reflow Letter again.',
        );
      const edit = new vscode.WorkspaceEdit();
      for (const e of result.edits)
        edit.replace(document.uri, client.protocol2CodeConverter.asRange(e.range), e.newText);
      return vscode.workspace.applyEdit(edit);
    }),
    command('imrLetter.nextAnnotation', (editor) => moveToAnnotation(client, editor, 1)),
    command('imrLetter.previousAnnotation', (editor) => moveToAnnotation(client, editor, -1)),
  );
  context.subscriptions.push(detectLetters(context), pdfCommands(client), precedentsView(client));
  // Trust granted: start again, so the server may read the catalog file the settings name.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.stop().then(() => client.start())),
  );
  await client.start();
  context.subscriptions.push(statusItem(client));
}

/**
 * VS Code reads a language's `firstLine` only for files no extension claims, and `.txt` belongs to
 * Plain Text: a letter saved as `.txt` is switched to IMR Letter here when its opening matches.
 */
function detectLetters(context: vscode.ExtensionContext): vscode.Disposable {
  const source = (context.extension.packageJSON as { contributes: { languages: { firstLine: string }[] } }).contributes
    .languages[0].firstLine;
  const opening = new RegExp(source);
  const check = (document: vscode.TextDocument) => {
    // The opening may follow blank lines or a form feed, as the pattern allows.
    if (document.languageId === 'plaintext' && opening.test(document.getText(new vscode.Range(0, 0, 5, 0))))
      void vscode.languages.setTextDocumentLanguage(document, 'imr-letter');
  };
  vscode.workspace.textDocuments.forEach(check);
  return vscode.workspace.onDidOpenTextDocument(check);
}

/**
 * The active letter's decisions at a glance: a status bar item ("$(law) 3 items: 2 upheld,
 * 1 overturned"), shown while a letter is the active editor, which opens the Outline; and the
 * language status item (under "{} IMR Letter") with the details: the case number and the last
 * day to appeal.
 */
function statusItem(client: BaseLanguageClient): vscode.Disposable {
  const language = vscode.languages.createLanguageStatusItem('imrLetter.summary', { language: 'imr-letter' });
  language.name = 'IMR letter summary';
  language.command = { title: 'Outline', command: 'outline.focus' };
  const glance = vscode.window.createStatusBarItem('imrLetter.decisions', vscode.StatusBarAlignment.Right, 101);
  glance.name = 'IMR letter decisions';
  glance.command = { title: "Show the letter's outline", command: 'outline.focus' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    clearTimeout(timer);
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'imr-letter') return glance.hide();
    timer = setTimeout(async () => {
      const summary = await request(client, 'imr/summary', { uri: editor.document.uri.toString() }).catch(() => null);
      if (!summary || editor !== vscode.window.activeTextEditor) return;
      const details = [
        summary.caseNumber && `Case ${summary.caseNumber}`,
        summary.appealBy && `appeal by ${summary.appealBy}`,
      ]
        .filter(Boolean)
        .join(' · ');
      language.text = summary.text;
      language.detail = details || undefined;
      glance.text = `$(law) ${summary.text}`;
      glance.tooltip = `${summary.text}${details ? `\n${details}` : ''}\nClick for the outline.`;
      glance.show();
    }, 300);
  };
  update();
  const subscriptions = [
    vscode.window.onDidChangeActiveTextEditor(update),
    // A .txt letter becomes an IMR letter after it opened (detectLetters).
    vscode.workspace.onDidOpenTextDocument((d) => d === vscode.window.activeTextEditor?.document && update()),
    vscode.workspace.onDidChangeTextDocument(
      (e) => e.document === vscode.window.activeTextEditor?.document && update(),
    ),
  ];
  return vscode.Disposable.from(language, glance, ...subscriptions, { dispose: () => clearTimeout(timer) });
}

/** Selects the next (or previous) annotation after (or before) the cursor, wrapping around. */
async function moveToAnnotation(client: BaseLanguageClient, editor: vscode.TextEditor, step: 1 | -1): Promise<void> {
  const ranges = ((await request(client, 'imr/annotations', { uri: editor.document.uri.toString() })) ?? []).map(
    (r) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
  );
  if (ranges.length === 0) return void vscode.window.setStatusBarMessage('No annotations in this letter', 3000);
  const here = editor.selection.active;
  const target =
    step === 1
      ? (ranges.find((r) => r.start.isAfter(here)) ?? ranges[0])
      : ([...ranges].reverse().find((r) => r.start.isBefore(here)) ?? ranges[ranges.length - 1]);
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
