import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { isGlob, namedFiles } from './node/files';
import { importCommand } from './node/import-pdf';
import { FileRefused, readFileBounded } from './node/read-file';
import { type ReadLetter, readLetterFile } from './node/read-letter-file';
import { writeStats } from './node/stats-command';
import { replaceFile } from './node/write-file';
import {
  CSV_HEADER,
  EXPORT_FORMATS,
  type ExportSource,
  ITEM_COLUMNS,
  LEVELS,
  type Item,
  type Letter,
  type Level,
  type Problem,
  RULES,
  createLetterService,
  csvLine,
  csvRows,
  decisionCount,
  decisionsPart,
  exportAnnotations,
  itemRows,
  letterReport,
  PDF_FILE,
  PdfProblem,
  printable,
  STATS_FORMATS,
  type StatsRow,
  statsRow,
  sarifLog,
} from './service';

// The package's version, set from package.json when the bundle is built (esbuild.mjs).
declare const IMR_VERSION: string | undefined;
const VERSION = typeof IMR_VERSION === 'string' ? IMR_VERSION : 'development';
const service = createLetterService();

const USAGE = `Usage: imr-lint [options] <file or folder>...            check letters
       imr-lint export [--format csv|jsonl] [--bom] <file or folder>...  one row per disputed item
       imr-lint annotations [--format markdown|csv|json] [--bom] <file or folder>...
       imr-lint stats [--format text|csv|json|html] [--out FILE] [--min-items N] <file or folder>...
       imr-lint import [--out DIR] [--force] <pdf or folder>...      NAME.pdf -> NAME.imr

Checks IMR Final Determination letters, as text or as the PDF itself. Folders are searched for
*.imr, *.imr.txt, *.txt and *.pdf; a quoted glob ("letters/**/*.txt") names every file it matches.

Options:
  --format text|json|sarif  text: file:line:col severity rule message (default); json: one
                            object per letter (header, reviewer, items with decisions, fields
                            and citations, annotations, findings); sarif: SARIF 2.1.0
  --outline                 with text: also print each letter's outline
  --fix                     apply the safe fixes in place (UTF-8 files only), then report the rest
  --rule ID=LEVEL           set a rule's level (error, warning, information, hint, off); repeatable
  --config FILE             a JSON file { "rules": { "ID": "LEVEL" } } (default: .imr-lint.json if present)
  --bom                     with CSV: start with a UTF-8 byte order mark, so Excel reads
                            accents, curly quotes and dashes as UTF-8 (it guesses otherwise)
  --stats                   print the time taken and the peak memory on stderr
  --rules                   list the rules and exit
  --version                 print the version and exit
  -h, --help                show this help

Exit code: 0 no errors, 1 errors found (for export and stats: a file gave no rows), 2 usage or read errors.
"imr-lint annotations" prints the letters' annotations: an appeal worksheet (markdown), a
table (csv) or W3C Web Annotations (json). "imr-lint export" prints the item table a
researcher codes from. "imr-lint stats" counts the same rows: overturn rates with 95 %
intervals, in all and by category, region, guideline cited, reviewer specialty and year
(docs/stats.md); --out writes the report to FILE (html: one self-contained page).
`;

interface Options {
  command: 'check' | 'export' | 'annotations' | 'stats';
  format: string;
  outline: boolean;
  fix: boolean;
  stats: boolean;
  bom: boolean;
  rules: Record<string, Level>;
  paths: string[];
  /** stats: where the report goes, and the smallest group shown. */
  out?: string;
  minItems: number;
}

/** What one letter gives: its output, ready to print in file order, and its counts. */
interface LetterResult {
  out: string;
  err: string;
  failed: boolean;
  items: number;
  upheld: number;
  overturned: number;
  undecided: number;
  byRule: Record<string, number>;
  errors: number;
  warnings: number;
  /** For SARIF and JSON, assembled once every letter is in. */
  data?: unknown;
}

// Below this many letters one thread is quicker than starting workers.
const PARALLEL_FROM = 400;

