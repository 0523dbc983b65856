import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { VALID_LETTER, edit } from '../fixtures/letters';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const REAL = join(__dirname, '..', '..', '..', 'shared', 'imr-letters');
/** Debian's LibreOffice Calc (apt-get install libreoffice-calc-nogui). */
const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 ? 'soffice' : undefined;

/** RFC 4180: rows of cells, quoted cells unquoted ("" is one "), CRLF or LF between rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The CSV opened in LibreOffice Calc as UTF-8, saved as a workbook, and that workbook saved as CSV again. */
function throughCalc(dir: string, name: string): string {
  const profile = pathToFileURL(join(dir, 'profile')).href; // its own profile: a running LibreOffice is left alone
  const run = (args: string[]) => {
    const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${profile}`, '--headless', ...args], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(r.status, 0, r.stderr);
  };
  run(['--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', 'calc', name]);
  const book = join('calc', name.replace(/\.csv$/, '.xlsx'));
  // Saved as shown (dates as they were read); each sheet to <book>-<sheet>.csv.
  run([
    '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
    '--outdir',
    'back',
    book,
  ]);
  const base = name.replace(/\.csv$/, '');
  return readFileSync(join(dir, 'back', `${base}-${base}.csv`), 'utf8');
}

describe(
  'exports in a spreadsheet',
  {
    skip: !existsSync(CLI)
      ? `no bundle at ${CLI}: run node esbuild.mjs`
      : !SOFFICE
        ? 'no LibreOffice: apt-get install libreoffice-calc-nogui'
        : false,
  },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-calc-'));
    mkdirSync(join(dir, 'letters'));
    // Cells that test the quoting: a comma, quotes, accents and a dash; notes that a spreadsheet
    // would run as formulas.
    writeFileSync(
      join(dir, 'letters', 'quoting.imr'),
      edit(VALID_LETTER, 'Hinged knee brace, left', 'Hinged knee brace, left "Don Joy" caf\u00e9 \u2014 size M'),
    );
    writeFileSync(
      join(dir, 'letters', 'annotated.imr'),
      edit(
        VALID_LETTER,
        'No instability is',
        'No {>>=HYPERLINK("http://x")<<}{>>note: -2+3 visits<<}{==instability==}{>>question: "lax", or not?<<} is',
      ),
    );
    const real = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.txt')) : [];
    for (const f of real) writeFileSync(join(dir, 'letters', f), readFileSync(join(REAL, f)));

    const exported = (args: string[], name: string) => {
      const r = spawnSync(process.execPath, [CLI, ...args, 'letters'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      writeFileSync(join(dir, name), r.stdout);
      return r.stdout;
    };

    test('the item table opens with every cell as written, one row per item, in its column', () => {
      const csv = exported(['export', '--format', 'csv'], 'items.csv');
      const ours = parseCsv(csv);
      assert.equal(ours.length, 1 + 2 + 2 + (real.length ? 27 : 0)); // the header, then every item
      const calc = parseCsv(throughCalc(dir, 'items.csv'));
      assert.deepEqual(calc, ours);
      assert.ok(calc.some((row) => row.includes('Hinged knee brace, left "Don Joy" caf\u00e9 \u2014 size M')));
      assert.ok(calc.every((row) => row.length === ours[0].length));
    });

    test('with --bom the table starts with a UTF-8 byte order mark, which the spreadsheet takes as the encoding, not as a cell', () => {
      exported(['export', '--format', 'csv', '--bom'], 'items-bom.csv');
      const bytes = readFileSync(join(dir, 'items-bom.csv'));
      assert.deepEqual([...bytes.subarray(0, 4)], [0xef, 0xbb, 0xbf, 'f'.charCodeAt(0)]);
      const calc = parseCsv(throughCalc(dir, 'items-bom.csv'));
      assert.deepEqual(calc, parseCsv(exported(['export', '--format', 'csv'], 'items.csv')));
      assert.equal(calc[0][0], 'file');
    });

    test('the annotation table opens with the formulas kept as text, not run', () => {
      const csv = exported(['annotations', '--format', 'csv'], 'annotations.csv');
      const ours = parseCsv(csv);
      const calc = parseCsv(throughCalc(dir, 'annotations.csv'));
      assert.deepEqual(calc, ours);
      const notes = calc.map((row) => row[ours[0].indexOf('note')]);
      assert.ok(notes.includes(`'=HYPERLINK("http://x")`), notes.join(' | ')); // a formula would come back as its value
      assert.ok(notes.includes(`'-2+3 visits`));
      assert.ok(notes.includes('"lax", or not?'));
    });
  },
);
