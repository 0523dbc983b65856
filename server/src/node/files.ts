import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What letters are saved as. */
export const LETTER_FILE = /\.(imr|imr\.txt|txt)$/i;

/** The letter files at a path: the file itself, or every letter file below a folder (hidden folders and node_modules skipped), in name order. */
export function letterFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      if (e.isDirectory()) return e.name.startsWith('.') || e.name === 'node_modules' ? [] : letterFiles(join(path, e.name));
      return LETTER_FILE.test(e.name) ? [join(path, e.name)] : [];
    });
}
