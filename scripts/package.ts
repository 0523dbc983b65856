// Packages dist/imr-letters.vsix (after `node esbuild.mjs --production`).
//   node --import tsx scripts/package.ts
// VS Code's page for an installed extension shows only http(s) pictures: relative ones (and data:
// ones) are stripped, even when the .vsix holds the file. So the README's relative links are
// rewritten to the repository's files (package.json "repository"), as the Marketplace needs too.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/**
 * Where the README's relative links (`blob`, the page) and pictures (`raw`, the file) point once
 * packaged: the repository's files at its default branch, as vsce does for GitHub.
 */
export function linkBases(manifest: { repository?: string | { url?: string } }): { content: string; images: string } {
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (typeof url !== 'string' || !/^https:\/\/[^/\s]+\/\S+$/.test(url))
    throw new Error(
      'package.json needs "repository": { "url": "https://host/owner/name.git" } for the README\'s links and pictures',
    );
  let repo = url.endsWith('.git') ? url.slice(0, -4) : url;
  while (repo.endsWith('/')) repo = repo.slice(0, -1);
  return { content: `${repo}/blob/HEAD/`, images: `${repo}/raw/HEAD/` };
}

/**
 * The README as the extension's page shows it: without the block of commands for building from
 * source that opens the repository's README (a user installing the extension needs none of them).
 */
export function packagedReadme(readme: string): string {
  return readme.replace(/<!-- from source[^>]*-->[^]*?<!-- \/from source -->\n+/, '');
}

if (require.main === module) {
  const base = linkBases(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'README.md'), packagedReadme(readFileSync(join(root, 'README.md'), 'utf8')));
  const vsce = require.resolve('@vscode/vsce/vsce');
  execFileSync(
    process.execPath,
    [
      vsce,
      'package',
      '--no-dependencies',
      '--readme-path',
      'dist/README.md',
      '--baseContentUrl',
      base.content,
      '--baseImagesUrl',
      base.images,
      '--out',
      'dist/imr-letters.vsix',
    ],
    { cwd: root, stdio: 'inherit' },
  );
}