function parse(argv: string[]): Options | string {
  const o: Options = {
    command: 'check',
    format: '',
    outline: false,
    fix: false,
    stats: false,
    bom: false,
    rules: {},
    paths: [],
    minItems: 1,
  };
  if (['export', 'annotations', 'stats'].includes(argv[0])) o.command = argv.shift() as Options['command'];
  let config = existsSync('.imr-lint.json') ? '.imr-lint.json' : undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--format') o.format = argv[++i] ?? '';
    else if (arg === '--outline') o.outline = true;
    else if (arg === '--fix') o.fix = true;
    else if (arg === '--stats') o.stats = true;
    else if (arg === '--bom') o.bom = true;
    else if (arg === '--config') config = argv[++i];
    else if (arg === '--out' && o.command === 'stats') o.out = argv[++i] || undefined;
    else if (arg === '--min-items' && o.command === 'stats') {
      o.minItems = Number(argv[++i]);
      if (!Number.isInteger(o.minItems) || o.minItems < 1) return '--min-items takes a whole number from 1';
    } else if (arg === '--rule') {
      const [id, level] = (argv[++i] ?? '').split('=');
      if (!RULES.some((r) => r.id === id) || !LEVELS.includes(level as Level))
        return `--rule takes ID=LEVEL with a known rule id and one of ${LEVELS.join(', ')}`;
      o.rules[id] = level as Level;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else o.paths.push(arg);
  }
  const formats: string[] = {
    check: ['text', 'json', 'sarif'],
    export: ['csv', 'jsonl'],
    annotations: [...EXPORT_FORMATS],
    stats: [...STATS_FORMATS],
  }[o.command];
  o.format ||= formats[0];
  if (!formats.includes(o.format)) return `--format takes ${formats.join(', ')} here`;
  if (o.bom && o.format !== 'csv')
    return '--bom is for CSV output (imr-lint export, or imr-lint annotations or stats --format csv)';
  if (config) {
    try {
      const rules =
        (JSON.parse(readFileBounded(config).toString('utf8')) as { rules?: Record<string, unknown> }).rules ?? {};
      for (const [id, level] of Object.entries(rules)) {
        if (!RULES.some((r) => r.id === id) || !LEVELS.includes(level as Level))
          return `${config}: "${id}": "${String(level)}" is not a known rule and level`;
        o.rules[id] ??= level as Level; // the command line wins
      }
    } catch {
      return `cannot read the config file ${config} (it must be JSON: { "rules": { "rule.id": "warning" } })`;
    }
  }
  if (o.paths.length === 0) return 'no file or folder given';
  return o;
}

/** Checks, exports or lists the annotations of one letter. Runs in the main thread or a worker. */
async function processFile(file: string, o: Options): Promise<LetterResult> {
  const name = printable(file); // as the user gave it (a folder's files are joined to the folder as given)
  const r: LetterResult = {
    out: '',
    err: '',
    failed: false,
    items: 0,
    upheld: 0,
    overturned: 0,
    undecided: 0,
    byRule: {},
    errors: 0,
    warnings: 0,
  };
  let read: ReadLetter | PdfProblem;
  try {
    read = await readLetterFile(file, readFileBounded);
  } catch (e) {
    return {
      ...r,
      err: `imr-lint: cannot read ${name}${e instanceof FileRefused ? `: ${e.message}` : ''}\n`,
      failed: true,
    };
  }
  if (read instanceof PdfProblem) {
    // Checked, a PDF with no text is a finding like any other (its level set as any rule's); it has no rows or annotations.
    if (o.command !== 'check') return { ...r, err: `imr-lint: ${name}: ${read.message}\n`, failed: true };
    const problems = service.checkUnreadablePdf(read.message, { rules: o.rules });
    count(r, [], problems);
    return report(r, name, service.read(''), problems, o);
  }
  const bytes = read.bytes;
  let letter = service.read(read.text);
  if (o.command === 'annotations') {
    const source: ExportSource = { name, text: read.text, letter };
    r.data = o.format === 'json' ? JSON.parse(exportAnnotations(source, 'json')) : undefined;
    r.out =
      o.format === 'csv'
        ? csvRows(source).join('')
        : o.format === 'markdown'
          ? exportAnnotations(source, 'markdown')
          : '';
    return r;
  }
  if (o.command === 'export' || o.command === 'stats') {
    const rows = itemRows(name, letter);
    if (o.command === 'stats') r.data = rows.map(statsRow);
    else
      r.out = rows
        .map((row) => (o.format === 'csv' ? csvLine(ITEM_COLUMNS.map((c) => row[c])) : JSON.stringify(row) + '\n'))
        .join('');
    count(r, letter.items, []);
    // A file that adds nothing to the table is named, so no letter leaves a data set unnoticed.
    if (rows.length === 0) r.err = `imr-lint: ${name}: no rows: ${whyNoItems(letter)}\n`;
    return r;
  }
  let problems = service.check(letter, { rules: o.rules });
  if (o.fix) {
    const { text: fixed, count } = service.applySafeFixes(read.text, problems);
    if (count > 0 && read.pages)
      r.err += `imr-lint: ${name} is a PDF; not fixed (imr-lint import writes its text as .imr)\n`;
    else if (count > 0 && !read.utf8) r.err += `imr-lint: ${name} is not UTF-8; not fixed, so no byte of it changes\n`;
    else if (count > 0) {
      try {
        replaceFile(file, fixed, bytes);
        r.err += `imr-lint: ${name}: ${count} fix${count === 1 ? '' : 'es'} applied\n`;
        letter = service.read(fixed);
        problems = service.check(letter, { rules: o.rules });
      } catch (e) {
        r.err += `imr-lint: cannot write ${name}${e instanceof FileRefused ? `: ${e.message}` : ''}\n`;
        r.failed = true;
      }
    }
  }
  count(r, letter.items, problems);
  return report(r, name, letter, problems, o, read.pages);
}

