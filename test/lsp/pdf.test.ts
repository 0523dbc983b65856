import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { VALID_LETTER, edit } from '../fixtures/letters';
import { letterPdf, linesPage, makePdf } from '../fixtures/pdf';
import { SERVER, TestClient } from './client';

describe('PDF letters in the workspace', { skip: existsSync(SERVER) ? false : 'no bundled server' }, () => {
  test('Check All Letters and workspace symbols read the PDFs without importing them; a bad PDF is told why', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'imr-ws-pdf-'));
    // Two pages, the misspelt decision on the second.
    const broken = edit(VALID_LETTER, 'left: Upheld', 'left: Uphled')
      .replace('CM16-0123456', 'CM16-0777777')
      .replace(/^( +IMR ISSUES, DECISIONS)/m, '\f$1');
    writeFileSync(join(folder, 'letter.pdf'), letterPdf(broken));
    writeFileSync(join(folder, 'scanned.pdf'), makePdf([[]]));
    writeFileSync(
      join(folder, 'minutes.pdf'),
      makePdf([linesPage(['Minutes of the meeting', 'Nothing of a letter here'])]),
    );
    writeFileSync(join(folder, 'clean.imr'), VALID_LETTER);
    const client = new TestClient();
    after(() => client.stop().catch(() => undefined));
    await client.initialize(pathToFileURL(folder).href);

    const check = await client.rpc.sendRequest<{ checked: number; total: number; withErrors: number }>(
      'imr/checkWorkspace',
      {},
    );
    assert.deepEqual(check, { checked: 4, total: 4, withErrors: 2 });
    const published = (name: string) => client.lastPublished.get(pathToFileURL(join(folder, name)).href);
    // A finding in a PDF is at the PDF's start (a line of its text means nothing there), naming its
    // page and the line it has in the text, which the letter imported from the PDF has too.
    const read = await client.rpc.sendRequest<{ text: string; pages: number[] }>('imr/pdfText', {
      data: readFileSync(join(folder, 'letter.pdf')).toString('base64'),
    });
    const misspelt = read.text.split('\n').findIndex((l) => l.includes('Uphled'));
    assert.equal(read.pages[misspelt], 2);
    assert.deepEqual(
      published('letter.pdf')?.map((d) => [
        d.code,
        d.range.start,
        d.range.end,
        String(d.message).replace(/(?<=: ).*$/, ''),
      ]),
      [
        [
          'item.invalid-decision',
          { line: 0, character: 0 },
          { line: 0, character: 0 },
          `Page 2, line ${misspelt + 1} of its text: `,
        ],
      ],
    );
    assert.deepEqual(
      published('scanned.pdf')?.map((d) => [d.code, d.severity, d.range.start, d.message]),
      [
        [
          'letter.pdf-unreadable',
          1,
          { line: 0, character: 0 },
          'this PDF has no text: it is a scanned image; run OCR first',
        ],
      ],
    );
    assert.deepEqual(published('clean.imr'), [], 'a readable letter gets no letter.pdf-unreadable');
    assert.equal(
      published('minutes.pdf'),
      undefined,
      'a PDF that is not a letter is left alone, as a .txt of notes is',
    );

    // letter.pdf-unreadable has a level like every rule (imrLetter.rules).
    client.settings = { rules: { 'letter.pdf-unreadable': 'warning' } };
    await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { imrLetter: client.settings } });
    await client.rpc.sendRequest('imr/checkWorkspace', {});
    assert.deepEqual(
      published('scanned.pdf')?.map((d) => [d.code, d.severity]),
      [['letter.pdf-unreadable', 2]],
    );
    client.settings = { rules: { 'letter.pdf-unreadable': 'off' } };
    await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { imrLetter: client.settings } });
    await client.rpc.sendRequest('imr/checkWorkspace', {});
    assert.deepEqual(published('scanned.pdf'), []);

    type Found = { name: string; location: { uri: string } }[];
    const found = await client.rpc.sendRequest<Found>('workspace/symbol', { query: 'CM16-0777777' });
    assert.deepEqual(
      found.map((s) => [s.name, s.location.uri.replace(/^.*\//, '')]),
      [['CM16-0777777', 'letter.pdf']],
    );
  });

  test("imr/pdfText gives a PDF's letter text and whether it is a letter, or why there is none", async () => {
    const client = new TestClient();
    after(() => client.stop().catch(() => undefined));
    await client.initialize();
    type Answer = { text?: string; recognized?: boolean; pages?: number[]; problem?: string };
    const ask = (bytes: Uint8Array) =>
      client.rpc.sendRequest<Answer>('imr/pdfText', { data: Buffer.from(bytes).toString('base64') });
    const letter = await ask(letterPdf(VALID_LETTER));
    assert.equal(letter.recognized, true);
    assert.match(letter.text!, /^Case Number: +CM16-0123456\n/);
    assert.equal(letter.pages!.length, letter.text!.split('\n').length);
    // Named with its PDF (Import PDF Letters writes the letter beside it), the text says so at its end.
    const named = await client.rpc.sendRequest<Answer>('imr/pdfText', {
      data: Buffer.from(letterPdf(VALID_LETTER)).toString('base64'),
      source: 'letter 1 <copy>.pdf',
    });
    assert.equal(named.text, letter.text + '{>>imr-source: letter%201%20%3Ccopy%3E.pdf<<}');
    const uri = 'file:///letters/letter%201.imr';
    await client.open(uri, named.text!);
    assert.equal(await client.rpc.sendRequest('imr/pdfSource', { uri }), 'letter 1 <copy>.pdf');
    await client.open('file:///letters/typed.imr', VALID_LETTER);
    assert.equal(await client.rpc.sendRequest('imr/pdfSource', { uri: 'file:///letters/typed.imr' }), null);
    assert.equal((await ask(makePdf([linesPage(['Minutes of the meeting'])]))).recognized, false);
    assert.deepEqual(await ask(makePdf([linesPage(['x'])], { encrypted: true })), {
      problem: 'this PDF is encrypted (password-protected); open it in a PDF reader and save an unprotected copy first',
    });
  });
});
