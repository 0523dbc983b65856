import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { safeEdits } from './features/code-actions';
import { CSV_HEADER, EXPORT_FORMATS, type ExportFormat, type ExportSource, csvRows, exportAnnotations } from './features/export-annotations';
import { outlineText } from './features/outline-text';
import { documentSymbols } from './features/symbols';
import { parseLetter } from './letter/parse';
import { letterFiles } from './node/files';
import { RULES, checkLetter } from './rules';
import { LEVELS, type Level } from './rules/rule';

const USAGE = `Usage: imr-lint [options] <file or folder>...
       imr-lint annotations [--format markdown|csv|json] <file or folder>...

Checks IMR Final Determination letters and prints each finding as
  file:line:col severity rule message
Folders are searched for *.imr, *.imr.txt and *.txt files.
"imr-lint annotations" prints the letters' annotations instead: an appeal worksheet
(markdown, the default), a table (csv) or W3C Web Annotations (json).

Options:
  --outline          also print each letter's outline (sections, items and decisions)
  --fix              apply the safe fixes in place (UTF-8 files only), then report what is left
  --rule ID=LEVEL    set a rule's level (error, warning, information, hint, off); repeatable
  --rules            list the rules and exit
  -h, --help         show this help

Exit code: 0 no errors, 1 errors found, 2 usage or read errors.
`;

function main(argv: string[]): number {
  if (argv[0] === 'annotations') return annotations(argv.slice(1));
  const paths: string[] = [];
  const rules: Record<string, Level> = {};
  let outline = false;
  let fix = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return out(USAGE, 0);
    if (arg === '--rules') return out(RULES.map((r) => `${r.id.padEnd(24)} ${r.severity.padEnd(11)} ${r.description}\n`).join(''), 0);
    if (arg === '--outline') outline = true;
    else if (arg === '--fix') fix = true;
    else if (arg === '--rule') {
      const [id, level] = (argv[++i] ?? '').split('=');
      if (!RULES.some((r) => r.id === id) || !LEVELS.includes(level as Level)) return usage(`--rule takes ID=LEVEL with a known rule id and one of ${LEVELS.join(', ')}`);
      rules[id] = level as Level;
    } else if (arg.startsWith('-')) return usage(`unknown option ${arg}`);
    else paths.push(arg);
  }
  if (paths.length === 0) return usage('no file or folder given');

  let readErrors = 0;
  let errors = 0;
  let warnings = 0;
  let letters = 0;
  const files = paths.flatMap((p) => {
    try {
      return letterFiles(p);
    } catch {
      process.stderr.write(`imr-lint: cannot read ${p}\n`);
      readErrors++;
      return [];
    }
  });
  for (const file of files) {
    let read: { text: string; utf8: boolean };
    try {
      read = decode(readFileSync(file));
    } catch {
      process.stderr.write(`imr-lint: cannot read ${file}\n`);
      readErrors++;
      continue;
    }
    const name = relative(process.cwd(), file) || file;
    let letter = parseLetter(read.text);
    if (fix) {
      const { edits, count } = safeEdits(checkLetter(letter, { rules }));
      if (count > 0 && !read.utf8) process.stderr.write(`imr-lint: ${name} is not UTF-8; not fixed, so no byte of it changes\n`);
      else if (count > 0) {
        const fixed = TextDocument.applyEdits(TextDocument.create(file, 'imr-letter', 1, read.text), edits);
        try {
          writeFileSync(file, fixed, 'utf8');
          process.stderr.write(`imr-lint: ${name}: ${count} fix${count === 1 ? '' : 'es'} applied\n`);
          letter = parseLetter(fixed);
        } catch {
          process.stderr.write(`imr-lint: cannot write ${file}\n`);
          readErrors++;
        }
      }
    }
    letters++;
    if (outline) process.stdout.write(`${name}\n${outlineText(documentSymbols(letter), '  ')}`);
    for (const p of checkLetter(letter, { rules })) {
      if (p.severity === 'error') errors++;
      if (p.severity === 'warning') warnings++;
      process.stdout.write(`${name}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.ruleId} ${p.message}\n`);
    }
    if (outline) process.stdout.write('\n');
  }
  process.stderr.write(`${letters} letter${letters === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  return readErrors > 0 ? 2 : errors > 0 ? 1 : 0;
}

/** `imr-lint annotations`: the annotations of every letter, in one document. */
function annotations(argv: string[]): number {
  let format: ExportFormat = 'markdown';
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--format') {
      const f = argv[++i] as ExportFormat;
      if (!EXPORT_FORMATS.includes(f)) return usage(`--format takes ${EXPORT_FORMATS.join(', ')}`);
      format = f;
    } else if (argv[i].startsWith('-')) return usage(`unknown option ${argv[i]}`);
    else paths.push(argv[i]);
  }
  if (paths.length === 0) return usage('no file or folder given');
  let failed = 0;
  const sources: ExportSource[] = [];
  for (const file of paths.flatMap((p) => (existsSync(p) ? letterFiles(p) : (process.stderr.write(`imr-lint: cannot read ${p}\n`), failed++, [])))) {
    try {
      const { text } = decode(readFileSync(file));
      sources.push({ name: relative(process.cwd(), file) || file, text, letter: parseLetter(text) });
    } catch {
      process.stderr.write(`imr-lint: cannot read ${file}\n`);
      failed++;
    }
  }
  if (format === 'csv') process.stdout.write(CSV_HEADER + sources.flatMap(csvRows).join(''));
  else if (format === 'json') {
    const collections = sources.map((s) => JSON.parse(exportAnnotations(s, 'json')));
    process.stdout.write(JSON.stringify(collections.length === 1 ? collections[0] : collections, null, 2) + '\n');
  } else process.stdout.write(sources.map((s) => exportAnnotations(s, 'markdown')).join('\n---\n\n'));
  return failed > 0 ? 2 : 0;
}

/** UTF-8 when the bytes are UTF-8 (a byte order mark kept); otherwise Windows-1252, which older extractions use. */
export function decode(bytes: Uint8Array): { text: string; utf8: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), utf8: true };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), utf8: false };
  }
}

function out(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}

function usage(message: string): number {
  process.stderr.write(`imr-lint: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
