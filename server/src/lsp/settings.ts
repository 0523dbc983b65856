import { type Connection, MessageType } from 'vscode-languageserver';
import { notify } from './notify';
import { DEFAULT_SETTINGS, type LetterService, SECTION, type Settings, readSettings } from '../service';

/** Why a file was not read: the reader's own words where it gives them (e.g. outside the workspace). */
function reasonOf(e: unknown): string {
  return e instanceof Error && e.name === 'FileRefused' ? e.message : 'file not found or unreadable';
}

/** Reads a file named in the settings, relative to the workspace folder (Node only; absent in a browser). */
export type ReadWorkspaceFile = (folderUri: string, path: string) => Promise<string>;

/**
 * The `imrLetter` settings of each document: pulled from the client per document where it can
 * (`workspace/configuration`), else as pushed at start and on change. Also loads the guideline
 * catalog file the settings name into the service.
 */
export class SettingsStore {
  private canPull = false;
  private pushed = DEFAULT_SETTINGS;
  private readonly byUri = new Map<string, Promise<Settings>>();
  private catalogFile: string | undefined;
  // VS Code says whether the user trusts the workspace; other editors have no such notion.
  trusted = true;
  folderUri: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly service: LetterService,
    private readonly readWorkspaceFile?: ReadWorkspaceFile,
  ) {}

  /** From the initialize request: whether the client can be asked, and what it sent. */
  initialize(canPull: boolean, initializationOptions: unknown, folderUri: string | undefined): void {
    this.canPull = canPull;
    this.folderUri = folderUri;
    const given = initializationOptions as { settings?: unknown; workspaceTrusted?: unknown } | undefined;
    this.pushed = readSettings(given?.settings);
    this.trusted = given?.workspaceTrusted !== false;
  }

  for(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SECTION })
        .then(readSettings, () => DEFAULT_SETTINGS);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** The settings changed: forget what was pulled, take what was pushed, and reload the catalog. */
  async changed(pushed: unknown): Promise<void> {
    this.byUri.clear();
    if (pushed !== undefined) this.pushed = readSettings(pushed);
    await this.loadCatalog();
  }

  /** Whether a catalog file is in use (letters read elsewhere than by this service would be read without it). */
  get usesCatalogFile(): boolean {
    return this.catalogFile !== undefined;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** The built-in catalog, with the entries of the file the settings name (if any, and readable). */
  async loadCatalog(): Promise<void> {
    const settings = this.canPull
      ? readSettings(
          await this.connection.workspace.getConfiguration({ scopeUri: this.folderUri, section: SECTION }).then(
            (s: unknown) => s,
            () => undefined,
          ),
        )
      : this.pushed;
    if (settings.catalogFile === this.catalogFile) return;
    const file = (this.catalogFile = settings.catalogFile);
    let json: unknown;
    // A path in the user's settings would be read from whatever folder is open: not from one the user does not trust.
    if (file && !this.trusted)
      this.warn(`the guideline catalog ${file} is not read in an untrusted workspace (trust the workspace to use it).`);
    else if (file && this.folderUri && this.readWorkspaceFile) {
      try {
        json = JSON.parse(await this.readWorkspaceFile(this.folderUri, file));
      } catch (e) {
        this.warn(
          `cannot read the guideline catalog ${file}: ${e instanceof SyntaxError ? 'not valid JSON' : reasonOf(e)}.`,
        );
      }
    }
    const errors = this.service.useCatalogFile(json);
    if (errors.length > 0)
      this.warn(
        `${file}: ${errors.slice(0, 3).join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}`,
      );
  }

  private warn(message: string): void {
    notify(this.connection, MessageType.Warning, `IMR Letters: ${message}`);
  }
}
