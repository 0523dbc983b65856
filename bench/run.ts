// npm run bench: how fast the analysis, the server and the command line are, on this machine.
// Prints a table and writes bench/results.json. Not part of the tests: timings are measured,
// never asserted. Run bundled, from dist/bench/run.js (npm run bench builds it), so the analysis
// timed is the code that ships.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import { documentSymbols } from '../server/src/features/symbols';
import { parseLetter } from '../server/src/letter/parse';
import { checkLetter } from '../server/src/rules';
import { TestClient } from '../test/lsp/client';
import { type PdfBench, benchPdf, sharedPdfs } from './pdf';
import { type PrecedentsBench, benchPrecedents } from './precedents';
import { type ScaleBench, benchScale, scaleLines } from './scale';

const ROOT = join(__dirname, '..', '..');
const SAMPLE = readFileSync(join(ROOT, 'samples', 'two-column-header.imr'), 'utf8');
const REAL = join(ROOT, '..', 'shared', 'imr-letters');
const results: Record<string, unknown> = {};

/** The full analysis a document gets: parse, every rule, the outline. */
function analyse(text: string): void {
  const letter = parseLetter(text);
  checkLetter(letter);
  documentSymbols(letter);
}

/** The cheapest pass over the same bytes: split lines, test one regular expression per line. */
function baseline(text: string): number {
  let hits = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (/:\s*(Upheld|Overturned)\s*$/.test(line)) hits++;
  return hits;
}

function markdownlint(text: string): void {
  lint({ strings: { letter: text } });
}

/** The collector's pauses of the main thread, as the runtime reports them (after the fact). */
const pauses: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, duration: e.duration });
}).observe({ entryTypes: ['gc'] });

/**
 * Milliseconds per run, repeated until at least `budget` ms have passed (after one warm-up run),
 * and how many of them the collector paused the thread for.
 */
async function time(fn: () => unknown, budget = 400): Promise<{ ms: number; gcMs: number }> {
  fn();
  let runs = 0;
  const start = performance.now();
  do {
    fn();
    runs++;
  } while (performance.now() - start < budget);
  const end = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 20)); // the observer hears of the last pauses
  const gc = pauses.filter((p) => p.start >= start && p.start < end).reduce((sum, p) => sum + p.duration, 0);
  pauses.length = 0;
  return { ms: (end - start) / runs, gcMs: gc / runs };
}

