import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { FileRefused, readFileBounded } from './read-file';
import { namedFiles } from './files';

/** A letter to process: its path, and the name a shard is chosen by (stable wherever the corpus sits). */
export interface ListedFile {
  path: string;
  key: string;
}

// A list of two million paths is some hundred megabytes; a file past this is no list.
const MAX_LIST_BYTES = 1024 * 1024 * 1024;

/**
 * The paths in a list file (or standard input for "-"), one a line as `find` or a scheduler writes
 * them; relative paths are relative to the current folder, blank lines are skipped, a Windows line
 * end is taken off. Each path's shard key is the path as listed. Throws a message for the user when
 * the list cannot be read; a listed path that does not exist is reported later, when it is read.
 */
export function readFileList(list: string): ListedFile[] {
  let bytes: Buffer;
  try {
    bytes = list === '-' ? readFileSync(0) : readFileBounded(list, MAX_LIST_BYTES);
  } catch (e) {
    throw new Error(`cannot read the file list ${list}${e instanceof FileRefused ? `: ${e.message}` : ''}`);
  }
  return bytes
    .toString('utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '')
    .map((path) => ({ path, key: slashed(path) }));
}

/**
 * The files a command-line argument names (see namedFiles), each keyed by its path relative to the
 * folder given, so a shard holds the same letters wherever the folder is; undefined when it names nothing.
 */
export function listedFiles(arg: string): ListedFile[] | undefined {
  const named = namedFiles(arg);
  if (!named) return undefined;
  const folder = isFolder(arg);
  return named.map((path) => ({ path, key: slashed(folder ? relative(arg, path) : path) }));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a glob
  }
}

/** The same key on Windows as elsewhere. */
function slashed(path: string): string {
  return sep === '\\' ? path.replace(/\\/g, '/') : path;
}
