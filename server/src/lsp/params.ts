import { ErrorCodes, type Position, type Range, ResponseError } from 'vscode-languageserver';

/**
 * What a request must carry, checked at the server's edge: a malformed request is answered with
 * InvalidParams and a message saying what is wrong, never with an internal error from deep inside.
 */
export interface Needs {
  /** Where the document's address is: `textDocument.uri` (LSP requests) or `uri` (imr/*). */
  uri: 'textDocument' | 'uri';
  position?: boolean;
  range?: boolean;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isPosition = (x: unknown): x is Position =>
  typeof x === 'object' && x !== null && isNumber((x as Position).line) && isNumber((x as Position).character);
export const isRange = (x: unknown): x is Range =>
  typeof x === 'object' && x !== null && isPosition((x as Range).start) && isPosition((x as Range).end);

/** The document's address, or the error to answer with. */
export function checkParams(p: unknown, needs: Needs): string | ResponseError<void> {
  const holder = needs.uri === 'textDocument' ? (p as { textDocument?: unknown } | null | undefined)?.textDocument : p;
  const uri = (holder as { uri?: unknown } | null | undefined)?.uri;
  if (typeof uri !== 'string')
    return invalid(needs.uri === 'textDocument' ? 'textDocument.uri must be a string' : 'uri must be a string');
  if (needs.position && !isPosition((p as { position?: unknown }).position))
    return invalid('position must be { line, character } with numbers of 0 or more');
  if (needs.range && !isRange((p as { range?: unknown }).range))
    return invalid('range must be { start, end } positions');
  return uri;
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}
