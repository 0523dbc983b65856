import {
  type CancellationToken,
  type CodeLens,
  CodeLensRefreshRequest,
  type Connection,
  DidChangeWatchedFilesNotification,
  type FileEvent,
  FileChangeType,
  type Position,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PrecedentFilter, PrecedentsAnswer } from '../protocol';
import {
  type IndexProgress,
  type IndexedLetter,
  type ItemRecord,
  type LetterFile,
  type LetterService,
  PDF_FILE,
  WorkspaceIndex,
  decodeIndex,
  encodeIndex,
  itemOnLine,
  letterRecords,
  precedentHover,
  readerKey,
  precedentLens,
  precedentsAnswer,
} from '../service';

/** Where the index is saved between sessions (Node: a file in the extension's storage). */
export interface IndexCache {
  /** The saved text, or undefined when there is none. */
  load(): Promise<string | undefined>;
  /** Replaces it whole (atomically). */
  save(text: string): Promise<void>;
}

/** What the index reads the workspace through (Node; none in a browser). */
export interface IndexSources {
  list: () => Promise<LetterFile[]>;
  /** One file after a file event; undefined when it is not a letter file. */
  file: (uri: string) => LetterFile | undefined;
  cache?: IndexCache;
  /** False in a workspace the user does not trust: PDFs are then not read in the background. */
  trusted: boolean;
  /**
   * Reads and parses many letters at once off the server's thread (Node: worker threads, with the
   * built-in catalog); each one's hash and records as they come. Absent: read here, one by one.
   */
  readMany?: (uris: string[]) => AsyncIterable<{ uri: string; hash: string; items: ItemRecord[] }>;
}

/** The files watched for the index (a `.txt` is a letter only when it reads as one). */
const WATCHED = '**/*.{imr,txt,pdf,IMR,TXT,PDF}';
const YIELD_EVERY_MS = 10;
const EDIT_DELAY_MS = 300;
const SAVE_DELAY_MS = 2000;

const yieldToRequests = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The workspace index of letters, kept by the server: built in the background after initialize
 * (with progress the user can cancel, yielding so requests are answered meanwhile), from the
 * saved index where a file's stamp or content hash is unchanged; kept current from file events
 * and open documents' edits; saved after changes. Answers the precedents hover, lenses and view.
 */