/** A letter of about `bytes` bytes: the sample's header and sections, its items repeated. */
function generated(bytes: number): string {
  const issues = SAMPLE.indexOf('MRI of the lumbar spine without contrast: Upheld');
  const head = SAMPLE.slice(0, issues);
  const items = SAMPLE.slice(issues);
  const parts = [head];
  let size = head.length;
  for (let n = 0; size < bytes; n++) {
    const block =
      items.replace(
        /MRI of the lumbar spine without contrast/g,
        `MRI of the lumbar spine without contrast, request ${n}`,
      ) + '\n';
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Requests (or edits) timed for each LSP figure: enough that the 95th percentile is not one slow sample. */
const SAMPLES = 100;

const f = (ms: number) => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const table: string[][] = [];
const row = (...cells: string[]) => table.push(cells);

/** `--precedents`: only the workspace index rows, added to the last bench/results.json. */
async function precedentsOnly() {
  const file = join(ROOT, 'bench', 'results.json');
  const last = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  last.precedents = await benchPrecedents(ROOT, REAL, rssMiB);
  printPrecedents(last.precedents as PrecedentsBench);
  writeFileSync(file, JSON.stringify(last, null, 2) + '\n');
  console.log('written: bench/results.json');
}

function printPrecedents(p: PrecedentsBench): void {
  console.log(
    `workspace index of ${p.letters.toLocaleString('en-US')} text letters (${p.items} items): cold build ${p.coldSeconds.toFixed(2)} s (server processor time ${p.coldCpuSeconds} s), warm reopen from the saved index ${p.warmSeconds.toFixed(2)} s (${p.warmCpuSeconds} s); saved index ${p.savedIndexMiB.toFixed(1)} MiB; index heap ${p.indexHeapMiB.toFixed(1)} MiB; server memory ${p.serverRssMiB} MiB`,
  );
  for (const [name, v] of Object.entries({ hover: p.hover, codeLens: p.codeLens, view: p.view }))
    console.log(`  ${name} on an item with every letter indexed: median ${f(v.medianMs)} ms, p95 ${f(v.p95Ms)} ms`);
}

async function main() {
  results.machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };

  // Analysis throughput, against the baseline and markdownlint, on real and generated letters.
  const inputs: [string, string][] = [];
  if (existsSync(REAL)) {
    const real = readdirSync(REAL)
      .filter((x) => x.endsWith('.txt'))
      .map((x) => readFileSync(join(REAL, x), 'utf8'));
    inputs.push([`real letters (${real.length}, ${Math.round(real.join('').length / 1024)} KB)`, real.join('\f')]);
    const each: number[] = [];
    for (const t of real) each.push((await time(() => analyse(t), 100)).ms);
    results.realLetters = {
      count: real.length,
      meanMs: each.reduce((a, b) => a + b, 0) / each.length,
      maxMs: Math.max(...each),
    };
  }
  for (const kb of [5, 10, 100, 1024, 10240])
    inputs.push([`generated ${kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`}`, generated(kb * 1024)]);
  const analysis: object[] = [];
  row(
    'input',
    'analysis ms',
    'of it GC',
    'ms per KB',
    'without GC',
    'baseline ms',
    'ratio',
    'markdownlint ms',
    'ratio',
  );
  for (const [name, text] of inputs) {
    const budget = text.length > 2e6 ? 3000 : text.length > 5e5 ? 2000 : 600; // a few runs of the big ones at least
    const { ms: ours, gcMs } = await time(() => analyse(text), budget);
    const { ms: base } = await time(() => baseline(text), budget);
    const { ms: md } = await time(() => markdownlint(text), budget);
    const kb = text.length / 1024;
    analysis.push({
      input: name,
      bytes: text.length,
      ms: ours,
      gcMs,
      msPerKB: ours / kb,
      msPerKBWithoutGC: (ours - gcMs) / kb,
      baselineMs: base,
      vsBaseline: ours / base,
      markdownlintMs: md,
      vsMarkdownlint: ours / md,
    });
    row(
      name,
      f(ours),
      f(gcMs),
      (ours / kb).toFixed(4),
      ((ours - gcMs) / kb).toFixed(4),
      f(base),
      `${(ours / base).toFixed(1)}x`,
      f(md),
      `${(ours / md).toFixed(2)}x`,
    );
  }
  results.analysis = analysis;

  // The bundled server: start, and requests on the 1 MB letter.
  const server = join(ROOT, 'dist', 'server.js');
  if (!existsSync(server)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
  const started = performance.now();
  const client = new TestClient();
  await client.initialize(undefined, true);
  results.serverStartMs = performance.now() - started;
  const big = generated(1024 * 1024);
  const uri = 'file:///bench/big.imr';
  await client.rpc.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'imr-letter', version: 1, text: big },
  });
  const lines = big.split('\n');
  const citationLine = lines.findIndex((l) =>
    l.startsWith('Claims Administrator guideline: Decision based on MTUS Low Back'),
  );
  let resultId: string | undefined;
  const requests: Record<string, () => Promise<unknown>> = {
    documentSymbol: () => client.rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
    // With the last result's id, as VS Code pulls: unchanged findings are answered "unchanged".
    diagnostics: async () => {
      const report = await client.rpc.sendRequest<{ resultId?: string }>('textDocument/diagnostic', {
        textDocument: { uri },
        previousResultId: resultId,
      });
      resultId = report.resultId;
    },
    hover: () =>
      client.rpc.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: citationLine, character: 60 },
      }),
    completion: () =>
      client.rpc.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: citationLine, character: 50 },
      }),
  };
  const latency: Record<string, object> = {};
  let version = 1;
  // A character typed at the top of the letter (even i), then deleted (odd i): the text alternates
  // between two versions. A new version each time.
  const typeAtTop = (character: string, i: number) => {
    version++;
    const end =
      i % 2 === 0
        ? { line: 0, character: 0 }
        : character === '\n'
          ? { line: 1, character: 0 }
          : { line: 0, character: 1 };
    return client.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end }, text: i % 2 ? '' : character }],
    });
  };
  // Opening: the first request reads the whole letter (and warms the server's code up). Reported on
  // its own, then a few edits before any sample, so the samples below are edits of an open letter.
  const opened = performance.now();
  await requests.documentSymbol();
  results.lspOpen1MBMs = performance.now() - opened;
  for (let i = 0; i < 10; i++) {
    await typeAtTop(' ', i);
    await requests.documentSymbol();
    await requests.diagnostics();
  }
  const measure = async (name: string, request: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      // A fresh version each time for the analysing requests, so the cache does not answer for them.
      if (name.startsWith('documentSymbol') || name === 'diagnostics') await typeAtTop(' ', i);
      const t = performance.now();
      await request();
      samples.push(performance.now() - t);
    }
    latency[name] = { medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95) };
  };
  for (const [name, request] of Object.entries(requests)) await measure(name, request);
  // The outline above is cut to imrLetter.outline.maxSymbols (5,000 by default): the 1 MB letter's
  // sections and items. Its whole outline (9,229 symbols, 2.6 MB of JSON), with the limit off:
  client.settings = { rules: {}, outline: { maxSymbols: 0 } };
  await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { imrLetter: client.settings } });
  await measure('documentSymbolWholeOutline', requests.documentSymbol);
  client.settings = { rules: {} };
  await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { imrLetter: client.settings } });
  // One keystroke to fresh diagnostics: an edit, then the pull the editor makes for it. A character
  // typed leaves every field where it was (their readings are kept); a line break typed at the top
  // moves them all (copied the first time, moved in place after) and every item is made again.
  const keystrokes = async (text: string) => {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      await typeAtTop(text, i);
      await requests.diagnostics();
      times.push(performance.now() - t);
    }
    return { medianMs: percentile(times, 50), p95Ms: percentile(times, 95) };
  };
  latency.editToDiagnostics = await keystrokes('x');
  latency.lineBreakToDiagnostics = await keystrokes('\n');
  results.lspOn1MB = latency;

  results.serverRssMiBAfter1MBRuns = rssMiB(client.pid);
  await client.stop();

  // Server memory with 1,000 letters open, in a fresh server: each letter opened and its
  // diagnostics pulled (as VS Code pulls them for open documents), an outline every hundred.
  const fresh = new TestClient();
  await fresh.initialize(undefined, true);
  for (let i = 0; i < 1000; i++) {
    const letter = `file:///bench/l${i}.imr`;
    await fresh.rpc.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: letter,
        languageId: 'imr-letter',
        version: 1,
        text: SAMPLE.replace('CM16-0187342', `CM16-${String(i).padStart(7, '0')}`),
      },
    });
    await fresh.rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri: letter } });
    if (i % 100 === 99) await fresh.rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri: letter } });
  }
  results.serverRssMiBWith1000Letters = rssMiB(fresh.pid);
  await fresh.stop();

  // The command line on 10,000 letters.
  const dir = mkdtempSync(join(tmpdir(), 'imr-bench-'));
  const samples = readdirSync(join(ROOT, 'samples'))
    .filter((x) => /\.imr(\.txt)?$/.test(x))
    .map((x) => readFileSync(join(ROOT, 'samples', x), 'utf8'));
  mkdirSync(join(dir, 'letters'));
  for (let i = 0; i < 10_000; i++)
    writeFileSync(join(dir, 'letters', `${String(i).padStart(5, '0')}.imr`), samples[i % samples.length]);
  const cliStart = performance.now();
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--stats', 'letters'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const cliMs = performance.now() - cliStart;
  const peak = /peak memory (\d+) MiB/.exec(cli.stderr)?.[1];
  results.cli10000 = {
    seconds: cliMs / 1000,
    lettersPerSecond: 10_000 / (cliMs / 1000),
    peakMemoryMiB: peak ? Number(peak) : null,
    exitCode: cli.status,
  };
  // imr-lint stats over the same folder: the export's reading and the counting on top.
  const statsStart = performance.now();
  const stats = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'stats', '--format', 'json', 'letters'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const statsMs = performance.now() - statsStart;
  results.stats10000 = {
    seconds: statsMs / 1000,
    items: stats.status === 0 ? (JSON.parse(stats.stdout) as { total: { items: number } }).total.items : null,
    exitCode: stats.status,
  };
  rmSync(dir, { recursive: true, force: true });

  results.precedents = await benchPrecedents(ROOT, REAL, rssMiB);
  // The corpus rows: streamed JSONL and its peak memory (100,000 letters with --100k: some minutes), shards, Parquet.
  results.scale = await benchScale(ROOT, REAL, [1_000, 10_000, ...(process.argv.includes('--100k') ? [100_000] : [])]);

  // PDFs: the shared ones read and analysed, against pdftotext -layout.
  const pdfDir = sharedPdfs(REAL);
  if (pdfDir) results.pdf = await benchPdf(ROOT, pdfDir, analyse);

  results.bundleKB = Object.fromEntries(
    ['client.js', 'server.js', 'cli.js', 'pdf-reader.js'].map((b) => [
      b,
      Math.round(statSync(join(ROOT, 'dist', b)).size / 1024),
    ]),
  );

  results.targets = targets(analysis as Analysed[], latency as Record<string, { p95Ms: number }>, results);

  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  console.log(
    table
      .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
      .join('\n'),
  );
  console.log();
  console.log(`server start to initialize: ${f(results.serverStartMs as number)} ms`);
  console.log(`LSP open of the 1 MB letter to its outline: ${f(results.lspOpen1MBMs as number)} ms`);
  for (const [name, v] of Object.entries(latency))
    console.log(
      `LSP ${name} on 1 MB: median ${f((v as { medianMs: number }).medianMs)} ms, p95 ${f((v as { p95Ms: number }).p95Ms)} ms`,
    );
  console.log(
    `server memory with 1,000 letters open: ${results.serverRssMiBWith1000Letters} MiB (a fresh server); after the 1 MB runs above: ${results.serverRssMiBAfter1MBRuns} MiB`,
  );
  const c = results.cli10000 as { seconds: number; lettersPerSecond: number; peakMemoryMiB: number };
  console.log(
    `imr-lint on 10,000 letters: ${c.seconds.toFixed(2)} s (${Math.round(c.lettersPerSecond)} letters/s), peak memory ${c.peakMemoryMiB} MiB`,
  );
  const st = results.stats10000 as { seconds: number; items: number | null };
  console.log(`imr-lint stats on the same 10,000 letters (${st.items} items): ${st.seconds.toFixed(2)} s`);
  for (const line of scaleLines(results.scale as ScaleBench)) console.log(line);
  const p = results.pdf as PdfBench | undefined;
  if (p) {
    const vs =
      p.pdftotextMsPerPdf === null
        ? `(${p.note})`
        : `; pdftotext -layout ${f(p.pdftotextMsPerPdf)} ms per PDF, ${p.vsPdftotext!.toFixed(2)}x`;
    console.log(
      `PDFs (${p.pdfs}, ${p.pages} pages) read to text and analysed: ${f(p.readAndAnalyseMsPerPdf)} ms per PDF${vs}`,
    );
    const folder =
      p.pdftotextFolderSeconds === null
        ? ''
        : `; pdftotext -layout one by one ${p.pdftotextFolderSeconds.toFixed(2)} s`;
    console.log(
      `imr-lint on a folder of ${p.cliFolder.pdfs} PDFs: ${p.cliFolder.seconds.toFixed(2)} s (${f(p.cliFolder.msPerPdf)} ms per PDF)${folder}`,
    );
  } else console.log('PDFs: no shared PDFs beside the project, so no PDF row');
  printPrecedents(results.precedents as PrecedentsBench);
  console.log(`bundles: ${JSON.stringify(results.bundleKB)} KB`);
  console.log("\ntargets (the issue's, on a 2-core machine):");
  for (const t of results.targets as Target[])
    console.log(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${f(t.figure)} ${t.unit} (under ${t.limit})`);
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('written: bench/results.json');
}

interface Analysed {
  input: string;
  ms: number;
  vsBaseline: number;
  vsMarkdownlint: number;
}

interface Target {
  target: string;
  figure: number;
  limit: number;
  unit: string;
  met: boolean;
}

/** Each target of the performance issue with the figure of this run that it is judged by. */
function targets(analysis: Analysed[], lsp: Record<string, { p95Ms: number }>, r: Record<string, unknown>): Target[] {
  const t = (target: string, figure: number, limit: number, unit: string): Target => ({
    target,
    figure,
    limit,
    unit,
    met: figure < limit,
  });
  const input = (name: string) => analysis.find((a) => a.input === name)!;
  const worst = (of: (a: Analysed) => number) => Math.max(...analysis.map(of));
  const cli = r.cli10000 as { seconds: number };
  return [
    t('a typical 5 KB letter fully analysed', input('generated 5 KB').ms, 1, 'ms'),
    t('a 1 MB letter fully analysed', input('generated 1 MB').ms, 50, 'ms'),
    ...['documentSymbol', 'diagnostics', 'hover', 'completion', 'editToDiagnostics', 'lineBreakToDiagnostics'].map(
      (name) => t(`LSP ${name} on the 1 MB letter, p95`, lsp[name].p95Ms, 50, 'ms'),
    ),
    t(
      'the analysis against the line-regex baseline, worst input',
      worst((a) => a.vsBaseline),
      4,
      'x',
    ),
    t(
      'the analysis against markdownlint, worst input',
      worst((a) => a.vsMarkdownlint),
      1,
      'x',
    ),
    t('10,000 letters through the command line', cli.seconds, 10, 's'),
    t('server memory with 1,000 letters open', r.serverRssMiBWith1000Letters as number, 150, 'MiB'),
    ...precedentTargets(r.precedents as PrecedentsBench, t),
    ...pdfTargets(r.pdf as PdfBench | undefined, t),
  ];
}

/** The PDF issue's targets: within 1.5x of pdftotext per PDF, and a folder through both cores at least as fast as pdftotext one by one. */
function pdfTargets(
  p: PdfBench | undefined,
  t: (target: string, figure: number, limit: number, unit: string) => Target,
): Target[] {
  if (!p || p.vsPdftotext === null || p.pdftotextFolderSeconds === null) return [];
  return [
    t('a PDF read and analysed, against pdftotext -layout', p.vsPdftotext, 1.5, 'x'),
    t(
      'a folder of PDFs through imr-lint, against pdftotext -layout one by one',
      p.cliFolder.seconds / p.pdftotextFolderSeconds,
      1.5,
      'x',
    ),
  ];
}

/** The workspace index's targets: cold under 10 s, warm under 1 s, hover p95 under 20 ms, with 10,000 letters. */
function precedentTargets(
  p: PrecedentsBench,
  t: (target: string, figure: number, limit: number, unit: string) => Target,
): Target[] {
  return [
    t('the workspace index of 10,000 letters built cold', p.coldSeconds, 10, 's'),
    t('the workspace index of 10,000 letters reopened from its saved copy', p.warmSeconds, 1, 's'),
    t('hover on an item with 10,000 letters indexed, p95', p.hover.p95Ms, 20, 'ms'),
    t('the Precedents view with 10,000 letters indexed, p95', p.view.p95Ms, 20, 'ms'),
  ];
}

function rssMiB(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

(process.argv.includes('--precedents') ? precedentsOnly() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
