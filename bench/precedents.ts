// The workspace index on 10,000 text letters: a cold build, a warm reopen from the saved index,
// and hover / lens / view latency with every letter indexed; the index's own heap, measured in
// process. Timed through the bundled server, as VS Code runs it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseLetter } from '../server/src/letter/parse';
import { letterRecords } from '../server/src/precedents/records';
import { WorkspaceIndex } from '../server/src/precedents/workspace-index';
import { type TestClient, startIndexing } from '../test/lsp/client';

export interface PrecedentsBench {
  letters: number;
  items: number;
  coldSeconds: number;
  warmSeconds: number;
  /** The server's processor time for each (user + system): what the build costs whatever else the machine runs. */
  coldCpuSeconds: number | null;
  warmCpuSeconds: number | null;
  savedIndexMiB: number;
  indexHeapMiB: number;
  serverRssMiB: number | null;
  hover: { medianMs: number; p95Ms: number };
  codeLens: { medianMs: number; p95Ms: number };
  view: { medianMs: number; p95Ms: number };
}

const LETTERS = 10_000;
const SAMPLES = 100;

/** The texts letters are copied from: the samples, and the real letters where ../shared is there. */
function sources(root: string, real: string): { text: string; ext: string }[] {
  const from = (dir: string, pattern: RegExp) =>
    readdirSync(dir)
      .filter((f) => pattern.test(f))
      .map((f) => ({ text: readFileSync(join(dir, f), 'utf8'), ext: f.endsWith('.txt') ? '.txt' : '.imr' }));
  let found = from(join(root, 'samples'), /\.imr(\.txt)?$/);
  try {
    found = found.concat(from(real, /^\d+\.txt$/));
  } catch {
    // no ../shared: the samples alone
  }
  return found;
}

/** A process's processor time so far (user + system), from /proc; null where there is none. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks: 100 a second on Linux
  } catch {
    return null;
  }
}

function percentiles(samples: number[]): { medianMs: number; p95Ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

async function timed(request: () => Promise<unknown>): Promise<{ medianMs: number; p95Ms: number }> {
  await request();
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await request();
    samples.push(performance.now() - t);
  }
  return percentiles(samples);
}

/**
 * The heap the index of `texts` holds once built (the collector run before and after): records
 * only, each letter parsed and let go, as the server does.
 */
function indexHeapMiB(texts: string[]): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = new WorkspaceIndex();
  texts.forEach((text, i) =>
    index.set(`file:///bench/letters/${String(i).padStart(5, '0')}.imr`, {
      stamp: `${i}:1`,
      hash: String(i),
      items: letterRecords(parseLetter(text)),
    }),
  );
  gc();
  const after = process.memoryUsage().heapUsed;
  return index.size > 0 ? (after - before) / 2 ** 20 : 0;
}

export async function benchPrecedents(
  root: string,
  real: string,
  rssMiB: (pid: number | undefined) => number | null,
): Promise<PrecedentsBench> {
  const dir = mkdtempSync(join(tmpdir(), 'imr-bench-index-'));
  const folder = join(dir, 'letters');
  const storage = join(dir, 'storage');
  try {
    const from = sources(root, real);
    const texts: string[] = [];
    mkdirSync(folder);
    for (let i = 0; i < LETTERS; i++) {
      const { text, ext } = from[i % from.length];
      texts.push(text);
      writeFileSync(join(folder, `${String(i).padStart(5, '0')}${ext}`), text);
    }
    const run = async (): Promise<{ client: TestClient; seconds: number; cpu: number | null }> => {
      const t = performance.now();
      const { client, built } = await startIndexing(folder, { storagePath: storage });
      await built;
      return { client, seconds: (performance.now() - t) / 1000, cpu: cpuSeconds(client.pid) };
    };
    const cold = await run();
    // Saved after a pause once the build ends: waited for, so the warm run finds it.
    const savedFile = async () => {
      for (let i = 0; i < 600; i++) {
        const f = existsSync(storage) && readdirSync(storage).find((e) => /^precedents-index-.*\.json$/.test(e));
        if (f) return join(storage, f);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the index was not saved');
    };
    const saved = await savedFile();
    await cold.client.stop();
    const warm = await run();
    const client = warm.client;
    const first = from.find((s) => parseLetter(s.text).items.length > 0)!;
    const letter = parseLetter(first.text);
    const uri = pathToFileURL(join(folder, 'open.imr')).href;
    await client.open(uri, first.text);
    const line = letterRecords(letter)[0].line;
    const hover = await timed(() =>
      client.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } }),
    );
    const codeLens = await timed(() => client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri } }));
    const view = await timed(() => client.rpc.sendRequest('imr/precedents', { uri, position: { line, character: 2 } }));
    const serverRssMiB = rssMiB(client.pid);
    await client.stop();
    return {
      letters: LETTERS,
      items: texts.reduce((n, t) => n + parseLetter(t).items.length, 0),
      coldSeconds: cold.seconds,
      warmSeconds: warm.seconds,
      coldCpuSeconds: cold.cpu,
      warmCpuSeconds: warm.cpu,
      savedIndexMiB: readFileSync(saved).length / 2 ** 20,
      indexHeapMiB: indexHeapMiB(texts),
      serverRssMiB,
      hover,
      codeLens,
      view,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
