import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
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
    const broken = edit(VALID_LETTER, 'left: Upheld', 'left: Uphled').replace('CM16-0123456', 'CM16-0777777');
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
    assert.deepEqual(
      published('letter.pdf')?.map((d) => d.code),
      ['item.invalid-decision'],
    );
    assert.deepEqual(
      published('scanned.pdf')?.map((d) => [d.code, d.message]),
      [['letter.pdf-unreadable', 'this PDF has no text: it is a scanned image; run OCR first']],
    );
    assert.equal(
      published('minutes.pdf'),
      undefined,
      'a PDF that is not a letter is left alone, as a .txt of notes is',
    );
    assert.deepEqual(published('clean.imr'), []);

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
    assert.equal((await ask(makePdf([linesPage(['Minutes of the meeting'])]))).recognized, false);
    assert.deepEqual(await ask(makePdf([linesPage(['x'])], { encrypted: true })), {
      problem: 'this PDF is encrypted (password-protected); open it in a PDF reader and save an unprotected copy first',
    });
  });
});
