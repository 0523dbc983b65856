import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { PdfTextAnswer } from '../../server/src/protocol';
import { request } from './request';

/** A letter's name with .imr for the PDF's extension. */
function letterUriOf(pdf: vscode.Uri): vscode.Uri {
  return pdf.with({ path: pdf.path.replace(/\.pdf$/i, '') + '.imr' });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * The PDF's letter text, read by the language server (which holds the PDF reader), or why there is
 * none. The text names the PDF at its end (the letter is written beside it), for Open Original PDF.
 */
async function readPdf(client: BaseLanguageClient, pdf: vscode.Uri): Promise<PdfTextAnswer> {
  const bytes = await vscode.workspace.fs.readFile(pdf);
  return request(client, 'imr/pdfText', { data: base64(bytes), source: fileName(pdf) });
}

function fileName(uri: vscode.Uri): string {
  return uri.path.replace(/^.*\//, '');
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import PDF Letters..., Open Original PDF, and the offer to import a letter's PDF opened in VS Code.
 * The PDF is read by the language server; only picking, writing and opening files happen here.
 */
export function pdfCommands(client: BaseLanguageClient): vscode.Disposable {
  /** Imports one PDF: NAME.imr beside it, asked before one is replaced. The letter's address, or undefined. */
  const importOne = async (pdf: vscode.Uri): Promise<vscode.Uri | undefined> => {
    const name = fileName(pdf);
    const read = await readPdf(client, pdf).catch((e: unknown) => ({
      problem: e instanceof Error ? e.message : 'it could not be read',
    }));
    if ('problem' in read) return void vscode.window.showErrorMessage(`${name}: ${read.problem}`);
    if (!read.recognized) {
      const go = await vscode.window.showWarningMessage(
        `${name} does not read as an IMR letter (no header, heading or disputed item). Import it anyway?`,
        'Import',
      );
      if (go !== 'Import') return undefined;
    }
    const target = letterUriOf(pdf);
    if (await exists(target)) {
      const replace = await vscode.window.showWarningMessage(
        `${fileName(target)} exists. Replace it with the text of ${name}?`,
        { modal: true },
        'Replace',
      );
      if (replace !== 'Replace') return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(read.text));
    return target;
  };

  const importPdfs = async (clicked?: vscode.Uri, selected?: vscode.Uri[]) => {
    const pdfs = selected?.length
      ? selected
      : clicked
        ? [clicked]
        : await vscode.window.showOpenDialog({
            canSelectMany: true,
            filters: { 'PDF letters': ['pdf'] },
            openLabel: 'Import',
          });
    if (!pdfs?.length) return;
    const imported: vscode.Uri[] = [];
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Importing PDF letters' },
      async (progress) => {
        for (const [i, pdf] of pdfs.entries()) {
          progress.report({ message: `${i + 1} of ${pdfs.length}` });
          const letter = await importOne(pdf);
          if (letter) imported.push(letter);
        }
      },
    );
    // The last one opens in the editor; all of them are named.
    if (imported.length > 0) await vscode.window.showTextDocument(imported[imported.length - 1], { preview: false });
    if (imported.length > 1)
      vscode.window.showInformationMessage(`IMR Letters: ${imported.length} letters imported beside their PDFs.`);
  };

  const openOriginal = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'imr-letter')
      return vscode.window.showInformationMessage('Open an IMR letter first.');
    const letter = editor.document.uri;
    // The PDF the letter names at its end (written at import), else NAME.pdf beside it.
    const named = await request(client, 'imr/pdfSource', { uri: letter.toString() }).catch(() => null);
    const pdf = named
      ? vscode.Uri.joinPath(letter, '..', named)
      : letter.with({ path: letter.path.replace(/(\.imr(\.txt)?|\.txt)$/i, '') + '.pdf' });
    if (!(await exists(pdf)))
      return vscode.window.showInformationMessage(
        `No PDF found for this letter (looked for ${named ? `${named}, which the letter names as its source` : `${fileName(pdf)} beside it`}).`,
      );
    // On the desktop, the system's PDF viewer opens a local file; elsewhere (a remote folder, the
    // browser) there is none to hand it to, and VS Code opens it (in a PDF viewer extension if there is one).
    const local = pdf.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
    return local ? vscode.env.openExternal(pdf) : vscode.commands.executeCommand('vscode.open', pdf);
  };

  // A letter's PDF opened in VS Code (shown as binary, or by a PDF viewer): offer to import it, once a session.
  const offered = new Set<string>();
  const offer = async (tabs: readonly vscode.Tab[]) => {
    for (const tab of tabs) {
      const uri = (tab.input as { uri?: unknown } | undefined)?.uri;
      if (!(uri instanceof vscode.Uri) || !/\.pdf$/i.test(uri.path) || offered.has(uri.toString())) continue;
      offered.add(uri.toString());
      const read = await readPdf(client, uri).catch(() => undefined);
      if (!read || 'problem' in read || !read.recognized) continue;
      const go = await vscode.window.showInformationMessage(
        `${fileName(uri)} is an IMR letter. Import it as text to check and annotate it?`,
        'Import',
      );
      if (go === 'Import') await importPdfs(uri);
    }
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand('imrLetter.importPdf', importPdfs),
    vscode.commands.registerCommand('imrLetter.openOriginalPdf', openOriginal),
    vscode.window.tabGroups.onDidChangeTabs((e) => void offer(e.opened)),
  );
}
