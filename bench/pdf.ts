// The PDF row of npm run bench: the ten shared PDFs read to text and analysed, in process and
// through the command line, against `pdftotext -layout` on the same files in the same run.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfText } from '../server/src/pdf/reader';

export interface PdfBench {
  pdfs: number;
  pages: number;
  /** Read to text (the shipped reader, dist/pdf-reader.js) and analysed, in process, per PDF. */
  readAndAnalyseMsPerPdf: number;
  /** pdftotext -layout per PDF, a process each as it is used; null where it is not installed. */
  pdftotextMsPerPdf: number | null;
  vsPdftotext: number | null;
  /** imr-lint over a folder of copies of the ten (worker threads, one per core), per PDF. */
  cliFolder: { pdfs: number; seconds: number; msPerPdf: number; exitCode: number | null };
  /** The same folder through pdftotext, one file after the other. */
  pdftotextFolderSeconds: number | null;
  note?: string;
}

export async function benchPdf(root: string, pdfDir: string, analyse: (text: string) => void): Promise<PdfBench> {
  const files = readdirSync(pdfDir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(pdfDir, f));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the reader as it ships, its own bundle
  const { readPdf } = require(join(root, 'dist', 'pdf-reader.js')) as {
    readPdf: (bytes: Uint8Array) => Promise<PdfText>;
  };
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  let pages = 0;
  for (const b of bytes) {
    const r = await readPdf(b); // warm-up, and the page count
    pages += r.pages[r.pages.length - 1];
  }
  const rounds = 5;
  let t = performance.now();
  for (let i = 0; i < rounds; i++) for (const b of bytes) analyse((await readPdf(b)).text);
  const ours = (performance.now() - t) / (rounds * files.length);

  const hasPdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;
  let theirs: number | null = null;
  if (hasPdftotext) {
    t = performance.now();
    for (let i = 0; i < rounds; i++)
      for (const f of files) spawnSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
    theirs = (performance.now() - t) / (rounds * files.length);
  }

  // A folder of 200 PDFs: enough for the command line to share them among worker threads.
  const dir = mkdtempSync(join(tmpdir(), 'imr-bench-pdf-'));
  mkdirSync(join(dir, 'pdfs'));
  const copies = 20;
  for (let i = 0; i < copies; i++)
    files.forEach((f, k) => copyFileSync(f, join(dir, 'pdfs', `${String(i).padStart(2, '0')}-${k}.pdf`)));
  const count = copies * files.length;
  t = performance.now();
  const cli = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'pdfs'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const cliSeconds = (performance.now() - t) / 1000;
  let pdftotextFolderSeconds: number | null = null;
  if (hasPdftotext) {
    t = performance.now();
    for (const f of readdirSync(join(dir, 'pdfs')))
      spawnSync('pdftotext', ['-layout', join(dir, 'pdfs', f), '-'], { encoding: 'utf8' });
    pdftotextFolderSeconds = (performance.now() - t) / 1000;
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    pdfs: files.length,
    pages,
    readAndAnalyseMsPerPdf: ours,
    pdftotextMsPerPdf: theirs,
    vsPdftotext: theirs ? ours / theirs : null,
    cliFolder: { pdfs: count, seconds: cliSeconds, msPerPdf: (cliSeconds * 1000) / count, exitCode: cli.status },
    pdftotextFolderSeconds,
    note: hasPdftotext
      ? undefined
      : 'pdftotext is not installed (Debian: poppler-utils), so the comparison was skipped',
  };
}

/** Where the shared PDFs are, when they are. */
export function sharedPdfs(real: string): string | undefined {
  const dir = join(real, 'pdf');
  return existsSync(dir) ? dir : undefined;
}
