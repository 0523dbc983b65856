import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexCache } from '../lsp/precedents';
import { contentHash } from './content-hash';
import { readFileBoundedAsync } from './read-file';
import { writeFileAtomically } from './write-file';

/** A saved index past this is not read (ten thousand letters save to a few megabytes). */
const MAX_CACHE_BYTES = 200 * 1024 * 1024;

/**
 * The workspace index saved in the extension's storage folder, one file per workspace folder
 * (the storage may be shared by several, as the global one is).
 */
export function indexCacheIn(storagePath: string, folderUri: string): IndexCache {
  const file = join(storagePath, `precedents-index-${contentHash(folderUri)}.json`);
  return {
    load: async () => {
      try {
        return (await readFileBoundedAsync(file, MAX_CACHE_BYTES)).toString('utf8');
      } catch {
        return undefined; // none yet, or unreadable: the letters are read again
      }
    },
    save: async (text) => {
      await mkdir(storagePath, { recursive: true });
      await writeFileAtomically(file, text);
    },
  };
}
