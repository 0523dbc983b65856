import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FileRefused, readFileBounded } from './read-file';

/**
 * Replaces a file's contents all at once: written to a temporary file beside it, then renamed over
 * it, so a reader never sees it half-written and a failure leaves it as it was. Refused (the file
 * left alone) when it no longer holds `expected`, the bytes the new contents were made from: what
 * was written to it meanwhile is not lost.
 */
export function replaceFile(path: string, contents: string, expected: Buffer): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.imr-lint.tmp`);
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
