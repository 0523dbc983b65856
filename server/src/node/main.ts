import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { PdfProblem } from '../pdf/reader';
import { startServer } from '../server';
import { letterFiles } from './files';
import { readPdfInNode } from './pdf-reader';
import { readLetterFile } from './read-letter-file';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write('Usage: imr-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\nThe IMR letter language server; speaks LSP over stdio unless told otherwise.\n');
  process.exit(0);
}
// Editors started by hand often pass nothing: speak over stdio then.
if (!process.argv.some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) process.argv.push('--stdio');

// The bundle sits in dist/, the rule reference in docs/ beside it (in the .vsix and in a checkout).
const rulesDoc = join(__dirname, '..', 'docs', 'rules.md');

startServer(createConnection(ProposedFeatures.all), {
  workspaceLetters: async (folderUri) =>
    // Capped, so a folder that is not a letter collection cannot stall the server.
    letterFiles(fileURLToPath(folderUri)).slice(0, 20_000).map((path) => {
      const stat = statSync(path);
      // A PDF is read to its letter text; one that gives none rejects with its PdfProblem.
      const read = async () => {
        const file = await readLetterFile(path);
        if (file instanceof PdfProblem) throw file;
        return file.text;
      };
      return { uri: pathToFileURL(path).href, stamp: `${stat.mtimeMs}:${stat.size}`, read };
    }),
  rulesDoc: existsSync(rulesDoc) ? pathToFileURL(rulesDoc).href : undefined,
  readPdf: readPdfInNode,
  readWorkspaceFile: (folderUri, path) => readFile(isAbsolute(path) ? path : join(fileURLToPath(folderUri), path), 'utf8'),
});
