import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { namedFiles } from './files';

/** A letter to process: its path, and the name a shard is chosen by (stable wherever the corpus sits). */
export interface ListedFile {
  path: string;
  key: string;
}

const CHUNK_BYTES = 64 * 1024;
// A path is at most a few kilobytes; a longer line (or /dev/zero given as a list) is no list.
const MAX_LINE_BYTES = 64 * 1024;

/**
 * The paths in a list file (or standard input for "-", or a pipe such as `<(find ...)`), one a
 * line as `find` or a scheduler writes them, read as they are asked for: a list of two million
 * paths is never held whole. Relative paths are relative to the current folder, blank lines are
 * skipped, a Windows line end is taken off. Each path's shard key is the path as listed. Throws
 * a message for the user when the list cannot be opened, or later read; a listed path that does
 * not exist is reported when it is read.
 */
export function readFileList(list: string): Iterable<ListedFile> {
  let fd: number;
  try {
    fd = list === '-' ? 0 : openSync(list, 'r');
  } catch {
    throw new Error(`cannot read the file list ${list}`);
  }
  return (function* () {
    try {
      for (const line of lines(fd, list)) {
        const path = line.endsWith('\r') ? line.slice(0, -1) : line;
        if (path.trim() !== '') yield { path, key: slashed(path) };
      }
    } finally {
      if (fd !== 0) closeSync(fd);
    }
  })();
}

/** The lines of an open file, a chunk read at a time; a line is decoded as UTF-8 once it is whole. */
function* lines(fd: number, list: string): Generator<string> {
  const chunk = Buffer.alloc(CHUNK_BYTES);
  let carried = Buffer.alloc(0);
  for (let n = readChunk(fd, chunk, list); n > 0; n = readChunk(fd, chunk, list)) {
    const data = carried.length > 0 ? Buffer.concat([carried, chunk.subarray(0, n)]) : chunk.subarray(0, n);
    let start = 0;
    for (let end = data.indexOf(10); end !== -1; end = data.indexOf(10, start)) {
      yield data.toString('utf8', start, end);
      start = end + 1;
    }
    // Copied: the chunk is read into again.
    carried = Buffer.from(data.subarray(start));
    if (carried.length > MAX_LINE_BYTES)
      throw new Error(`cannot read the file list ${list}: a line longer than 64 KB is not a path`);
  }
  if (carried.length > 0) yield carried.toString('utf8');
}

function readChunk(fd: number, chunk: Buffer, list: string): number {
  for (;;) {
    try {
      return readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      // Standard input left non-blocking by whatever started us: wait for the writer a moment.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 10);
      else throw new Error(`cannot read the file list ${list}`);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * The files a command-line argument names (see namedFiles), each keyed by its path relative to the
 * folder given, so a shard holds the same letters wherever the folder is; undefined when it names nothing.
 */
export function listedFiles(arg: string): Iterable<ListedFile> | undefined {
  const named = namedFiles(arg);
  if (!named) return undefined;
  const folder = isFolder(arg);
  return (function* () {
    for (const path of named) yield { path, key: slashed(folder ? relative(arg, path) : path) };
  })();
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
