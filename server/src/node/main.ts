import { existsSync, statSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { PdfProblem } from '../service';
import { startServer } from '../server';
import { letterFiles } from './files';
import { readPdfInNode } from './pdf-reader';
import { FileRefused, readFileBoundedAsync } from './read-file';
import { readLetterFile } from './read-letter-file';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

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

startServer(createConnection(ProposedFeatures.all), {
  workspaceLetters: async (folderUri) =>
    // Capped, so a folder that is not a letter collection cannot stall the server.
    letterFiles(fileURLToPath(folderUri))
      .slice(0, 20_000)
      .map((path) => {
        const stat = statSync(path);
        // A PDF is read to its letter text; one that gives none rejects with its PdfProblem.
        const read = async () => {
          const file = await readLetterFile(path);
          if (file instanceof PdfProblem) throw file;
          return { text: file.text, pages: file.pages };
        };
        return { uri: pathToFileURL(path).href, stamp: `${stat.mtimeMs}:${stat.size}`, read };
      }),
  rulesDoc: existsSync(rulesDoc) ? pathToFileURL(rulesDoc).href : undefined,
  readPdf: readPdfInNode,
  readWorkspaceFile: async (folderUri, path) =>
    (await readFileBoundedAsync(await insideFolder(fileURLToPath(folderUri), path))).toString('utf8'),
});
