import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileRefused, readFileBounded } from './read-file';

/** Where a file's new contents are written before they are renamed over it. */
const temporaryFor = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.imr-lint.tmp`);

/** Writes a file all at once (a temporary file renamed over it): a reader sees the old contents or the new, never half. */
export async function writeFileAtomically(path: string, contents: string): Promise<void> {
  const temporary = temporaryFor(path);
  await writeFile(temporary, contents, 'utf8');
  await rename(temporary, path).catch(async (e: unknown) => {
    await unlink(temporary).catch(() => undefined);
    throw e;
  });
}

/**
 * Replaces a file's contents all at once: written to a temporary file beside it, then renamed over
 * it, so a reader never sees it half-written and a failure leaves it as it was. Refused (the file
 * left alone) when it no longer holds `expected`, the bytes the new contents were made from: what
 * was written to it meanwhile is not lost.
 */
export function replaceFile(path: string, contents: string, expected: Buffer): void {
  const temporary = temporaryFor(path);
  const mode = statSync(path).mode;
  writeFileSync(temporary, contents, { encoding: 'utf8', mode, flag: 'wx' });
  try {
    chmodSync(temporary, mode); // as the original, whatever the umask made of it
    if (!readFileBounded(path).equals(expected))
      throw new FileRefused('it changed while imr-lint ran, so it was not fixed');
    renameSync(temporary, path);
  } catch (e) {
    unlinkSync(temporary);
    throw e;
  }
}

/**
 * Writes text to a new file at once or not at all: a temporary file beside it, then a hard link
 * (which fails if the target exists, so nothing is overwritten) or, with force, a rename over it.
 */
export function writeNewFile(target: string, text: string, force: boolean): 'written' | 'exists' {
  const temp = temporaryFor(target);
  writeFileSync(temp, text, 'utf8');
  try {
    if (force) renameSync(temp, target);
    else linkSync(temp, target);
    return 'written';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw e;
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

/**
 * A new file written piece by piece (a run's output, a manifest) into a temporary file beside it,
 * renamed into place by commit(): a reader never sees half a file, and a run that fails or is
 * stopped leaves what was there before.
 */
export class AtomicFile {
  private readonly temporary: string;
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.temporary = temporaryFor(path);
    this.fd = openSync(this.temporary, 'wx', 0o666);
  }

  write(data: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length;) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }

  commit(): void {
    this.close();
    renameSync(this.temporary, this.path);
  }

  /** Leaves the file as it was before (idempotent, so a failure path can always call it). */
  abort(): void {
    if (this.fd === undefined) return;
    this.close();
    unlinkSync(this.temporary);
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
