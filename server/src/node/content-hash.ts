import { createHash } from 'node:crypto';

/**
 * The SHA-256 of bytes or text in hex, as `sha256sum` writes it: what a manifest lists a letter
 * by, and what the saved workspace index keys a letter's content (and a folder's file) by.
 */
export function contentHash(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
