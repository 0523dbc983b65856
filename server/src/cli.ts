import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import { type ListedFile, listedFiles, readFileList } from './node/file-list';
import { Lookahead } from './node/lookahead';
import { isGlob } from './node/files';
import { importCommand } from './node/import-pdf';
import { FileRefused, readFileBounded } from './node/read-file';
import { type ReadLetter, readLetterFile } from './node/read-letter-file';
import { contentHash } from './node/content-hash';
import { manifestHas, manifestLine, readManifest } from './node/manifest';
import { runInOrder, serveInputs } from './node/ordered-run';
import { textOutput } from './node/output';
import { ParquetFile } from './node/parquet-file';
import { type Shard, inShard, parseShard } from './node/shard';
import { StatsTally, writeStats } from './node/stats-command';
import { AtomicFile, replaceFile } from './node/write-file';
import {
  CSV_HEADER,
  EXPORT_FORMATS,
  type ExportSource,
  ITEM_COLUMNS,
  ITEM_TABLE,
  LETTER_TABLE,
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
  JsonArrayText,
  exportAnnotations,
  jsonElement,
  webAnnotations,
  itemRows,
  letterReport,
  letterRow,
  PDF_FILE,
  PdfProblem,
  printable,
  STATS_FORMATS,
  type StatsRow,
  pageOfLine,
  statsRow,
  SARIF_RESULTS_DEPTH,
  sarifFrame,
  sarifResults,
  type TypedCell,
  typedRow,
} from './service';

// The package's version, set from package.json when the bundle is built (esbuild.mjs).
declare const IMR_VERSION: string | undefined;
const VERSION = typeof IMR_VERSION === 'string' ? IMR_VERSION : 'development';
const service = createLetterService();

