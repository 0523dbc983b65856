// The corpus rows of npm run bench: letters streamed through --format jsonl with the peak memory,
// 4 shards at once against one run, and Parquet writing. Letters are the real ones beside the
// project and the samples, copied under new names into a temporary folder removed afterwards.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParquetFile } from '../server/src/node/parquet-file';
import { ITEM_TABLE, createLetterService, itemRows, typedRow } from '../server/src/service';

export interface ScaleBench {
  /** --format jsonl over n letters: wall time and the process's peak resident memory. */
  jsonl: { letters: number; seconds: number; lettersPerSecond: number; peakMemoryMiB: number | null }[];
  shards: { letters: number; oneRunSeconds: number; fourShardsSeconds: number };
  parquet: { items: number; msPer10000Items: number; bytesPer10000Items: number };
}

function letterTexts(root: string, real: string): string[] {
  const from = (dir: string, pattern: RegExp) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => pattern.test(f))
          .map((f) => readFileSync(join(dir, f), 'utf8'))
      : [];
  return [...from(real, /^\d+\.txt$/), ...from(join(root, 'samples'), /\.imr(\.txt)?$/)];
}

/** n letters in a fresh folder, a thousand to a subfolder as a corpus is kept. */
function corpus(texts: string[], n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'imr-scale-bench-'));
  for (let i = 0; i < n; i++) {
    const sub = join(dir, 'letters', String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(6, '0')}.txt`), texts[i % texts.length]);
  }
  return dir;
}

function cli(root: string, args: string[], cwd: string): Promise<{ seconds: number; stderr: string }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', () => resolve({ seconds: (performance.now() - start) / 1000, stderr }));
  });
}

export async function benchScale(root: string, real: string, sizes: number[]): Promise<ScaleBench> {
  const texts = letterTexts(root, real);
  const jsonl: ScaleBench['jsonl'] = [];
  for (const n of sizes) {
    const dir = corpus(texts, n);
    const r = await cli(root, ['--format', 'jsonl', '--stats', 'letters'], dir);
    const peak = /peak memory (\d+) MiB/.exec(r.stderr)?.[1];
    jsonl.push({
      letters: n,
      seconds: r.seconds,
      lettersPerSecond: n / r.seconds,
      peakMemoryMiB: peak ? Number(peak) : null,
    });
    rmSync(dir, { recursive: true, force: true });
  }

  const n = 10_000;
  const dir = corpus(texts, n);
  const one = await cli(root, ['export', '--format', 'jsonl', 'letters'], dir);
  const start = performance.now();
  await Promise.all(
    [1, 2, 3, 4].map((i) => cli(root, ['export', '--format', 'jsonl', '--shard', `${i}/4`, 'letters'], dir)),
  );
  const shards = { letters: n, oneRunSeconds: one.seconds, fourShardsSeconds: (performance.now() - start) / 1000 };

  // Parquet writing alone: 10,000 item rows built first, then written.
  const service = createLetterService();
  const rows = [];
  for (let i = 0; rows.length < 10_000; i++)
    rows.push(...itemRows(`${i}.txt`, service.read(texts[i % texts.length])).map((r) => typedRow(ITEM_TABLE, r)));
  const file = join(dir, 'items.parquet');
  const writeStart = performance.now();
  const parquet = new ParquetFile(file, ITEM_TABLE, 'bench');
  for (const row of rows) parquet.add(row);
  parquet.finish();
  const ms = performance.now() - writeStart;
  const bytes = readFileSync(file).length;
  rmSync(dir, { recursive: true, force: true });
  return {
    jsonl,
    shards,
    parquet: {
      items: rows.length,
      msPer10000Items: (ms * 10_000) / rows.length,
      bytesPer10000Items: (bytes * 10_000) / rows.length,
    },
  };
}

export function scaleLines(s: ScaleBench): string[] {
  return [
    ...s.jsonl.map(
      (j) =>
        `imr-lint --format jsonl on ${j.letters.toLocaleString('en')} letters: ${j.seconds.toFixed(1)} s (${Math.round(j.lettersPerSecond)} letters/s), peak memory ${j.peakMemoryMiB} MiB`,
    ),
    `export --format jsonl on ${s.shards.letters.toLocaleString('en')} letters: one run ${s.shards.oneRunSeconds.toFixed(1)} s, 4 shards at once ${s.shards.fourShardsSeconds.toFixed(1)} s`,
    `Parquet writing: ${s.parquet.msPer10000Items.toFixed(0)} ms and ${Math.round(s.parquet.bytesPer10000Items / 1024)} KiB per 10,000 items`,
  ];
}

// Run alone (node --import tsx bench/scale.ts [--100k]) for the corpus rows without the rest of the bench.
if (process.argv[1]?.endsWith('scale.ts'))
  void benchScale(join(__dirname, '..'), join(__dirname, '..', '..', 'shared', 'imr-letters'), [
    1_000,
    10_000,
    ...(process.argv.includes('--100k') ? [100_000] : []),
  ]).then((s) => {
    for (const line of scaleLines(s)) console.log(line);
    console.log(JSON.stringify(s));
  });
