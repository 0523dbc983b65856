import type { BaseLanguageClient } from 'vscode-languageclient';
import type { Method, ParamsOf, ResultOf } from '../../server/src/protocol';

/** Sends one of the server's own requests (server/src/protocol.ts), typed by its method. */
export function request<M extends Method>(
  client: BaseLanguageClient,
  method: M,
  params: ParamsOf<M>,
): Promise<ResultOf<M>> {
  return client.sendRequest<ResultOf<M>>(method, params);
}
