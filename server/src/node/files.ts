import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { globSync } from 'tinyglobby';

/** What letters are saved as: text, or the PDF as it arrived. */
const LETTER_FILE = /\.(imr|imr\.txt|txt|pdf)$/i;

/** Whether a file's name is one letters are saved under. */
export function isLetterFileName(path: string): boolean {
  return LETTER_FILE.test(path);
}

/**
 * The letter files at a path: the file itself (read later, which says what is wrong with it), or
 * every letter file below a folder, in name order, found as they are asked for (a corpus of a
 * million letters is never listed whole). A walk takes regular files only, and links to regular
 * files (a letter kept elsewhere); it skips devices, pipes and sockets named like letters (a FIFO
 * would block a read, /dev/zero never end one), links to folders (no cycles), hidden folders and
 * node_modules.
 */
export function* letterFiles(path: string): Generator<string> {
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = join(path, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') yield* letterFiles(full);
    } else if (isLetterFileName(e.name) && (e.isFile() || (e.isSymbolicLink() && isRegularFile(full)))) yield full;
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // a dangling link
  }
}

/** Whether a command-line argument is a glob pattern rather than a path. */
export function isGlob(arg: string): boolean {
  return /[*?[\]{}]/.test(arg);
}

/**
 * The files a command-line argument names: a file, every letter file below a folder, or every
 * file a glob pattern matches (quoted, or from a shell that does not expand it, as Windows' do),
 * in name order. Undefined when it names nothing.
 */
export function namedFiles(arg: string): Iterable<string> | undefined {
  if (existsSync(arg)) return letterFiles(arg);
  if (!isGlob(arg)) return undefined;
  const pattern = process.platform === 'win32' ? arg.replace(/\\/g, '/') : arg;
  // Absolute for an absolute pattern, else relative to the working folder: paths as the user wrote them.
  const matched = globSync(pattern, { absolute: isAbsolute(pattern), onlyFiles: true, expandDirectories: false });
  return matched.length > 0 ? matched.sort((a, b) => a.localeCompare(b)) : undefined;
}
