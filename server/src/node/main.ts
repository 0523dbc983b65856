import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { decodeLetter } from '../service';
import { startServer } from '../server';
import { letterFiles } from './files';

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
      return { uri: pathToFileURL(path).href, stamp: `${stat.mtimeMs}:${stat.size}`, read: async () => decodeLetter(await readFile(path)).text };
    }),
  rulesDoc: existsSync(rulesDoc) ? pathToFileURL(rulesDoc).href : undefined,
  readWorkspaceFile: (folderUri, path) => readFile(isAbsolute(path) ? path : join(fileURLToPath(folderUri), path), 'utf8'),
});
