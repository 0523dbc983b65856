import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { layoutPages } from '../../server/src/pdf/layout';
import { readPdf } from '../../server/src/pdf-reader/pdfjs';
import {
  PDF_LIMITS,
  PDF_MESSAGES,
  PdfProblem,
  type PdfText,
  looksLikePdf,
  readPdfLetter,
} from '../../server/src/pdf/reader';
import { linesPage, makePdf } from '../fixtures/pdf';

const DIR = join(__dirname, '..', '..', '..', 'shared', 'imr-letters');
const skipShared = existsSync(join(DIR, 'pdf'))
  ? false
  : `no real letters at ${DIR} (they sit in ../shared beside the project)`;

async function read(bytes: Uint8Array): Promise<PdfText> {
  const r = await readPdfLetter(bytes, readPdf);
  if (r instanceof PdfProblem) assert.fail(`unexpected problem: ${r.message}`);
  return r;
}

async function problem(bytes: Uint8Array): Promise<PdfProblem> {
  const r = await readPdfLetter(bytes, readPdf);
  assert.ok(r instanceof PdfProblem, `expected a problem, got text ${JSON.stringify(r)}`);
  return r;
}

/** The page of each line as the text itself says: form feeds before it and at its start; a line of form feeds alone ends the last page. */
function pagesByFormFeeds(text: string): number[] {
  let before = 0;
  return text.split('\n').map((line) => {
    const leading = line.length - line.replace(/^\f+/, '').length;
    const page = 1 + before + leading - (leading > 0 && leading === line.length ? 1 : 0);
    before += line.split('\f').length - 1;
    return page;
  });
}

describe('PDF line rebuilding (layoutPages)', () => {
  test('runs on one baseline make one line; runs that touch join, runs a space apart get one space', () => {
    const { text } = layoutPages([
      [
        { str: 'CM16', x: 72, y: 700, width: 29.3, size: 11 },
        { str: '-', x: 101.3, y: 700.1, width: 3.7, size: 11 },
        { str: '0213037', x: 105, y: 699.9, width: 42.8, size: 11 },
        { str: 'next', x: 72, y: 686, width: 20, size: 11 },
        { str: 'word', x: 95, y: 686, width: 22, size: 11 },
      ],
    ]);
    assert.equal(text, 'CM16-0213037\nnext word\n\f');
  });

  test('runs far apart are padded to their column, so two columns stay side by side', () => {
    // One header line: each run at its x, 5 units a character wide.
    const header: [string, number][] = [
      ['Date Assigned:', 72],
      ['11/09/2016', 180],
      ['Date of Injury:', 322],
      ['10/13/2016', 430],
    ];
    const { text } = layoutPages([header.map(([str, x]) => ({ str, x, y: 700, width: str.length * 5, size: 10 }))]);
    const line = text.split('\n')[0];
    assert.match(line, /^Date Assigned: {2,}11\/09\/2016 {2,}Date of Injury: {2,}10\/13\/2016$/);
    // Each run starts at the column its x gives (5 units a character here, as the runs' widths say).
    assert.equal(line.indexOf('Date of Injury:'), (322 - 72) / 5);
  });

  test('a paragraph gap gives one blank line, the heading gap of a line and a half none; runs are read top to bottom', () => {
    const at = (str: string, y: number) => ({ str, x: 72, y, width: str.length * 6, size: 12 });
    const { text } = layoutPages([
      [at('third', 672), at('first', 700), at('second', 686), at('after a heading gap', 652)],
      [at('new page', 700)],
    ]);
    assert.equal(text, 'first\nsecond\nthird\nafter a heading gap\n\fnew page\n\f');
    const { text: gapped } = layoutPages([[at('one', 700), at('two', 672)]]);
    assert.equal(gapped, 'one\n\ntwo\n\f');
  });

  test('every page ends with a form feed, and each line knows its page; an empty page is a form feed alone', () => {
    const run = (str: string) => ({ str, x: 72, y: 700, width: 30, size: 12 });
    const r = layoutPages([[run('one')], [], [run('three')]]);
    assert.equal(r.text, 'one\n\f\fthree\n\f');
    assert.deepEqual(r.pages, [1, 3, 3]);
    assert.equal(r.text.split('\n').length, r.pages.length);
  });

  test('white-space runs and no runs at all give only form feeds', () => {
    assert.deepEqual(layoutPages([[{ str: '  ', x: 72, y: 700, width: 5, size: 12 }], []]), {
      text: '\f\f',
      pages: [2],
    });
  });
});

