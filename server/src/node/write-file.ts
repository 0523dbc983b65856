import { chmodSync, existsSync, linkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

/**
 * Writes text to a new file at once or not at all: a temporary file beside it, then a hard link
 * (which fails if the target exists, so nothing is overwritten) or, with force, a rename over it.
 */
export function writeNewFile(target: string, text: string, force: boolean): 'written' | 'exists' {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
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
