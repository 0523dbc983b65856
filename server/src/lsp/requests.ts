import {
  type CancellationToken,
  type Connection,
  ErrorCodes,
  type Position,
  ResponseError,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Method, ParamsOf, ResultOf } from '../protocol';
import { DEFAULT_SETTINGS, type Settings } from '../service';
import { type Needs, checkParams } from './params';
import type { SettingsStore } from './settings';

/** How every request is answered: after shutdown with an error, about a document with its parameters checked. */
export class RequestHandlers {
  private shutDown = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
  ) {
    // After shutdown, requests are answered with an error, as the protocol asks.
    connection.onShutdown(() => {
      this.shutDown = true;
    });
  }

  answer<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R | ResponseError<never> {
    return (...args: A) =>
      this.shutDown
        ? new ResponseError<never>(ErrorCodes.InvalidRequest, 'The server is shutting down.')
        : handler(...args);
  }

  /**
   * A handler for a request about an open document: its parameters checked at the edge
   * (InvalidParams when malformed), null for a document that is not open. With `settings`, they
   * are awaited first and the document read after, so the service sees its text as it is then.
   */
  onDocument<P, R>(
    needs: Needs & { settings?: boolean },
    use: (doc: TextDocument, p: P, s: Settings, token: CancellationToken) => R,
  ) {
    return this.answer(async (p: P, token: CancellationToken): Promise<R | null | ResponseError<void>> => {
      const uri = checkParams(p, needs);
      if (typeof uri !== 'string') return uri;
      const s = needs.settings ? await this.settings.for(uri) : DEFAULT_SETTINGS;
      const doc = this.documents.get(uri);
      return doc ? use(doc, p, s, token) : null;
    });
  }

  /** A custom request, typed by protocol.ts: what it may answer (null for a document not open, or an error). */
  onImrRequest<M extends Method>(
    method: M,
    handler: (
      params: ParamsOf<M>,
      token: CancellationToken,
    ) => Promise<ResultOf<M> | null | ResponseError<void>> | ResponseError<never>,
  ): void {
    this.connection.onRequest(method, handler as (params: unknown, token: CancellationToken) => unknown);
  }
}

/** A position clamped to the document: past its end is its end. */
export function clamped(doc: TextDocument, position: Position): Position {
  return doc.positionAt(doc.offsetAt(position));
}

/** Where a request's document address is. */
export const LSP = { uri: 'textDocument' } as const;
export const IMR = { uri: 'uri' } as const;
