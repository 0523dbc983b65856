// Packages dist/imr-letters.vsix (after `node esbuild.mjs --production`).
//   node --import tsx scripts/package.ts
// VS Code's page for an installed extension shows only http(s) pictures: relative ones (and data:
// ones) are stripped, even when the .vsix holds the file. So the README's relative links are
// rewritten to the repository's files (package.json "repository"), as the Marketplace needs too.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/**
 * Where the README's relative links (`blob`, the page) and pictures (`raw`, the file) point once
 * packaged: the repository's files at its default branch, as vsce does for GitHub.
 */
export function linkBases(manifest: { repository?: string | { url?: string } }): { content: string; images: string } {
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (typeof url !== 'string' || !/^https:\/\/[^/\s]+\/\S+$/.test(url)) throw new Error('package.json needs "repository": { "url": "https://host/owner/name.git" } for the README\'s links and pictures');
  let repo = url.endsWith('.git') ? url.slice(0, -4) : url;
  while (repo.endsWith('/')) repo = repo.slice(0, -1);
  return { content: `${repo}/blob/HEAD/`, images: `${repo}/raw/HEAD/` };
}

if (require.main === module) {
  const base = linkBases(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  const vsce = require.resolve('@vscode/vsce/vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--baseContentUrl', base.content, '--baseImagesUrl', base.images, '--out', 'dist/imr-letters.vsix'], { cwd: root, stdio: 'inherit' });
}