/** A checked letter's findings (and outline) in the format asked for; for a PDF, each finding names its page. */
function report(
  r: LetterResult,
  name: string,
  letter: Letter,
  problems: Problem[],
  o: Options,
  pages?: number[],
): LetterResult {
  if (o.format === 'text') {
    if (o.outline) r.out += `${name}\n${service.outlineText(letter, '  ')}`;
    const page = (line: number) => (pages ? ` (page ${pages[line] ?? pages[pages.length - 1]})` : '');
    r.out += problems
      .map(
        (p) =>
          `${name}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.ruleId} ${p.message}${page(p.range.start.line)}\n`,
      )
      .join('');
    if (o.outline) r.out += '\n';
  } else
    r.data =
      o.format === 'json'
        ? letterReport(name, letter, problems, pages)
        : // Without their fixes (functions): the result may come from a worker thread, as a copy.
          {
            file: name,
            problems: problems.map(({ range, message, ruleId, severity }) => ({ range, message, ruleId, severity })),
            pages,
          };
  return r;
}

function whyNoItems(letter: Letter): string {
  if (letter.binary) return 'the file is not text (it holds NUL bytes or control characters)';
  if (letter.blank) return 'the file is empty';
  if (!letter.recognized) return 'no IMR letter found in it (no header, heading or disputed item)';
  return 'no disputed item found in the letter';
}

function count(r: LetterResult, items: readonly Item[], problems: Problem[]) {
  Object.assign(r, decisionCount(items));
  for (const p of problems) {
    r.byRule[p.ruleId] = (r.byRule[p.ruleId] ?? 0) + 1;
    if (p.severity === 'error') r.errors++;
    if (p.severity === 'warning') r.warnings++;
  }
}

async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  if (argv[0] === 'import') return importCommand(argv.slice(1), (line) => process.stderr.write(line + '\n'));
  if (argv.includes('-h') || argv.includes('--help')) return out(USAGE, 0);
  if (argv.includes('--version')) return out(`imr-lint ${VERSION}\n`, 0);
  if (argv.includes('--rules'))
    return out(RULES.map((r) => `${r.id.padEnd(38)} ${r.severity.padEnd(11)} ${r.description}\n`).join(''), 0);
  const o = parse(argv);
  if (typeof o === 'string') return usage(o);

  let readErrors = 0;
  const files = o.paths.flatMap((p) => {
    const named = namedFiles(p);
    if (named) return named;
    process.stderr.write(
      isGlob(p) ? `imr-lint: no file matches ${printable(p)}\n` : `imr-lint: cannot read ${printable(p)}\n`,
    );
    readErrors++;
    return [];
  });
  const results = await run(files, o);
  if (o.command === 'stats') return statsCommand(o, files, results, readErrors > 0);

  const head =
    o.command === 'export' && o.format === 'csv'
      ? csvLine([...ITEM_COLUMNS])
      : o.command === 'annotations' && o.format === 'csv'
        ? CSV_HEADER
        : '';
  process.stdout.write((o.bom ? '\ufeff' : '') + head);
  for (const r of results) {
    process.stdout.write(r.out);
    process.stderr.write(r.err);
    if (r.failed) readErrors++;
  }
  const data = results.map((r) => r.data).filter((d) => d !== undefined);
  if (o.command === 'check' && o.format === 'json') process.stdout.write(JSON.stringify(data, null, 2) + '\n');
  if (o.command === 'check' && o.format === 'sarif')
    process.stdout.write(
      JSON.stringify(sarifLog(data as { file: string; problems: Problem[] }[], VERSION), null, 2) + '\n',
    );
  if (o.command === 'annotations' && o.format === 'json')
    process.stdout.write(JSON.stringify(data.length === 1 ? data[0] : data, null, 2) + '\n');
  if (o.command === 'check') process.stderr.write(summary(results));
  const unexported = o.command === 'export' ? results.filter((r) => !r.failed && r.items === 0).length : 0;
  if (o.command === 'export') process.stderr.write(exportSummary(results, unexported));
  if (o.stats)
    process.stderr.write(
      `${results.length} letters in ${((performance.now() - started) / 1000).toFixed(2)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`,
    );
  const errors = total(results, (r) => r.errors);
  return readErrors > 0 ? 2 : errors > 0 || unexported > 0 ? 1 : 0;
}

