import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { VALID_LETTER } from '../fixtures/letters';
import { linesPage, makePdf } from '../fixtures/pdf';
import { CLI, run } from './run-cli';

const DIST = join(__dirname, '..', '..', 'dist');
const SHARED = join(__dirname, '..', '..', '..', 'shared', 'imr-letters');
const noShared = existsSync(join(SHARED, 'pdf'))
  ? false
  : `no real letter PDFs at ${join(SHARED, 'pdf')} (they sit in ../shared beside the project)`;

/** The item table's rows without the file column: what a researcher codes, whatever the file. */
function rows(jsonl: string): unknown[] {
  return jsonl
    .trim()
    .split('\n')
    .map((l) => {
      const { file: _file, ...row } = JSON.parse(l) as Record<string, unknown>;
      return row;
    });
}

describe(
  'imr-lint and PDF letters',
  { skip: existsSync(CLI) ? false : `no bundle at ${CLI}: run node esbuild.mjs` },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-lint-pdf-'));
    writeFileSync(join(dir, 'good.imr'), VALID_LETTER);
    writeFileSync(join(dir, 'saved-page.pdf'), '<!DOCTYPE html><html><body>Session expired</body></html>');
    writeFileSync(join(dir, 'scanned.pdf'), makePdf([[], []]));
    const whole = makePdf([linesPage(['Case Number: CM16-0213037', 'Some text'])]);
    writeFileSync(join(dir, 'cut-short.pdf'), whole.slice(0, whole.length / 2));
    writeFileSync(join(dir, 'notes.pdf'), makePdf([linesPage(['Minutes of the meeting', 'Nothing of a letter here'])]));

    test('each bad PDF gets its own finding, letter.pdf-unreadable (exit 1), and the other files are still checked', () => {
      const r = run(['.'], dir);
      assert.equal(r.code, 1);
      assert.match(r.out, /^cut-short\.pdf:1:1 error letter\.pdf-unreadable this PDF is truncated/m);
      assert.match(
        r.out,
        /^saved-page\.pdf:1:1 error letter\.pdf-unreadable this file is not a PDF \(it does not start with %PDF-\), despite its name$/m,
      );
      assert.match(
        r.out,
        /^scanned\.pdf:1:1 error letter\.pdf-unreadable this PDF has no text: it is a scanned image; run OCR first$/m,
      );
      // A PDF that is not an IMR letter is read, and the letter model says so, as for a text file.
      assert.match(r.out, /^notes\.pdf:1:1 warning letter\.unrecognized .* \(page 1\)$/m);
      assert.doesNotMatch(r.out, /^good\.imr/m, 'a readable letter gets no letter.pdf-unreadable');
      assert.match(r.err, /5 letters checked: 2 items/);
      assert.equal(r.err.match(/^imr-lint: /gm), null, 'no read error: each is a finding');
    });

    test('letter.pdf-unreadable has a level like any rule, and is in the JSON and SARIF output', () => {
      let r = run(['--rule', 'letter.pdf-unreadable=warning', 'scanned.pdf', 'good.imr'], dir);
      assert.equal(r.code, 0);
      assert.match(r.out, /^scanned\.pdf:1:1 warning letter\.pdf-unreadable this PDF has no text/m);
      r = run(['--rule', 'letter.pdf-unreadable=off', 'scanned.pdf'], dir);
      assert.equal(r.code, 0);
      assert.equal(r.out, '');
      const json = JSON.parse(run(['--format', 'json', 'scanned.pdf'], dir).out) as {
        file: string;
        items: unknown[];
        findings: { rule: string; severity: string; line: number; message: string }[];
      }[];
      assert.deepEqual(json[0].findings, [
        {
          rule: 'letter.pdf-unreadable',
          severity: 'error',
          line: 1,
          column: 1,
          message: 'this PDF has no text: it is a scanned image; run OCR first',
        },
      ]);
      const sarif = JSON.parse(run(['--format', 'sarif', 'scanned.pdf'], dir).out) as {
        runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[];
      };
      assert.deepEqual(
        sarif.runs[0].results.map((x) => [x.ruleId, x.level]),
        [['letter.pdf-unreadable', 'error']],
      );
      assert.ok(sarif.runs[0].tool.driver.rules.some((x) => x.id === 'letter.pdf-unreadable'));
      // Export and annotations have no finding to give: the PDF is named as not read.
      r = run(['export', 'scanned.pdf'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /imr-lint: scanned\.pdf: this PDF has no text/);
    });

    test('a text letter never loads the PDF reader; a PDF does', () => {
      const preload = join(dir, 'report-reader.js');
      writeFileSync(
        preload,
        "process.on('exit', () => process.stderr.write(Object.keys(require.cache).some((k) => k.endsWith('pdf-reader.js')) ? 'PDF reader loaded\\n' : 'PDF reader not loaded\\n'));",
      );
      assert.match(run(['good.imr'], dir, { nodeArgs: ['--require', preload] }).err, /PDF reader not loaded/);
      assert.match(run(['notes.pdf'], dir, { nodeArgs: ['--require', preload] }).err, /PDF reader loaded/);
    });

    test('the PDF reader loads no native code (pdfjs-dist would require @napi-rs/canvas to draw) and keeps the native Array push', () => {
      const script = `const push = Array.prototype.push;
const { readPdf } = require(${JSON.stringify(join(DIST, 'pdf-reader.js'))});
readPdf(require('node:fs').readFileSync(${JSON.stringify(join(dir, 'notes.pdf'))})).then((r) => {
  const native = Object.keys(require.cache).filter((k) => k.includes('@napi-rs') || k.endsWith('.node'));
  process.stdout.write(JSON.stringify({ text: r.text, native, pushKept: Array.prototype.push === push }));
});`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      const result = JSON.parse(r.stdout) as { text: string; native: string[]; pushKept: boolean };
      assert.match(result.text, /^Minutes of the meeting\n/);
      assert.deepEqual(result.native, []);
      assert.equal(
        result.pushKept,
        true,
        "pdfjs's legacy build would leave a polyfilled Array.prototype.push for the whole process",
      );
      assert.equal(r.stderr, '', 'and writes no warning');
    });

    test('the PDF reader works on a Node 20 without process.getBuiltinModule (before 20.16, as older VS Code extension hosts run)', () => {
      const script = `delete process.getBuiltinModule;
require(${JSON.stringify(join(DIST, 'pdf-reader.js'))}).readPdf(require('node:fs').readFileSync(${JSON.stringify(join(dir, 'notes.pdf'))})).then((r) => process.stdout.write(r.text), (e) => process.stdout.write('failed: ' + e.message));`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      assert.equal(r.stdout, 'Minutes of the meeting\nNothing of a letter here\n\f');
    });

    test('import writes NAME.imr beside each PDF, never over a file without --force, and --out elsewhere', () => {
      const folder = join(dir, 'import');
      mkdirSync(folder);
      writeFileSync(join(folder, 'a.pdf'), makePdf([linesPage(['Case Number: CM16-0213037', 'first letter'])]));
      writeFileSync(join(folder, 'b.PDF'), makePdf([linesPage(['second letter'])]));
      writeFileSync(join(folder, 'b.imr'), 'my notes on b');
      let r = run(['import', 'import'], dir);
      assert.equal(r.code, 1);
      assert.equal(
        readFileSync(join(folder, 'a.imr'), 'utf8'),
        'Case Number: CM16-0213037\nfirst letter\n\f{>>imr-source: a.pdf<<}',
        'the letter names its PDF at its end',
      );
      assert.equal(readFileSync(join(folder, 'b.imr'), 'utf8'), 'my notes on b', 'an existing file is left as it is');
      assert.match(r.err, /^import\/a\.pdf -> import\/a\.imr \(1 pages\)$/m);
      assert.match(r.err, /^imr-lint import: import\/b\.imr exists; left as it is \(--force to overwrite\)$/m);
      assert.match(r.err, /1 letter imported, 1 not \(named above\)\n$/);
      assert.deepEqual(
        readdirSync(folder).filter((f) => f.endsWith('.tmp')),
        [],
        'no temporary file left behind',
      );

      r = run(['import', '--force', 'import/b.PDF'], dir);
      assert.equal(r.code, 0);
      assert.equal(readFileSync(join(folder, 'b.imr'), 'utf8'), 'second letter\n\f{>>imr-source: b.PDF<<}');

      r = run(['import', '--out', 'out', 'import/a.pdf', 'scanned.pdf'], dir);
      assert.equal(r.code, 1);
      assert.equal(
        readFileSync(join(dir, 'out', 'a.imr'), 'utf8'),
        'Case Number: CM16-0213037\nfirst letter\n\f{>>imr-source: ../import/a.pdf<<}',
        "named from the letter's folder",
      );
      assert.match(r.err, /scanned\.pdf: this PDF has no text/);
      assert.equal(existsSync(join(dir, 'out', 'scanned.imr')), false);

      assert.equal(run(['import'], dir).code, 2);
      assert.equal(run(['import', '--bogus', 'x.pdf'], dir).code, 2);
    });

    test(
      'the shared PDFs: checked, exported and given as JSON and SARIF as their text files are',
      { skip: noShared },
      () => {
        const names = Array.from({ length: 10 }, (_, i) => String(i + 1).padStart(3, '0'));
        const texts = names.map((n) => join(SHARED, `${n}.txt`));
        const pdfs = join(SHARED, 'pdf');
        assert.deepEqual(
          rows(run(['export', '--format', 'jsonl', pdfs], dir).out),
          rows(run(['export', '--format', 'jsonl', ...texts], dir).out),
        );
        const fromPdf = run([pdfs], dir);
        const fromText = run(texts, dir);
        assert.equal(fromPdf.code, fromText.code);
        assert.equal(fromPdf.err, fromText.err, 'the same summary: items, decisions and findings by rule');
        const json = JSON.parse(run(['--format', 'json', pdfs], dir).out) as { file: string; items: unknown[] }[];
        assert.equal(json.length, 10);
        assert.ok(json.every((l) => l.file.endsWith('.pdf') && l.items.length > 0));
        const sarif = JSON.parse(run(['--format', 'sarif', pdfs], dir).out) as {
          runs: {
            results: {
              locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
              properties?: { page?: number };
            }[];
          }[];
        };
        const uris = sarif.runs[0].results.map((res) => res.locations[0].physicalLocation.artifactLocation.uri);
        assert.ok(uris.length > 0 && uris.every((u) => u.endsWith('.pdf')));
        // Each finding names the page of the PDF it is on, as the text output does.
        const textPages = fromPdf.out.match(/\(page \d+\)$/gm)!.map((m) => Number(/\d+/.exec(m)![0]));
        assert.deepEqual(
          sarif.runs[0].results.map((res) => res.properties?.page),
          textPages,
        );
        assert.ok(
          textPages.some((p) => p > 1),
          'findings past the first page',
        );
        const annotations = run(['annotations', '--format', 'csv', pdfs], dir);
        assert.equal(annotations.code, 0, annotations.err);
      },
    );

    test('import of the shared PDFs gives letters that check as the text files do', { skip: noShared }, () => {
      const folder = join(dir, 'shared');
      mkdirSync(folder);
      for (let n = 1; n <= 10; n++)
        copyFileSync(
          join(SHARED, 'pdf', `${String(n).padStart(3, '0')}.pdf`),
          join(folder, `${String(n).padStart(3, '0')}.pdf`),
        );
      const r = run(['import', 'shared'], dir);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /10 letters imported\n$/);
      const imported = readdirSync(folder)
        .filter((f) => f.endsWith('.imr'))
        .map((f) => join(folder, f));
      assert.equal(imported.length, 10);
      const texts = Array.from({ length: 10 }, (_, i) => join(SHARED, `${String(i + 1).padStart(3, '0')}.txt`));
      assert.deepEqual(
        rows(run(['export', '--format', 'jsonl', ...imported], dir).out),
        rows(run(['export', '--format', 'jsonl', ...texts], dir).out),
      );
      // The source the import names at the letter's end changes no finding, line or outline: each
      // imported letter reads as its PDF does, line for line (less the page the PDF's findings name).
      for (const file of imported) {
        assert.match(readFileSync(file, 'utf8'), /\f\{>>imr-source: \d{3}\.pdf<<\}$/);
        const pdf = file.replace(/\.imr$/, '.pdf');
        const asImported = run(['--outline', file], dir).out.replaceAll('.imr', '.pdf');
        const asPdf = run(['--outline', pdf], dir).out.replace(/ \(page \d+\)$/gm, '');
        assert.equal(asImported, asPdf, file);
        assert.ok(asPdf.split('\n').length > 10, 'an outline and findings were compared');
      }
    });
  },
);
