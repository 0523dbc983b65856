import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { VALID_LETTER, sampleLetters } from '../fixtures/letters';
import { CLI, run } from './run-cli';

/** As run, without waiting: several at once, as an engine runs shards. */
function start(args: string[], cwd: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const fileOf = (line: string) => (JSON.parse(line) as { file: string }).file;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
  }
}

describe('imr-lint at scale', { skip: existsSync(CLI) ? false : `no bundle at ${CLI}: run node esbuild.mjs` }, () => {
  // Enough letters that a whole run shares them among worker threads; in two folders, so the
  // shard keys (paths relative to the folder given) have folders in them.
  const dir = mkdtempSync(join(tmpdir(), 'imr-scale-'));
  const corpus = join(dir, 'corpus');
  const samples = sampleLetters();
  for (let i = 0; i < 420; i++) {
    const sub = join(corpus, i % 2 === 0 ? 'a' : 'b');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `l${String(i).padStart(4, '0')}.imr`), samples[i % samples.length]);
  }
  const whole = run(['export', '--format', 'jsonl', 'corpus'], dir);

  test('--format jsonl and export stream one letter a line, in file order, through the worker threads', () => {
    assert.equal(whole.code, 0, whole.err);
    const files = [...new Set(lines(whole.out).map(fileOf))];
    assert.ok(files.length > 300);
    assert.deepEqual(files, [...files].sort());
    const check = run(['--format', 'jsonl', 'corpus'], dir);
    const reports = lines(check.out).map((l) => JSON.parse(l) as { file: string });
    assert.equal(reports.length, 420);
    assert.deepEqual(
      reports.map((r) => r.file),
      readdirSync(join(corpus, 'a'))
        .map((f) => `corpus/a/${f}`)
        .concat(readdirSync(join(corpus, 'b')).map((f) => `corpus/b/${f}`)),
    );
    // One thread (an engine runs one process per core) writes the same.
    assert.equal(run(['export', '--format', 'jsonl', '--threads', '1', 'corpus'], dir).out, whole.out);
    assert.match(run(['--threads', '0', 'corpus'], dir).err, /--threads takes a number from 1 to 64/);
    // --format json streams its array too, and says the same as the lines.
    assert.deepEqual(JSON.parse(run(['--format', 'json', 'corpus'], dir).out), reports);
  });

  test('4 shards as 4 processes: disjoint, complete, and merged equal to one whole run', async () => {
    const shards = await Promise.all(
      [1, 2, 3, 4].map((i) => start(['export', '--format', 'jsonl', '--shard', `${i}/4`, 'corpus'], dir)),
    );
    const files = shards.map((s) => new Set(lines(s.out).map(fileOf)));
    for (const s of files) assert.ok(s.size > 40, `a shard of ${s.size} letters is too uneven`);
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++)
        assert.deepEqual(
          [...files[i]].filter((f) => files[j].has(f)),
          [],
        );
    assert.deepEqual(lines(shards.map((s) => s.out).join('')).sort(), lines(whole.out).sort());
    // Letters added later move none of those already in a shard.
    const added = join(corpus, 'a', 'added');
    mkdirSync(added, { recursive: true });
    for (let i = 0; i < 30; i++) writeFileSync(join(added, `n${i}.imr`), VALID_LETTER);
    const again = new Set(lines(run(['export', '--format', 'jsonl', '--shard', '1/4', 'corpus'], dir).out).map(fileOf));
    assert.deepEqual(
      [...files[0]].filter((f) => !again.has(f)),
      [],
    );
    assert.ok(again.size > files[0].size);
    spawnSync('rm', ['-r', added]);
  });

  test('--shard: a bad share is refused with what it takes', () => {
    for (const bad of ['0/4', '5/4', '1/0', '2', 'a/b', '-1/4']) {
      const r = run(['--shard', bad, 'corpus'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /--shard takes I\/N with 1 <= I <= N, counted from 1/);
    }
    assert.equal(lines(run(['--shard', '1/1', '--format', 'jsonl', 'corpus/a'], dir).out).length, 210);
  });

  test('--files-from: one path a line, from a file or standard input; blank lines skipped, a missing letter named', () => {
    writeFileSync(join(dir, 'list.txt'), 'corpus/a/l0000.imr\r\n\n  \ncorpus/b/l0001.imr\nmissing.imr\n');
    const r = run(['export', '--format', 'jsonl', '--files-from', 'list.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read missing\.imr/);
    assert.deepEqual([...new Set(lines(r.out).map(fileOf))], ['corpus/a/l0000.imr', 'corpus/b/l0001.imr']);
    const piped = run(['--format', 'jsonl', '--files-from', '-'], dir, { input: 'corpus/a/l0002.imr\n' });
    assert.equal(lines(piped.out).length, 1);
    const gone = run(['--files-from', 'no-such-list.txt'], dir);
    assert.equal(gone.code, 2);
    assert.match(gone.err, /cannot read the file list no-such-list\.txt/);
  });

  test('--files-from: a list of 300,000 paths is read through (each shard takes its share of it)', () => {
    // Paths that do not exist: only the share's few are read, each named as missing.
    const paths = Array.from({ length: 300_000 }, (_, i) => `gone/${i}.imr`);
    writeFileSync(join(dir, 'long-list.txt'), paths.join('\n'));
    const r = run(['--shard', '1/30000', '--files-from', 'long-list.txt'], dir);
    assert.doesNotMatch(r.err, /call stack/);
    const named = r.err.match(/cannot read gone\/\d+\.imr/g) ?? [];
    assert.ok(named.length > 0 && named.length < 100, `${named.length} paths named`);
  });

  test("--files-from a pipe (a shell's <(find ...)); a list that is no list is refused without a hang", () => {
    const piped = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${CLI}" --format jsonl --files-from <(printf 'corpus/a/l0000.imr\\ncorpus/b/l0001.imr\\n')`,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
    assert.deepEqual(lines(piped.stdout).map(fileOf), ['corpus/a/l0000.imr', 'corpus/b/l0001.imr']);
    writeFileSync(join(dir, 'one-long-line.txt'), 'x'.repeat(100_000));
    for (const list of ['/dev/zero', 'one-long-line.txt', 'corpus']) {
      const r = run(['--files-from', list], dir);
      assert.equal(r.code, 2, list);
      assert.match(r.err, new RegExp(`cannot read the file list ${list}`), list);
    }
  });

  test('--write-manifest lists each letter by SHA-256; --since-manifest then reads only new letters', () => {
    const small = join(dir, 'small');
    mkdirSync(small);
    writeFileSync(join(small, 'one.imr'), VALID_LETTER);
    writeFileSync(join(small, 'two.imr'), samples[0]);
    run(['--write-manifest', 'm1.txt', 'small'], dir);
    const sha = (f: string) =>
      createHash('sha256')
        .update(readFileSync(join(small, f)))
        .digest('hex');
    assert.equal(
      readFileSync(join(dir, 'm1.txt'), 'utf8'),
      `${sha('one.imr')}  small/one.imr\n${sha('two.imr')}  small/two.imr\n`,
    );
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('.tmp')),
      [],
    );
    writeFileSync(join(small, 'three.imr'), VALID_LETTER.replace('CM16-0123456', 'CM16-0123457'));
    const r = run(['--format', 'jsonl', '--since-manifest', 'm1.txt', '--write-manifest', 'm2.txt', 'small'], dir);
    assert.deepEqual(lines(r.out).map(fileOf), ['small/three.imr']);
    assert.match(r.err, /2 letters skipped \(listed in the manifest\)\n1 letter checked/);
    assert.equal(lines(readFileSync(join(dir, 'm2.txt'), 'utf8')).length, 3);
    writeFileSync(join(dir, 'bad-manifest.txt'), 'not a manifest\n');
    const bad = run(['--since-manifest', 'bad-manifest.txt', 'small'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bad-manifest\.txt is not a manifest/);
  });

  test('--out writes the output to a file; Parquet is refused without it', () => {
    const r = run(['export', '--format', 'csv', '--out', 'items.csv', 'corpus/a/l0000.imr'], dir);
    assert.equal(r.out, '');
    assert.match(readFileSync(join(dir, 'items.csv'), 'utf8'), /^file,case_number,/);
    const nowhere = run(['--out', 'no-such-folder/x.jsonl', '--write-manifest', 'left.txt', 'corpus/a'], dir);
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.err, /cannot write no-such-folder\/x\.jsonl/);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('left')),
      [],
    );
    const p = run(['export', '--format', 'parquet', 'corpus'], dir);
    assert.equal(p.code, 2);
    assert.match(p.err, /Parquet is binary: give the file to write with --out FILE/);
  });

  test('a closed pipe (| head) ends the run quietly', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" --format jsonl corpus | head -n 1`], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(lines(r.stdout).length, 1);
    assert.equal(r.stderr, '');
  });

  test('Parquet read back by DuckDB: as many rows as the JSONL, the same values, typed columns', async () => {
    assert.equal(run(['export', '--format', 'parquet', '--out', 'items.parquet', 'corpus'], dir).code, 0);
    const jsonl = lines(whole.out).map((l) => JSON.parse(l) as Record<string, string>);
    const items = join(dir, 'items.parquet');
    const [{ n }] = await query(`SELECT count(*) AS n FROM '${items}'`);
    assert.equal(Number(n), jsonl.length);
    const types = Object.fromEntries(
      (await query(`DESCRIBE SELECT * FROM '${items}'`)).map((c) => [c.column_name, c.column_type]),
    );
    assert.equal(types.decision_date, 'DATE');
    assert.equal(types.associated_surgical_service, 'BOOLEAN');
    assert.equal(types.decision, 'VARCHAR');
    const dictionary = await query(
      `SELECT encodings FROM parquet_metadata('${items}') WHERE path_in_schema = 'decision'`,
    );
    assert.match(String(dictionary[0].encodings), /RLE_DICTIONARY/);
    const rows = await query(`SELECT * FROM '${items}'`);
    for (const k of [0, 7, jsonl.length - 1]) {
      const want = jsonl[k];
      const got = rows[k];
      assert.equal(got.file, want.file);
      assert.equal(got.item, want.item);
      assert.equal(got.decision, want.decision || null);
      assert.equal(got.category, want.category || null);
      assert.equal(got.associated_surgical_service, want.associated_surgical_service === 'yes');
      const [m, d, y] = want.decision_date.split('/');
      assert.equal(got.decision_date, want.decision_date ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` : null);
    }
    const byDecision = await query(
      `SELECT decision, count(*) AS n FROM '${items}' GROUP BY decision ORDER BY decision NULLS LAST`,
    );
    const counted = (d: string) => jsonl.filter((r) => r.decision === d).length;
    assert.deepEqual(
      byDecision.filter((r) => r.decision !== null).map((r) => [r.decision, Number(r.n)]),
      [...new Set(jsonl.map((r) => r.decision).filter((d) => d !== ''))].sort().map((d) => [d, counted(d)]),
    );

    // The per-letter table: one row a letter, its counts as integers.
    run(['--format', 'parquet', '--out', 'letters.parquet', 'corpus'], dir);
    const letters = join(dir, 'letters.parquet');
    const [sum] = await query(`SELECT count(*) AS letters, sum(items) AS items FROM '${letters}'`);
    assert.equal(Number(sum.letters), 420);
    assert.equal(Number(sum.items), jsonl.length);
    const [{ column_type }] = await query(
      `SELECT column_type FROM (DESCRIBE SELECT * FROM '${letters}') WHERE column_name = 'overturned'`,
    );
    assert.equal(column_type, 'INTEGER');
  });
});