export class PrecedentIndexer {
  readonly index = new WorkspaceIndex();
  private sources: IndexSources | undefined;
  private progress: IndexProgress = { indexed: 0, total: 0, complete: false };
  private readonly editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Each build's number: a build that is no longer the last one stops. */
  private generation = 0;
  /** What the index was read with (the catalog and vocabulary): a change reads every letter again. */
  private reader = '';
  /** The records of the last document asked about, by version: a hover, its lenses and the view read them again and again. */
  private lastRecords: { uri: string; version: number; records: ItemRecord[] } | undefined;
  /** Resolves when the first build has ended (done or cancelled). */
  built: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LetterService,
    private readonly refreshesLenses: () => boolean,
  ) {
    connection.onDidChangeWatchedFiles((p) => void this.filesChanged(Array.isArray(p?.changes) ? p.changes : []));
  }

  /** Starts the background build; `watch` registers the file watchers with a client that allows it. */
  start(sources: IndexSources | undefined, watch: boolean): void {
    this.sources = sources;
    if (!sources) return;
    if (watch)
      this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] })
        .catch(() => undefined);
    this.rebuild(sources);
  }

  /** The catalog may have changed: letters read with another are read again. */
  catalogChanged(): void {
    if (this.sources && readerKey(this.service.catalog) !== this.reader) {
      this.index.keepOnly(new Set());
      this.rebuild(this.sources);
    }
  }

  private rebuild(sources: IndexSources): void {
    const generation = ++this.generation;
    this.reader = readerKey(this.service.catalog);
    this.built = this.build(sources, generation).catch((e: unknown) =>
      this.connection.console.error(`indexing the workspace failed: ${e instanceof Error ? e.name : 'error'}`),
    );
  }

  private async build(sources: IndexSources, generation: number): Promise<void> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Indexing IMR letters', 0, 'reading the saved index', true);
    const text = sources.cache ? await sources.cache.load().catch(() => undefined) : undefined;
    const saved = text ? decodeIndex(text, this.reader) : undefined;
    const files = await sources.list();
    // This build's own count: one that a newer build replaced no longer touches what is shown.
    const state: IndexProgress = { indexed: 0, total: files.length, complete: false };
    if (generation === this.generation) this.progress = state;
    let last = Date.now();
    const step = async () => {
      state.indexed++;
      if (Date.now() - last < YIELD_EVERY_MS) return;
      const { indexed, total } = state;
      progress.report(Math.round((indexed / total) * 100), `${indexed} of ${total}`);
      await yieldToRequests();
      last = Date.now();
    };
    const cancelled = () => progress.token.isCancellationRequested || generation !== this.generation;
    // First what the saved index has (a stat, or a hash, each); then the rest is read and parsed.
    let toRead: LetterFile[] = [];
    for (const file of files) {
      if (cancelled()) break;
      if (this.documents.get(file.uri) || (await this.reuse(file, saved?.get(file.uri), sources.trusted))) await step();
      else toRead.push(file);
    }
    if (sources.readMany && toRead.length > 0 && !cancelled()) {
      const unread = new Map(toRead.map((f) => [f.uri, f]));
      for await (const { uri, hash, items } of sources.readMany(toRead.map((f) => f.uri))) {
        const file = unread.get(uri);
        if (!file) continue;
        unread.delete(uri);
        this.index.set(uri, { stamp: file.stamp, hash, items });
        await step();
        if (cancelled()) break;
      }
      toRead = [...unread.values()]; // those the workers did not answer for
    }
    for (const file of toRead) {
      if (cancelled()) break;
      await this.parse(file);
      await step();
    }
    // The workspace's letter files count as open where they are open; other open documents (an
    // unsaved letter, a file not named as a letter) are not in the workspace's count, as not in `imr-lint export`.
    const listed = new Set(files.map((f) => f.uri));
    for (const doc of this.documents.all()) if (listed.has(doc.uri)) this.indexDocument(doc);
    if (!cancelled()) this.index.keepOnly(listed);
    state.complete = !cancelled();
    progress.done();
    if (generation === this.generation) this.changed();
  }

  /**
   * A file's saved records, when its stamp, or else its content hash, is the one saved (true);
   * false when it must be read. In an untrusted workspace a PDF is left out (true).
   */
  private async reuse(file: LetterFile, saved: IndexedLetter | undefined, trusted: boolean): Promise<boolean> {
    const known = saved ?? this.index.get(file.uri);
    if (known && known.stamp === file.stamp) return (this.index.set(file.uri, known), true);
    // PDFs are read by a large third-party reader: not unasked in a workspace the user does not trust.
    if (!trusted && PDF_FILE.test(file.uri)) return true;
    const hash = known && file.hash ? await file.hash().catch(() => '') : '';
    if (!known || !hash || known.hash !== hash) return false;
    this.index.set(file.uri, { ...known, stamp: file.stamp });
    return true;
  }

  /** A file read and parsed here; one that gives no text (a scanned PDF, unreadable) is kept with no items, so it is not read again until it changes. */
  private async parse(file: LetterFile): Promise<void> {
    const { text } = await file.read().catch(() => ({ text: '' }));
    const hash = file.hash ? await file.hash().catch(() => '') : '';
    const letter = this.service.read(text);
    this.index.set(file.uri, { stamp: file.stamp, hash, items: letter.recognized ? letterRecords(letter) : [] });
  }

  /** An open document counts as its text is now. */
  private indexDocument(doc: TextDocument): void {
    const letter = this.service.analyse(doc);
    this.index.set(doc.uri, { stamp: '', hash: '', items: letter.recognized ? letterRecords(letter) : [] });
  }

  /** An open letter of the workspace was edited: its records follow after a pause in typing. */
  edited(doc: TextDocument): void {
    if (!this.sources || !this.index.get(doc.uri)) return;
    clearTimeout(this.editTimers.get(doc.uri));
    this.editTimers.set(
      doc.uri,
      setTimeout(() => {
        this.editTimers.delete(doc.uri);
        const now = this.documents.get(doc.uri);
        if (now) this.indexDocument(now);
        this.changed();
      }, EDIT_DELAY_MS),
    );
  }

  /** A document closed: it counts again as the file says (or not at all when there is no file). */
  closed(uri: string): void {
    clearTimeout(this.editTimers.get(uri));
    this.editTimers.delete(uri);
    if (!this.sources) return;
    void this.filesChanged([{ uri, type: FileChangeType.Changed }]);
  }

  private async filesChanged(changes: FileEvent[]): Promise<void> {
    const sources = this.sources;
    if (!sources) return;
    for (const change of changes) {
      if (typeof change?.uri !== 'string') continue;
      const file = change.type === FileChangeType.Deleted ? undefined : sources.file(change.uri);
      const open = this.documents.get(change.uri);
      // An open letter counts as its text is now (a letter saved for the first time joins the index so).
      if (open && file) this.indexDocument(open);
      else if (file && !(await this.reuse(file, undefined, sources.trusted))) await this.parse(file);
      else this.index.delete(change.uri);
    }
    this.changed();
  }

  /** After the index changed: lenses drawn again, and the index saved after a pause. */
  private changed(): void {
    if (this.refreshesLenses()) this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    const cache = this.sources?.cache;
    if (!cache) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      cache
        .save(encodeIndex(this.index.entries(), this.reader))
        .catch((e: unknown) =>
          this.connection.console.error(`saving the workspace index failed: ${e instanceof Error ? e.name : 'error'}`),
        );
    }, SAVE_DELAY_MS);
  }

  private recordsOf(doc: TextDocument): ItemRecord[] {
    const last = this.lastRecords;
    if (last && last.uri === doc.uri && last.version === doc.version) return last.records;
    const records = letterRecords(this.service.analyse(doc));
    this.lastRecords = { uri: doc.uri, version: doc.version, records };
    return records;
  }

  /** The item on the position's line and its precedents, or undefined when no item is there. */
  private target(doc: TextDocument, line: number) {
    if (!this.sources) return undefined;
    const i = itemOnLine(this.service.analyse(doc), line);
    if (i < 0) return undefined;
    const target = this.recordsOf(doc)[i];
    return { target, similar: this.index.similar(target, doc.uri) };
  }

  hover(doc: TextDocument, position: Position): string | undefined {
    const found = this.target(doc, position.line);
    return found && precedentHover(found.target, found.similar, this.progress);
  }

  codeLenses(doc: TextDocument, token: CancellationToken): CodeLens[] {
    if (!this.sources || token.isCancellationRequested) return [];
    return this.recordsOf(doc).map((target) =>
      precedentLens(doc.uri, target, this.index.similar(target, doc.uri), this.progress),
    );
  }

  view(doc: TextDocument, position: Position, filter: PrecedentFilter): PrecedentsAnswer | null {
    if (!this.sources) return null;
    const letter = this.service.analyse(doc);
    const i = itemOnLine(letter, position.line, true);
    if (i < 0) return null;
    return precedentsAnswer(doc.uri, this.recordsOf(doc)[i], this.index, filter, this.progress);
  }
}
