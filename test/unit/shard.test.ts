import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { manifestHas, readManifest } from '../../server/src/node/manifest';
import { Lookahead } from '../../server/src/node/lookahead';
import { type Pool, runInOrder } from '../../server/src/node/ordered-run';
import { inShard, parseShard } from '../../server/src/node/shard';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('shards', () => {
  test('I/N counted from 1; anything else is refused with a message', () => {
    assert.deepEqual(parseShard('3/4'), { index: 3, count: 4 });
    assert.deepEqual(parseShard('1/1'), { index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '4', '1/4/2', 'one/four', ' /4', '1.5/4'])
      assert.match(String(parseShard(bad)), /--shard takes I\/N/);
  });

  test('every key is in exactly one of N shards, the shares even, and a key never moves', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `20${13 + (i % 12)}/${i % 97}/CM${i}.txt`);
    const count = 7;
    const sizes = new Array<number>(count).fill(0);
    for (const key of keys) {
      const holding = [...Array(count).keys()].filter((i) => inShard(key, { index: i + 1, count }));
      assert.equal(holding.length, 1, key);
      sizes[holding[0]]++;
    }
    for (const size of sizes) assert.ok(Math.abs(size - keys.length / count) < keys.length / count / 10, String(sizes));
    // The same key, the same shard, on every machine: FNV-1a of "a" is 0xe40c292c, 0xe40c292c % 4 = 0.
    assert.ok(inShard('a', { index: 1, count: 4 }));
  });
});

describe('manifests', () => {
  test('a hash listed is found, one not listed is not; a line that is not a manifest line is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-manifest-'));
    const hashes = Array.from({ length: 50 }, (_, i) => i.toString(16).padStart(64, 'c'));
    writeFileSync(join(dir, 'm'), hashes.map((h, i) => `${h}  letters/${i}.txt\n`).join('') + '\n');
    const manifest = readManifest(join(dir, 'm'));
    for (const h of hashes) assert.ok(manifestHas(manifest, h));
    assert.ok(!manifestHas(manifest, 'd'.repeat(64)));
    assert.ok(!manifestHas(readManifest(join(dir, 'm')), '0'.repeat(64)));
    writeFileSync(join(dir, 'bad'), `${hashes[0]}  ok.txt\nnot a line\n`);
    assert.throws(() => readManifest(join(dir, 'bad')), /is not a manifest/);
    assert.throws(() => readManifest(join(dir, 'none')), /cannot read the manifest/);
  });
});

describe('runInOrder', () => {
  test('results come out in input order whatever order they finish in, and emit is awaited', async () => {
    const inputs = Array.from({ length: 40 }, (_, i) => i);
    const out: number[] = [];
    let emitting = false;
    await runInOrder(
      inputs,
      (i) => new Promise<number>((resolve) => setTimeout(() => resolve(i * 2), (i * 7) % 5)),
      async (r) => {
        assert.ok(!emitting, 'emit is not called again before the last one resolved');
        emitting = true;
        await new Promise((resolve) => setImmediate(resolve));
        out.push(r);
        emitting = false;
      },
    );
    assert.deepEqual(
      out,
      inputs.map((i) => i * 2),
    );
  });

  // A worker thread runs JavaScript only: the fixture (serveInputs doubling numbers) is bundled first.
  const script = join(mkdtempSync(join(tmpdir(), 'imr-worker-')), 'double-worker.js');
  buildSync({
    entryPoints: [join(__dirname, '..', 'fixtures', 'double-worker.ts')],
    bundle: true,
    platform: 'node',
    outfile: script,
    logLevel: 'error',
  });
  const pool: Pool = { threads: 2, script, workerData: null };

  test('in worker threads, inputs taken from an iterable as it yields them: results in input order', async () => {
    let taken = 0;
    function* numbers() {
      for (let i = 0; i < 500; i++) {
        taken++;
        yield i;
      }
    }
    const out: number[] = [];
    let most = 0;
    await runInOrder(
      numbers(),
      () => Promise.reject(new Error('processed in a thread, not here')),
      (r: number) => {
        most = Math.max(most, taken - out.length);
        out.push(r);
      },
      pool,
    );
    assert.deepEqual(
      out,
      Array.from({ length: 500 }, (_, i) => i * 2),
    );
    // Never more than the reorder buffer's share (32 a thread) taken ahead of what is emitted.
    assert.ok(most <= 2 * 32 + 1, `${most} taken ahead`);
  });

  test(
    'in worker threads: no inputs end the run; an iterable that fails fails the run',
    { timeout: 20_000 },
    async () => {
      const out: number[] = [];
      await runInOrder<number, number>(
        [],
        () => Promise.resolve(0),
        (r: number) => void out.push(r),
        pool,
      );
      assert.equal(out.length, 0);
      function* failing() {
        for (let i = 0; i < 100; i++) yield i;
        throw new Error('cannot read the file list L');
      }
      await assert.rejects(
        runInOrder<number, number>(
          failing(),
          () => Promise.resolve(0),
          (r: number) => void out.push(r),
          pool,
        ),
        /cannot read the file list L/,
      );
    },
  );
});

describe('Lookahead', () => {
  test('the first items read ahead, complete when they are all; iterated, every item once in order', () => {
    const short = new Lookahead([1, 2, 3], 5);
    assert.deepEqual([short.head, short.complete], [[1, 2, 3], true]);
    assert.deepEqual([...short], [1, 2, 3]);
    let read = 0;
    function* many() {
      for (let i = 0; i < 100; i++) {
        read++;
        yield i;
      }
    }
    const long = new Lookahead(many(), 10);
    assert.deepEqual([long.head.length, long.complete, read], [10, false, 10]);
    assert.deepEqual(
      [...long],
      Array.from({ length: 100 }, (_, i) => i),
    );
  });
});
