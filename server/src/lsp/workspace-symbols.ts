import type { CancellationToken, TextDocuments, WorkspaceSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LetterFile, LetterService } from '../service';

const MAX_WORKSPACE_SYMBOLS = 1000;

/**
 * Workspace symbols over every letter of the folder, opened or not: each closed file is read once
 * per change (its stamp), the open ones as their text is now.
 */
export class WorkspaceSymbolIndex {
  private readonly indexed = new Map<string, { stamp: string; symbols: WorkspaceSymbol[] }>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LetterService,
  ) {}

  async search(query: string, files: LetterFile[], token: CancellationToken): Promise<WorkspaceSymbol[] | null> {
    let symbols: WorkspaceSymbol[] = []; // concatenated: a folder may hold more symbols than a call takes arguments
    const open = new Set(this.documents.all().map((doc) => doc.uri));
    for (const file of files) {
      if (token.isCancellationRequested) return null;
      if (open.has(file.uri)) continue;
      let entry = this.indexed.get(file.uri);
      if (!entry || entry.stamp !== file.stamp) {
        const { text } = await file.read().catch(() => ({ text: '' }));
        entry = { stamp: file.stamp, symbols: this.service.textWorkspaceSymbols(file.uri, text) };
        this.indexed.set(file.uri, entry);
      }
      symbols = symbols.concat(entry.symbols);
    }
    // The open letters' come first, read after the waits above: each as its text is now.
    let opened: WorkspaceSymbol[] = [];
    for (const doc of this.documents.all()) opened = opened.concat(this.service.documentWorkspaceSymbols(doc));
    return opened
      .concat(symbols)
      .filter((s) => this.service.matchesQuery(query, s.name))
      .slice(0, MAX_WORKSPACE_SYMBOLS);
  }
}
