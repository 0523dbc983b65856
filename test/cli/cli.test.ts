import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('imr-lint', { skip: existsSync(CLI) ? false : `no bundle at ${CLI}: run node esbuild.mjs` }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-lint-'));
  const broken = edit(VALID_LETTER, 'Priority:             Standard', 'Priority:             Urgent  ');
  writeFileSync(join(dir, 'good.imr'), VALID_LETTER);
  writeFileSync(join(dir, 'broken.imr'), broken);
  writeFileSync(join(dir, 'notes.md'), 'not a letter, not looked at');

  test('a clean letter: exit 0 and nothing on stdout', () => {
    const r = run(['good.imr'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.match(r.err, /1 letter checked: 0 errors, 0 warnings/);
  });

  test('findings as file:line:col severity rule message, exit 1; folders searched for letters only', () => {
    const r = run(['.'], dir);
    assert.equal(r.code, 1);
    const col = broken.split('\n')[lineOf(broken, 'Urgent')].indexOf('Urgent') + 1;
    assert.equal(r.out, `broken.imr:${lineOf(broken, 'Urgent') + 1}:${col} error header.bad-priority Priority "Urgent" is neither Standard nor Expedited.\n`);
    assert.match(r.err, /2 letters checked: 1 error, 0 warnings/);
  });

  test('--rule changes a level; --outline prints items with decisions', () => {
    const r = run(['--rule', 'header.bad-priority=warning', '--outline', 'broken.imr'], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning header\.bad-priority/);
    assert.match(r.out, /\n {4}Hinged knee brace, left {2}— Upheld {2}\(line \d+\)\n/);
  });

  test('usage and read errors: exit 2 with a clear message, and the other files are still checked', () => {
    assert.equal(run([], dir).code, 2);
    assert.match(run(['--rule', 'nope=error', 'good.imr'], dir).err, /--rule takes ID=LEVEL/);
    const r = run(['missing.imr', 'broken.imr'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read missing\.imr/);
    assert.match(r.out, /header\.bad-priority/);
  });

  test('--fix applies the safe fixes in place and changes nothing else; a non-UTF-8 file is left alone', () => {
    const before = edit(edit(VALID_LETTER, 'left: Upheld', 'left: upheld'), 'No instability is', 'No red- flag instability is').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'fixable.imr'), '\ufeff' + before);
    const r = run(['--fix', 'fixable.imr'], dir);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.err, /fixable\.imr: 2 fixes applied/);
    const after = readFileSync(join(dir, 'fixable.imr'), 'utf8');
    assert.equal(after, '\ufeff' + before.replace('left: upheld', 'left: Upheld').replace('red- flag', 'red-flag'));
    const bytes = Buffer.from(edit(VALID_LETTER, 'left: Upheld', 'left: upheld') + 'caf\u00e9\n', 'latin1');
    writeFileSync(join(dir, 'latin-fix.imr'), bytes);
    const l = run(['--fix', 'latin-fix.imr'], dir);
    assert.match(l.err, /latin-fix\.imr is not UTF-8; not fixed/);
    assert.deepEqual(readFileSync(join(dir, 'latin-fix.imr')), bytes);
  });

  test('imr-lint annotations prints the worksheet, the table or W3C JSON', () => {
    writeFileSync(join(dir, 'annotated.imr'), VALID_LETTER.replace('No instability is', 'No {==instability==}{>>appeal-fact: laxity on exam<<} is'));
    const md = run(['annotations', 'annotated.imr'], dir);
    assert.equal(md.code, 0);
    assert.match(md.out, /## Hinged knee brace, left: Upheld\n\n- \*\*appeal-fact\*\* \(line \d+\): laxity on exam/);
    const csv = run(['annotations', '--format', 'csv', 'annotated.imr', 'good.imr'], dir);
    assert.equal(csv.out.split('\r\n').filter(Boolean).length, 2);
    const json = JSON.parse(run(['annotations', '--format', 'json', 'annotated.imr'], dir).out);
    assert.equal(json.total, 1);
    assert.equal(run(['annotations', '--format', 'pdf', 'annotated.imr'], dir).code, 2);
  });

  test('binary and Windows-1252 files: a clear finding, no crash, no lost text', () => {
    writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]));
    const r = run(['scan.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /scan\.txt:1:1 error letter\.binary/);
    writeFileSync(join(dir, 'latin.imr'), Buffer.from(VALID_LETTER.replace('left', 'left caf\u00e9'), 'latin1'));
    const latin = run(['--outline', 'latin.imr'], dir);
    assert.equal(latin.code, 0);
    assert.match(latin.out, /Hinged knee brace, left café/);
  });
});