const USAGE = `Usage: imr-lint [options] <file or folder>...            check letters
       imr-lint export [--format csv|jsonl|parquet] [--bom] <file or folder>...  one row per disputed item
       imr-lint annotations [--format markdown|csv|json] [--bom] <file or folder>...
       imr-lint stats [--format text|csv|json|html] [--out FILE] [--min-items N] <file or folder>...
       imr-lint import [--out DIR] [--force] <pdf or folder>...      NAME.pdf -> NAME.imr

Checks IMR Final Determination letters, as text or as the PDF itself. Folders are searched for
*.imr, *.imr.txt, *.txt and *.pdf; a quoted glob ("letters/**/*.txt") names every file it matches.

Options:
  --format text|json|jsonl|sarif|parquet
                            text: file:line:col severity rule message (default); json: one
                            object per letter (header, reviewer, items with decisions, fields
                            and citations, annotations, findings); jsonl: the same, one letter a
                            line; sarif: SARIF 2.1.0; parquet: one row per letter (needs --out)
  --out FILE                write the output to FILE (put in place when the run is done)
  --files-from FILE|-       also process the letters FILE (or standard input) lists, one path a line
  --shard I/N               process only shard I of N (1/4 ... 4/4), chosen by a hash of each
                            file's path relative to the folder given (or as listed)
  --threads N               worker threads (default: one per core, at most 8); 1 when an engine
                            already runs one imr-lint per core
  --write-manifest FILE     write the SHA-256 of every letter read (sha256sum's format)
  --since-manifest FILE     skip letters whose SHA-256 that manifest lists (a refresh reads new ones only)
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
  /** Where the output goes (written whole at the end, atomically) instead of standard output. */
  out?: string;
  /** stats: the smallest group shown. */
  minItems: number;
  filesFrom?: string;
  shard?: Shard;
  writeManifest?: string;
  sinceManifest?: string;
  threads?: number;
  /** The hashes of --since-manifest, read once and shared with the worker threads. */
  since?: SharedArrayBuffer;
}

/** What one letter gives: its output, ready to print in file order, and its counts. */
interface LetterResult {
  name: string;
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
  /** For stats: the letter's item rows, cut to what the report counts. */
  statsRows?: StatsRow[];
  /** For JSON and SARIF: the letter's elements of the output's array, laid out by jsonElement. */
  elements?: string;
  /** For Parquet: the letter's rows, typed. */
  rows?: TypedCell[][];
  /** The content hash, for the manifests. */
  hash?: string;
  /** Listed in --since-manifest, so not processed. */
  skipped?: boolean;
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
    else if (arg === '--out') o.out = argv[++i];
    else if (arg === '--files-from') o.filesFrom = argv[++i];
    else if (arg === '--write-manifest') o.writeManifest = argv[++i];
    else if (arg === '--since-manifest') o.sinceManifest = argv[++i];
    else if (arg === '--min-items' && o.command === 'stats') {
      o.minItems = Number(argv[++i]);
      if (!Number.isInteger(o.minItems) || o.minItems < 1) return '--min-items takes a whole number from 1';
    } else if (arg === '--threads') {
      o.threads = Number(argv[++i]);
      if (!Number.isInteger(o.threads) || o.threads < 1 || o.threads > 64)
        return '--threads takes a number from 1 to 64';
    } else if (arg === '--shard') {
      const shard = parseShard(argv[++i] ?? '');
      if (typeof shard === 'string') return shard;
      o.shard = shard;
    } else if (arg === '--rule') {
      const [id, level] = (argv[++i] ?? '').split('=');
      if (!RULES.some((r) => r.id === id) || !LEVELS.includes(level as Level))
        return `--rule takes ID=LEVEL with a known rule id and one of ${LEVELS.join(', ')}`;
      o.rules[id] = level as Level;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else o.paths.push(arg);
  }
  const formats: string[] = {
    check: ['text', 'json', 'jsonl', 'sarif', 'parquet'],
    export: ['csv', 'jsonl', 'parquet'],
    annotations: [...EXPORT_FORMATS],
    stats: [...STATS_FORMATS],
  }[o.command];
  o.format ||= formats[0];
  if (!formats.includes(o.format)) return `--format takes ${formats.join(', ')} here`;
  for (const [option, value] of Object.entries({
    '--out': o.out,
    '--files-from': o.filesFrom,
    '--write-manifest': o.writeManifest,
    '--since-manifest': o.sinceManifest,
  }))
    if (value === '' || (value === undefined && argv.includes(option))) return `${option} takes a file name`;
  if (o.format === 'parquet' && !o.out) return 'Parquet is binary: give the file to write with --out FILE';
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
  if (o.paths.length === 0 && o.filesFrom === undefined) return 'no file or folder given';
  return o;
}

/** Checks, exports or lists the annotations of one letter. Runs in the main thread or a worker. */
async function processFile(file: string, o: Options): Promise<LetterResult> {
  const name = printable(file); // as the user gave it (a folder's files are joined to the folder as given)
  const r: LetterResult = { ...emptyResult(), name };
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
  if (o.writeManifest || o.since) r.hash = contentHash(bytes);
  if (o.since && r.hash && manifestHas(o.since, r.hash)) return { ...r, skipped: true };
  let letter = service.read(read.text);
  if (o.command === 'annotations') {
    const source: ExportSource = { name, text: read.text, letter };
    if (o.format === 'json') r.elements = jsonElement(webAnnotations(source), 1);
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
    if (o.command === 'stats') r.statsRows = rows.map(statsRow);
    else if (o.format === 'parquet') r.rows = rows.map((row) => typedRow(ITEM_TABLE, row));
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
    const page = (line: number) => (pages ? ` (page ${pageOfLine(pages, line)})` : '');
    r.out += problems
      .map(
        (p) =>
          `${name}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.ruleId} ${p.message}${page(p.range.start.line)}\n`,
      )
      .join('');
    if (o.outline) r.out += '\n';
  } else if (o.format === 'jsonl') r.out = JSON.stringify(letterReport(name, letter, problems, pages)) + '\n';
  else if (o.format === 'parquet') r.rows = [typedRow(LETTER_TABLE, letterRow(name, letter, problems))];
  else if (o.format === 'json') r.elements = jsonElement(letterReport(name, letter, problems, pages), 1);
  else
    r.elements = sarifResults(name, problems, pages)
      .map((result) => jsonElement(result, SARIF_RESULTS_DEPTH))
      .join(',\n');
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

  const selected = selectFiles(o);
  if (typeof selected === 'string') return usage(selected);
  const files = selected.files;
  if (o.command === 'stats') return statsCommand(o, files, selected.missing);
  let readErrors = selected.missing;

  const { parquet, output, manifest } = openOutputs(o);
  const sum = emptyResult();
  let letters = 0;
  let skipped = 0;
  let unexported = 0;
  // JSON and SARIF: one array, written as its elements come; one letter's annotations: the object alone.
  const annotationsAlone =
    o.command === 'annotations' && o.format === 'json' && files.complete && files.head.length === 1;
  const sarif = o.command === 'check' && o.format === 'sarif' ? sarifFrame(VERSION) : undefined;
  const array = new JsonArrayText(sarif ? SARIF_RESULTS_DEPTH : 1);
  let alone: string | undefined;
  try {
    const head =
      o.command === 'export' && o.format === 'csv'
        ? csvLine([...ITEM_COLUMNS])
        : o.command === 'annotations' && o.format === 'csv'
          ? CSV_HEADER
          : sarif
            ? sarif.before
            : '';
    await output?.write((o.bom ? '\ufeff' : '') + head);
    const progress =
      process.stderr.isTTY && weight(files.head) > 50 && !(files.complete && files.head.length === 1)
        ? new Progress(files.complete ? files.head.length : undefined)
        : undefined;
    await runInOrder(
      files,
      (f) => processFile(f.path, o),
      async (r) => {
        progress?.tick();
        process.stderr.write(r.err);
        if (r.failed) readErrors++;
        if (r.hash) manifest?.write(manifestLine(r.hash, r.name));
        if (r.skipped) return void skipped++;
        letters++;
        add(sum, r);
        if (o.command === 'export' && !r.failed && r.items === 0) unexported++;
        for (const row of r.rows ?? []) parquet?.add(row);
        if (annotationsAlone) alone = r.elements;
        else if (r.elements !== undefined) await output?.write(array.add(r.elements));
        await output?.write(r.out);
      },
      pool(o, files),
    );
    progress?.done();
    if (annotationsAlone)
      await output?.write(alone === undefined ? '[]\n' : JSON.stringify(JSON.parse(alone), null, 2) + '\n');
    else if (sarif) await output?.write(array.close() + sarif.after);
    else if (o.format === 'json') await output?.write(array.close() + '\n');
    parquet?.finish();
    output?.finish();
    manifest?.commit();
  } catch (e) {
    parquet?.abort();
    output?.abort();
    manifest?.abort();
    throw e;
  }
  if (skipped > 0) process.stderr.write(`imr-lint: ${plural(skipped, 'letter')} skipped (listed in the manifest)\n`);
  if (o.command === 'check') process.stderr.write(summary(sum, letters));
  if (o.command === 'export') process.stderr.write(exportSummary(sum, letters, unexported));
  if (o.stats)
    process.stderr.write(
      `${letters} letters in ${((performance.now() - started) / 1000).toFixed(2)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`,
    );
  return readErrors > 0 ? 2 : sum.errors > 0 || unexported > 0 ? 1 : 0;
}

// A PDF takes as long to read as some hundred text letters to check.
const weight = (files: ListedFile[]) => files.reduce((n, f) => n + (PDF_FILE.test(f.path) ? 100 : 1), 0);

/** The worker threads for these files: none for a few (one thread is quicker than starting workers). */
function pool(o: Options, files: Lookahead<ListedFile>) {
  if (weight(files.head) < PARALLEL_FROM) return undefined;
  const threads = Math.min(o.threads ?? Math.min(availableParallelism(), 8), files.head.length);
  return { threads, script: __filename, workerData: { options: o } };
}

// Files listed ahead of a run to plan it: a run of up to this many shows its total as it goes.
const LOOKAHEAD = 10_000;

/**
 * The files to process: those the arguments and --files-from name, in that order, less those of
 * other shards, found as the run asks for them; and how many arguments named nothing (each said
 * on stderr). A message when a list or manifest cannot be read.
 */
function selectFiles(o: Options): { files: Lookahead<ListedFile>; missing: number } | string {
  let missing = 0;
  const sources: Iterable<ListedFile>[] = [];
  for (const p of o.paths) {
    const named = listedFiles(p);
    if (named) sources.push(named);
    else {
      process.stderr.write(
        isGlob(p) ? `imr-lint: no file matches ${printable(p)}\n` : `imr-lint: cannot read ${printable(p)}\n`,
      );
      missing++;
    }
  }
  try {
    if (o.filesFrom !== undefined) sources.push(readFileList(o.filesFrom));
    if (o.sinceManifest !== undefined) o.since = readManifest(o.sinceManifest);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return { files: new Lookahead(ofShard(sources, o.shard), LOOKAHEAD), missing };
}

/** Every file of the sources in turn, less those of other shards. */
function* ofShard(sources: Iterable<ListedFile>[], shard: Shard | undefined): Generator<ListedFile> {
  for (const source of sources) for (const f of source) if (!shard || inShard(f.key, shard)) yield f;
}

/** imr-lint stats: every letter's rows counted into one report; the files' messages on stderr; exit codes as export's. */
async function statsCommand(o: Options, files: Lookahead<ListedFile>, missing: number): Promise<number> {
  const tally = new StatsTally();
  await runInOrder(
    files,
    (f) => processFile(f.path, o),
    (r) => {
      process.stderr.write(r.err);
      tally.add({ file: r.name, failed: r.failed, rows: r.statsRows });
    },
    pool(o, files),
  );
  // The names that matched nothing (already named on stderr), for the report to say so too.
  const notFound = missing > 0 ? o.paths.filter((p) => !listedFiles(p)).map(printable) : [];
  const written = writeStats(o, tally.report(o, notFound));
  const failed = missing > 0 || tally.unreadable.length > 0;
  return failed || !written ? 2 : tally.noItems.length > 0 ? 1 : 0;
}

/** The files a run writes, each put in place at its end; none left behind when one cannot be opened. */
function openOutputs(o: Options) {
  const manifest = o.writeManifest !== undefined ? new AtomicFile(o.writeManifest) : undefined;
  try {
    const parquet =
      o.format === 'parquet' && o.out
        ? new ParquetFile(o.out, o.command === 'export' ? ITEM_TABLE : LETTER_TABLE, `imr-lint ${VERSION}`)
        : undefined;
    return { parquet, output: parquet ? undefined : textOutput(o.out), manifest };
  } catch (e) {
    manifest?.abort();
    throw new Error(`cannot write ${o.out}${e instanceof Error ? ` (${e.message})` : ''}`);
  }
}

function emptyResult(): LetterResult {
  return {
    name: '',
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
}

/** Adds a letter's counts to the run's. */
function add(sum: LetterResult, r: LetterResult): void {
  for (const k of ['items', 'upheld', 'overturned', 'undecided', 'errors', 'warnings'] as const) sum[k] += r[k];
  for (const [id, n] of Object.entries(r.byRule)) sum.byRule[id] = (sum.byRule[id] ?? 0) + n;
}

function exportSummary(sum: LetterResult, letters: number, unexported: number): string {
  const none = unexported > 0 ? `; ${plural(unexported, 'file')} gave no rows (named above)` : '';
  return `${plural(letters, 'file')}, ${plural(sum.items, 'row')} (${decisions(sum)})${none}\n`;
}

/** "12 upheld, 8 overturned, 1 undecided": the items no decision count holds are named too. */
function decisions(sum: LetterResult): string {
  return decisionsPart(sum.upheld, sum.overturned, sum.undecided);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(sum: LetterResult, letters: number): string {
  const lines = [
    `${plural(letters, 'letter')} checked: ${plural(sum.items, 'item')} (${decisions(sum)}), ${plural(
      sum.errors,
      'error',
    )}, ${plural(sum.warnings, 'warning')}`,
    ...Object.entries(sum.byRule)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id, n]) => `  ${String(n).padStart(6)}  ${id}`),
  ];
  return lines.join('\n') + '\n';
}

/** A count and rate on stderr, for long runs at a terminal only. */
class Progress {
  private done_ = 0;
  private readonly started = Date.now();
  /** The total when it is known (a long run's files are found as it goes). */
  constructor(private readonly total?: number) {}
  tick() {
    this.done_++;
    if (this.done_ % 25 === 0 || this.done_ === this.total || (this.total ?? Infinity) < 100) {
      const rate = this.done_ / Math.max((Date.now() - this.started) / 1000, 0.001);
      const done = this.total === undefined ? this.done_ : `${this.done_}/${this.total}`;
      process.stderr.write(`\r${done} letters (${Math.round(rate)}/s)`);
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
  const { options } = workerData as { options: Options };
  serveInputs((f: ListedFile) => processFile(f.path, options));
}
