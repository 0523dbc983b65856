import type {
  CancellationToken,
  Connection,
  Diagnostic,
  DocumentDiagnosticReport,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type LetterFile, type LetterService, isPdfProblem } from '../service';
import type { SettingsStore } from './settings';

const DIAGNOSTICS_DELAY_MS = 150;

/**
 * Diagnostics, pushed or pulled (never both: clients that pull, LSP 3.17, ask for them; others
 * get them pushed after a pause in typing), and for every letter of the workspace on request.
 * All three take their findings from `findings`, so they always agree.
 */
export class DiagnosticsChannel {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  pulls = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LetterService,
    private readonly settings: SettingsStore,
  ) {}

  /** The one place findings come from: an open document's, or a closed file's text (undefined: not a letter, leave it alone). */
  private async findings(
    target: TextDocument | { uri: string; text: string; pages?: number[] },
    token?: CancellationToken,
  ): Promise<Diagnostic[] | undefined> {
    const settings = await this.settings.for(target.uri);
    return 'text' in target
      ? this.service.fileDiagnostics(target.uri, target.text, settings, target.pages)
      : this.service.diagnostics(target, settings, token);
  }

  /** The document changed (or the settings did): push its findings after a pause. */
  schedule(uri: string): void {
    if (this.pulls) return;
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        this.push(uri).catch((e: unknown) =>
          this.connection.console.error(`validating ${uri} failed: ${e instanceof Error ? e.name : 'error'}`),
        );
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  private async push(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const started = Date.now();
    const items = await this.findings(doc);
    const current = this.documents.get(uri);
    if (!current || current.version !== version || !items) return; // a newer edit will be validated instead
    // Logged (when the client asks for a trace) by address, version, counts and time: never letter text.
    this.connection.tracer.log(
      `diagnostics for ${uri} version ${version}: ${items.length} in ${Date.now() - started} ms`,
    );
    await this.connection.sendDiagnostics({ uri, version, diagnostics: items });
  }

  /** A pull: "unchanged" when the findings are those of the report the client names. */
  async pull(
    uri: string,
    previousResultId: string | undefined,
    token: CancellationToken,
  ): Promise<DocumentDiagnosticReport> {
    const settings = await this.settings.for(uri);
    const doc = this.documents.get(uri); // read after the wait: the text as it is now
    if (!doc) return { kind: 'full', items: [] };
    const report = this.service.diagnosticReport(doc, settings, previousResultId, token);
    return report.unchanged
      ? { kind: 'unchanged', resultId: report.resultId }
      : { kind: 'full', resultId: report.resultId, items: report.items };
  }

  /** The document closed: its pending push is dropped and its pushed findings cleared. */
  closed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    if (!this.pulls) this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /**
   * Check All Letters in Workspace: every letter of the folder that is not open gets its findings
   * pushed (open ones keep theirs), with progress the user can cancel.
   */
  async checkFiles(
    files: LetterFile[],
    token: CancellationToken,
  ): Promise<{ checked: number; total: number; withErrors: number }> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Checking IMR letters', 0, `0 of ${files.length}`, true);
    const open = new Set(this.documents.all().map((d) => d.uri));
    let checked = 0;
    let withErrors = 0;
    for (const file of files) {
      if (token.isCancellationRequested || progress.token.isCancellationRequested) break;
      checked++;
      if (open.has(file.uri)) continue;
      // A PDF that gives no letter text (scanned, encrypted, damaged) is told why, in one finding.
      const read = await file.read().catch((e: unknown) => (isPdfProblem(e) ? e : { text: '' }));
      const items =
        'text' in read
          ? await this.findings({ uri: file.uri, ...read })
          : this.service.unreadableFileDiagnostics(read.message, await this.settings.for(file.uri));
      if (!items) continue;
      if (items.some((d) => d.severity === 1)) withErrors++;
      await this.connection.sendDiagnostics({ uri: file.uri, diagnostics: items });
      if (checked % 20 === 0)
        progress.report(Math.round((checked / files.length) * 100), `${checked} of ${files.length}`);
    }
    progress.done();
    return { checked, total: files.length, withErrors };
  }
}