describe('PDFs made in the test, through pdfjs-dist', () => {
  test('a two-column page keeps both columns on each line, in reading position', async () => {
    const r = await read(
      makePdf([
        [
          { x: 72, y: 700, text: 'Left column one' },
          { x: 330, y: 700, text: 'Right column one' },
          { x: 72, y: 686, text: 'Left two' },
          { x: 330, y: 686, text: 'Right two' },
        ],
      ]),
    );
    const lines = r.text.split('\n');
    assert.match(lines[0], /^Left column one {2,}Right column one$/);
    assert.match(lines[1], /^Left two {2,}Right two$/);
    assert.equal(lines[0].indexOf('Right'), lines[1].indexOf('Right'), 'the right column starts at one column');
  });

  test('a page with no text (a scanned page among typed ones) is a form feed, and the pages of the lines after it count it', async () => {
    const r = await read(makePdf([linesPage(['Page one']), [], linesPage(['Page three', 'still three'])]));
    assert.equal(r.text, 'Page one\n\f\fPage three\nstill three\n\f');
    assert.deepEqual(r.pages, [1, 3, 3, 3]);
  });

  test('a PDF with no text at all: scanned, run OCR first', async () => {
    const p = await problem(makePdf([[], []]));
    assert.equal(p.kind, 'no-text');
    assert.equal(p.message, 'this PDF has no text: it is a scanned image; run OCR first');
  });

  test('an encrypted PDF is refused at once, not left waiting for a password', async () => {
    const p = await problem(makePdf([linesPage(['secret'])], { encrypted: true }));
    assert.equal(p.kind, 'encrypted');
    assert.match(p.message, /encrypted \(password-protected\)/);
  });

  test('a truncated PDF (a download cut short) says so', async () => {
    const whole = makePdf([linesPage(['Case Number: CM16-0213037', 'more text'])]);
    for (const cut of [0.3, 0.6, 0.95])
      assert.equal((await problem(whole.slice(0, Math.floor(whole.length * cut)))).kind, 'truncated', `cut at ${cut}`);
  });

  test('a damaged PDF (its end in place, its body not a PDF) is corrupt', async () => {
    const p = await problem(
      new TextEncoder().encode('%PDF-1.4\nthis is no object and no cross-reference table\n%%EOF\n'),
    );
    assert.equal(p.kind, 'corrupt');
    assert.equal(p.message, PDF_MESSAGES.corrupt);
  });

  test('a file named .pdf that is not one (a saved web page) is told so, and pdfjs is never asked', async () => {
    let asked = false;
    const r = await readPdfLetter(
      new TextEncoder().encode('<!DOCTYPE html><html><body>Not found</body></html>'),
      async () => {
        asked = true;
        return { text: 'x', pages: [1] };
      },
    );
    assert.ok(r instanceof PdfProblem && r.kind === 'not-pdf');
    assert.equal(asked, false);
    assert.equal(looksLikePdf(new TextEncoder().encode('\n\n%PDF-1.7\n')), true, 'a PDF may start after a few bytes');
  });

  test(`a 500-page PDF is not read past its page count (more than ${PDF_LIMITS.maxPages} pages), and the message says how many it has`, async () => {
    const pages = Array.from({ length: 500 }, (_, i) => linesPage([`Page ${i + 1}`]));
    let pagesRead = 0;
    const counting = async (bytes: Uint8Array) => {
      const r = await readPdf(bytes);
      pagesRead = r.pages[r.pages.length - 1];
      return r;
    };
    const p = await readPdfLetter(makePdf(pages), counting);
    assert.ok(p instanceof PdfProblem && p.kind === 'too-large', String(p));
    assert.match(p.message, /more than 100 pages.*\(500 pages\)/);
    assert.equal(pagesRead, 0, 'no page was read into text');
    const bytes = new Uint8Array(PDF_LIMITS.maxBytes + 1);
    bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
    assert.equal((await readPdfLetter(bytes, readPdf)).constructor, PdfProblem);
    assert.equal(((await readPdfLetter(bytes, readPdf)) as PdfProblem).kind, 'too-large');
  });

  test('a reader that fails in a way of its own gives "damaged", never an exception', async () => {
    const r = await readPdfLetter(makePdf([linesPage(['x'])]), () => Promise.reject(new TypeError('boom')));
    assert.ok(r instanceof PdfProblem && r.kind === 'corrupt');
  });
});

describe('the shared PDFs rebuild as pdftotext -layout laid them out', { skip: skipShared }, () => {
  for (let n = 1; n <= 10; n++) {
    const name = String(n).padStart(3, '0');
    test(`${name}.pdf: every line as in ${name}.txt (spaces between runs aside), each on its page`, async () => {
      const r = await read(new Uint8Array(readFileSync(join(DIR, 'pdf', `${name}.pdf`))));
      const expected = readFileSync(join(DIR, `${name}.txt`), 'utf8');
      const squeeze = (t: string) => t.split('\n').map((l) => l.replace(/ +/g, ' ').trimEnd());
      assert.deepEqual(squeeze(r.text), squeeze(expected));
      assert.deepEqual(r.pages, pagesByFormFeeds(expected));
    });
  }
});
