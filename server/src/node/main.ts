import { existsSync, statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { type LetterFile, PdfProblem } from '../service';
import { startServer } from '../server';
import { isLetterFileName, letterFiles } from './files';
import { contentHash } from './content-hash';
import { indexCacheIn } from './index-cache';
import { isIndexWorker, readInWorkers, runIndexWorker } from './index-workers';
import { readPdfInNode } from './pdf-reader';
import { FileRefused, readFileBoundedAsync } from './read-file';
import { readLetterFile } from './read-letter-file';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

function serve(): void {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(
      'Usage: imr-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\nThe IMR letter language server; speaks LSP over stdio unless told otherwise.\n',
    );
    process.exit(0);
  }
  // Editors started by hand often pass nothing: speak over stdio then.
  if (!process.argv.some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) process.argv.push('--stdio');

  // The bundle sits in dist/, the rule reference in docs/ beside it (in the .vsix and in a checkout).
  const rulesDoc = join(__dirname, '..', 'docs', 'rules.md');
  startServer(createConnection(ProposedFeatures.all), {
    // Capped, so a folder that is not a letter collection cannot stall the server.
    workspaceLetters: async (folderUri) => {
      const found = [];
      for (const path of letterFiles(fileURLToPath(folderUri))) {
        if (found.length === 20_000) break;
        found.push(letterFile(path));
      }
      return found;
    },
    letterFile: (uri) => {
      try {
        const path = fileURLToPath(uri);
        return isLetterFileName(path) && statSync(path).isFile() ? letterFile(path) : undefined;
      } catch {
        return undefined; // not a file address, or the file is gone
      }
    },
    indexCache: indexCacheIn,
    readLetters,
    rulesDoc: existsSync(rulesDoc) ? pathToFileURL(rulesDoc).href : undefined,
    readPdf: readPdfInNode,
    readWorkspaceFile: async (folderUri, path) =>
      (await readFileBoundedAsync(await insideFolder(fileURLToPath(folderUri), path))).toString('utf8'),
  });
}

/** A path the settings name, as the file it is inside the workspace folder (links resolved); refused when it is outside. */
async function insideFolder(folder: string, path: string): Promise<string> {
  const root = await realpath(folder);
  const file = await realpath(resolve(root, path)).catch(() => {
    throw new FileRefused('file not found');
  });
  if (!file.startsWith(root + sep))
    throw new FileRefused('it is outside the workspace folder, and only a file in the workspace is read');
  return file;
}

/** A letter file as the server reads it: stamped with its modification time and size, read and hashed on demand. */
function letterFile(path: string): LetterFile {
  const stat = statSync(path);
  // The bytes read for the text are hashed then, so a letter read for the index is read once.
  let hashed: string | undefined;
  // A PDF is read to its letter text; one that gives none rejects with its PdfProblem.
  const read = async () => {
    const file = await readLetterFile(path);
    if (file instanceof PdfProblem) throw file;
    hashed = contentHash(file.bytes);
    return { text: file.text, pages: file.pages };
  };
  const hash = async () => hashed ?? (hashed = contentHash(await readFileBoundedAsync(path)));
  return { uri: pathToFileURL(path).href, stamp: `${stat.mtimeMs}:${stat.size}`, read, hash };
}

/** Letter files by address, read in worker threads for the workspace index. */
async function* readLetters(uris: string[]) {
  for await (const { path, hash, items } of readInWorkers(uris.map((uri) => fileURLToPath(uri))))
    yield { uri: pathToFileURL(path).href, hash, items };
}

// The same bundle runs the threads that read letters for the workspace index.
if (isIndexWorker()) void runIndexWorker();
else serve();
