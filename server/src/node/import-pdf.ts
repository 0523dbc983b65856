import { mkdirSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { PDF_FILE, PdfProblem, withPdfSource } from '../service';
import { isGlob, namedFiles } from './files';
import { readLetterFile } from './read-letter-file';
import { writeNewFile } from './write-file';

const IMPORT_USAGE = `Usage: imr-lint import [--out DIR] [--force] <pdf or folder>...

Writes each PDF letter's text as NAME.imr beside the PDF (or in DIR), ready to open, check and
annotate. An existing file is never overwritten unless --force is given. Folders are searched for
*.pdf. Exit code: 0 all written, 1 a PDF gave no text or a file was left as it was, 2 usage errors.
`;

interface ImportOptions {
  out?: string;
  force: boolean;
  paths: string[];
}

function parseImport(argv: string[]): ImportOptions | string {
  const o: ImportOptions = { force: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--force') o.force = true;
    else if (arg === '--out') {
      o.out = argv[++i];
      if (!o.out) return '--out takes a folder';
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else o.paths.push(arg);
  }
  return o.paths.length > 0 ? o : 'no PDF or folder given';
}

/** Where a PDF's letter text goes: NAME.imr beside it, or in the --out folder. */
function importTarget(pdf: string, out?: string): string {
  const name = basename(pdf).replace(PDF_FILE, '') + '.imr';
  return join(out ?? dirname(pdf), name);
}

/** imr-lint import: each PDF's letter text as NAME.imr; reports each file written, kept or not readable. */
export async function importCommand(argv: string[], log: (line: string) => void): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    log(IMPORT_USAGE.trimEnd());
    return 0;
  }
  const o = parseImport(argv);
  if (typeof o === 'string') {
    log(`imr-lint import: ${o}\n\n${IMPORT_USAGE.trimEnd()}`);
    return 2;
  }
  if (o.out) mkdirSync(o.out, { recursive: true });
  let failed = 0;
  let written = 0;
  const name = (p: string) => relative(process.cwd(), p) || p;
  for (const arg of o.paths) {
    const named = namedFiles(arg);
    const pdfs = named && [...named].filter((f) => PDF_FILE.test(f) || f === arg);
    if (!pdfs || pdfs.length === 0) {
      log(`imr-lint import: ${isGlob(arg) ? 'no file matches' : 'no PDF at'} ${arg}`);
      failed++;
      continue;
    }
    for (const pdf of pdfs) {
      const target = importTarget(pdf, o.out);
      let read;
      try {
        read = await readLetterFile(pdf);
      } catch {
        read = undefined;
      }
      if (!read || read instanceof PdfProblem || !read.pages) {
        log(
          `imr-lint import: ${name(pdf)}: ${read instanceof PdfProblem ? read.message : read ? 'not a PDF' : 'cannot be read'}`,
        );
        failed++;
        continue;
      }
      try {
        // The letter names its PDF (from its own folder) at its end, for Open Original PDF.
        const source = relative(dirname(target), pdf).split(sep).join('/');
        if (writeNewFile(target, withPdfSource(read.text, source), o.force) === 'exists') {
          log(`imr-lint import: ${name(target)} exists; left as it is (--force to overwrite)`);
          failed++;
        } else {
          log(`${name(pdf)} -> ${name(target)} (${read.pages[read.pages.length - 1]} pages)`);
          written++;
        }
      } catch {
        log(`imr-lint import: cannot write ${name(target)}`);
        failed++;
      }
    }
  }
  log(`${written} letter${written === 1 ? '' : 's'} imported${failed > 0 ? `, ${failed} not (named above)` : ''}`);
  return failed > 0 ? 1 : 0;
}
