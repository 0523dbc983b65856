import { FileRefused, readFileBounded } from './read-file';

/**
 * Manifests: what letters a run has read, by content, so a later run (a monthly refresh) reads
 * only new ones. A manifest is `sha256sum`'s format, one `HASH  PATH` line a letter, so
 * `sha256sum -c` can check one too.
 */

const DIGEST_BYTES = 32;
// Two million letters make a manifest of about 200 MB.
const MAX_MANIFEST_BYTES = 1024 * 1024 * 1024;

export function manifestLine(hash: string, name: string): string {
  return `${hash}  ${name.replace(/[\r\n]/g, ' ')}\n`;
}

/**
 * The hashes a manifest lists, sorted, in memory the worker threads share (32 bytes a letter, not
 * a copy per thread). Throws a message for the user when the file cannot be read or holds no hash.
 */
export function readManifest(path: string): SharedArrayBuffer {
  let text: string;
  try {
    text = readFileBounded(path, MAX_MANIFEST_BYTES).toString('utf8');
  } catch (e) {
    throw new Error(`cannot read the manifest ${path}${e instanceof FileRefused ? `: ${e.message}` : ''}`);
  }
  const digests: Buffer[] = [];
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64})\s/i.exec(line);
    if (m) digests.push(Buffer.from(m[1], 'hex'));
    else if (line.trim() !== '') throw new Error(`${path} is not a manifest (a line is not "SHA256  PATH")`);
  }
  digests.sort(Buffer.compare);
  const shared = new SharedArrayBuffer(digests.length * DIGEST_BYTES);
  const view = Buffer.from(shared);
  digests.forEach((d, i) => d.copy(view, i * DIGEST_BYTES));
  return shared;
}

/** Whether a manifest read by readManifest lists a hash: a binary search. */
export function manifestHas(manifest: SharedArrayBuffer, hash: string): boolean {
  const all = Buffer.from(manifest);
  const wanted = Buffer.from(hash, 'hex');
  let low = 0;
  let high = all.length / DIGEST_BYTES - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = Buffer.compare(all.subarray(middle * DIGEST_BYTES, (middle + 1) * DIGEST_BYTES), wanted);
    if (order === 0) return true;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