/** imr-lint stats: the files' messages, then the report; exit codes as export's. */
function statsCommand(o: Options, files: string[], results: LetterResult[], pathsFailed: boolean): number {
  for (const r of results) process.stderr.write(r.err);
  const inputs = results.map((r, i) => ({ file: printable(files[i]), failed: r.failed, rows: r.data as StatsRow[] }));
  // The names that matched nothing (already named on stderr), for the report to say so too.
  const notFound = pathsFailed ? o.paths.filter((p) => !namedFiles(p)).map(printable) : [];
  const written = writeStats(o, inputs, notFound);
  const failed = pathsFailed || results.some((r) => r.failed);
  return failed || !written ? 2 : results.some((r) => !r.failed && r.items === 0) ? 1 : 0;
}

function exportSummary(results: LetterResult[], unexported: number): string {
  const sum = (f: (r: LetterResult) => number) => total(results, f);
  const none = unexported > 0 ? `; ${plural(unexported, 'file')} gave no rows (named above)` : '';
  return `${plural(results.length, 'file')}, ${plural(
    sum((r) => r.items),
    'row',
  )} (${decisions(sum)})${none}\n`;
}

/** "12 upheld, 8 overturned, 1 undecided": the items no decision count holds are named too. */
function decisions(sum: (f: (r: LetterResult) => number) => number): string {
  return decisionsPart(
    sum((r) => r.upheld),
    sum((r) => r.overturned),
    sum((r) => r.undecided),
  );
}

function total(results: LetterResult[], f: (r: LetterResult) => number): number {
  return results.reduce((n, r) => n + f(r), 0);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(results: LetterResult[]): string {
  const sum = (f: (r: LetterResult) => number) => total(results, f);
  const byRule: Record<string, number> = {};
  for (const r of results) for (const [id, n] of Object.entries(r.byRule)) byRule[id] = (byRule[id] ?? 0) + n;
  const lines = [
    `${plural(results.length, 'letter')} checked: ${plural(
      sum((r) => r.items),
      'item',
    )} (${decisions(sum)}), ${plural(
      sum((r) => r.errors),
      'error',
    )}, ${plural(
      sum((r) => r.warnings),
      'warning',
    )}`,
    ...Object.entries(byRule)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id, n]) => `  ${String(n).padStart(6)}  ${id}`),
  ];
  return lines.join('\n') + '\n';
}

/** Processes the files in order; many files are shared among worker threads, one per core. */
async function run(files: string[], o: Options): Promise<LetterResult[]> {
  // A PDF takes as long to read as some hundred text letters to check.
  const weight = files.reduce((n, f) => n + (PDF_FILE.test(f) ? 100 : 1), 0);
  const progress = process.stderr.isTTY && weight > 50 && files.length > 1 ? new Progress(files.length) : undefined;
  const workers = Math.min(availableParallelism(), 8);
  if (weight < PARALLEL_FROM || workers < 2) {
    const results: LetterResult[] = [];
    for (const f of files) {
      results.push(await processFile(f, o));
      progress?.tick();
    }
    return results;
  }
  const results = new Array<LetterResult>(files.length);
  const chunk = Math.ceil(files.length / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = w * chunk;
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(__filename, { workerData: { files: files.slice(from, from + chunk), options: o } });
        worker.on('message', (m: { index: number; result: LetterResult }) => {
          results[from + m.index] = m.result;
          progress?.tick();
        });
        worker.on('error', reject);
        worker.on('exit', () => resolve());
      });
    }),
  );
  progress?.done();
  return results;
}

/** A count and rate on stderr, for long runs at a terminal only. */
class Progress {
  private done_ = 0;
  private readonly started = Date.now();
  constructor(private readonly total: number) {}
  tick() {
    this.done_++;
    if (this.done_ % 25 === 0 || this.done_ === this.total || this.total < 100) {
      const rate = this.done_ / Math.max((Date.now() - this.started) / 1000, 0.001);
      process.stderr.write(`\r${this.done_}/${this.total} letters (${Math.round(rate)}/s)`);
    }
    if (this.done_ === this.total) this.done();
  }
  done() {
    process.stderr.write('\r\x1b[K');
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

if (isMainThread) {
  // Output piped into `head` and the like: stop quietly when the reader has had enough.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`imr-lint: ${e instanceof Error ? e.message : 'failed'}\n`);
      process.exitCode = 2;
    },
  );
} else {
  const { files, options } = workerData as { files: string[]; options: Options };
  void (async () => {
    for (const [index, file] of files.entries())
      parentPort!.postMessage({ index, result: await processFile(file, options) });
  })();
}
