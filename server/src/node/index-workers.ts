import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { type ItemRecord, PdfProblem, createLetterService, letterRecords } from '../service';
import { contentHash } from './content-hash';
import { readFileBounded } from './read-file';
import { readLetterFile } from './read-letter-file';

/** A letter file read in a worker: the hash of its bytes and its items' records. */
export interface ReadRecords {
  path: string;
  hash: string;
  items: ItemRecord[];
}

/** What a worker is started with: the letter files it reads, in turn. */
interface IndexJob {
  indexPaths: string[];
}

/** Whether this thread was started to read letters for the index (runIndexWorker, not the server). */
export function isIndexWorker(): boolean {
  return Array.isArray((workerData as Partial<IndexJob> | null)?.indexPaths);
}

/** In a worker: reads, hashes and parses each file it was given (the built-in catalog), posting each one's records. */
export async function runIndexWorker(): Promise<void> {
  const service = createLetterService();
  for (const path of (workerData as IndexJob).indexPaths) {
    let answer: ReadRecords;
    try {
      // Blocking reads: this thread has nothing else to do, and the promise-based file handle costs more than the parse.
      const file = await readLetterFile(path, readFileBounded);
      // A PDF with no text is kept with no items, as a file that cannot be read is.
      if (file instanceof PdfProblem) answer = { path, hash: '', items: [] };
      else {
        const letter = service.read(file.text);
        answer = { path, hash: contentHash(file.bytes), items: letter.recognized ? letterRecords(letter) : [] };
      }
    } catch {
      answer = { path, hash: '', items: [] };
    }
    parentPort!.postMessage(answer);
  }
}

/** Letters per worker below which a second worker would cost more to start than it saves. */
const MIN_PER_WORKER = 100;

/**
 * Reads letter files in worker threads (one per core, at most four), giving each file's records as
 * it comes; the server's own thread stays free for requests. Stopping the iteration stops the
 * workers. A file a worker did not answer for (it failed) is simply not given.
 */
export async function* readInWorkers(paths: string[]): AsyncGenerator<ReadRecords> {
  const count = Math.max(1, Math.min(availableParallelism(), 4, Math.floor(paths.length / MIN_PER_WORKER)));
  const queue: ReadRecords[] = [];
  let wake: (() => void) | undefined;
  let running = count;
  const workers = Array.from({ length: count }, (_, i) => {
    const worker = new Worker(__filename, {
      workerData: { indexPaths: paths.filter((_p, j) => j % count === i) } satisfies IndexJob,
    });
    worker.on('message', (m: ReadRecords) => {
      queue.push(m);
      wake?.();
    });
    worker.on('error', () => undefined); // its files go unanswered, and are read by the caller
    worker.on('exit', () => {
      running--;
      wake?.();
    });
    return worker;
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next) yield next;
      else if (running === 0) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
