import { Worker, parentPort } from 'node:worker_threads';

/** How a run's files are shared out: the worker script (the running bundle) and what each worker starts with. */
export interface Pool {
  threads: number;
  script: string;
  workerData: unknown;
}

// Letters given to a thread before its last one is back, so it never waits for the next.
const QUEUED_PER_THREAD = 2;
// Results a thread may be ahead by while an earlier, slower letter (a long PDF) is still being read.
const AHEAD_PER_THREAD = 32;

/**
 * Processes every input, in worker threads when a pool is given, and hands each result to `emit`
 * in the inputs' order as soon as every earlier one has been emitted. Inputs are taken from the
 * iterable as threads are free for them; threads finish out of order, so results wait in a
 * reorder buffer; no input is taken while `AHEAD_PER_THREAD` per thread are out (processing or
 * waiting there), so memory stays bounded however many inputs there are, and an `emit` that
 * waits (output backpressure) holds the whole run back. An error from the iterable fails the run.
 */
export async function runInOrder<In, Out>(
  inputs: Iterable<In>,
  process: (input: In) => Promise<Out>,
  emit: (result: Out) => void | Promise<void>,
  pool?: Pool,
): Promise<void> {
  if (!pool || pool.threads < 2) {
    for (const input of inputs) await emit(await process(input));
    return;
  }
  const threads = pool.threads;
  const limit = threads * AHEAD_PER_THREAD;
  const source = inputs[Symbol.iterator]();
  const waiting = new Map<number, Out>();
  const queued = new Array<number>(threads).fill(0);
  const workers: Worker[] = [];
  let sent = 0;
  let emitted = 0;
  let draining = false;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown) => {
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    let next: IteratorResult<In> | undefined;
    const refill = () => {
      try {
        while (!failed && !next?.done && sent - emitted < limit) {
          const t = queued.indexOf(Math.min(...queued));
          if (queued[t] >= QUEUED_PER_THREAD) return;
          next = source.next();
          if (next.done) return;
          queued[t]++;
          workers[t].postMessage({ index: sent, input: next.value });
          sent++;
        }
      } catch (e) {
        fail(e);
      }
    };
    const drain = async () => {
      if (draining) return;
      draining = true;
      try {
        while (waiting.has(emitted)) {
          const result = waiting.get(emitted) as Out;
          waiting.delete(emitted);
          emitted++;
          await emit(result);
          refill();
        }
      } catch (e) {
        fail(e);
        return;
      } finally {
        draining = false;
      }
      if (next?.done && emitted === sent) {
        for (const w of workers) void w.terminate();
        resolve();
      }
    };
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(pool.script, { workerData: pool.workerData });
      worker.on('message', (m: { index: number; result: Out }) => {
        queued[t]--;
        waiting.set(m.index, m.result);
        refill();
        void drain();
      });
      worker.on('error', fail);
      workers.push(worker);
    }
    refill();
    void drain(); // no inputs at all: done already
  });
}

/** A worker thread's side of runInOrder: processes each input it is sent and posts the result back. */
export function serveInputs<In, Out>(process: (input: In) => Promise<Out>): void {
  parentPort!.on('message', (m: { index: number; input: In }) => {
    void process(m.input).then((result) => parentPort!.postMessage({ index: m.index, result }));
  });
}
