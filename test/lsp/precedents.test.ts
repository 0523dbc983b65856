import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createLetterService, itemRows } from '../../server/src/service';
import { DEFAULT_CATALOG } from '../../server/src/guidelines/catalog';
import { decodeIndex, encodeIndex, readerKey } from '../../server/src/precedents/cache';
import { isSimilar } from '../../server/src/precedents/similar';
import { tallyBy, tallyDecisions } from '../../server/src/precedents/tally';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';
import { letterPdf } from '../fixtures/pdf';
import { type TestClient, startIndexing as start } from './client';

const SAMPLES = join(__dirname, '..', '..', 'samples');
const BRACE = 'Hinged knee brace, left: Upheld';
const braceLetter = (decision: string) => edit(VALID_LETTER, BRACE, `Hinged knee brace, left: ${decision}`);
const service = createLetterService();
const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A folder of letters: the sample letters, three with the fixture's knee brace decided each way, a note that is no letter. */
function workspace(): string {
  const folder = mkdtempSync(join(tmpdir(), 'imr-precedents-'));
  roots.push(folder);
  for (const f of readdirSync(SAMPLES)) if (/\.imr(\.txt)?$/.test(f)) copyFileSync(join(SAMPLES, f), join(folder, f));
  writeFileSync(join(folder, 'a.imr'), braceLetter('Upheld'));
  writeFileSync(join(folder, 'b.imr'), braceLetter('Overturned'));
  writeFileSync(join(folder, 'c.txt'), braceLetter('Upheld'));
  writeFileSync(join(folder, 'notes.txt'), 'Call the attorney on Monday about the knee brace.\n');
  return folder;
}

/** What the hover must say: tallyDecisions and tallyBy over the item table rows of the other letters, as `imr-lint export` writes them. */
function expected(folder: string, except: string) {
  const target = itemRows('', service.read(VALID_LETTER))[0];
  const rows = readdirSync(folder)
    .filter((f) => f !== except)
    .flatMap((f) => itemRows(f, service.read(readFileSync(join(folder, f), 'utf8'))))
    .filter((r) => isSimilar(target, r));
  const guideline = target.maximus_guidelines;
  const byGuideline = tallyBy(
    rows,
    (r) => r.maximus_guidelines.split('; '),
    (r) => r.decision,
  ).find(([g]) => g === guideline)![1];
  return { similar: tallyDecisions(rows.map((r) => r.decision)), byGuideline };
}

async function hoverText(client: TestClient, uri: string): Promise<string> {
  const h = await client.rpc.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line: lineOf(VALID_LETTER, BRACE), character: 3 },
  });
  return h?.contents.value ?? '';
}

function counts(hover: string) {
  const m =
    /Similar requests in this workspace: (\d+) \((\d+) upheld, (\d+) overturned.*?citing the same MAXIMUS guideline: (\d+) \((\d+) upheld(?:, (\d+) overturned)?\)/.exec(
      hover,
    );
  assert.ok(m, hover);
  const [, items, upheld, overturned, gItems, gUpheld, gOverturned] = m.map(Number);
  return {
    similar: { items, upheld, overturned },
    byGuideline: { items: gItems, upheld: gUpheld, overturned: Number.isNaN(gOverturned) ? 0 : gOverturned },
  };
}

/** Asks again until the answer changes from `before` (a file event is handled after the request that follows it may be). */
async function hoverAfterChange(client: TestClient, uri: string, before: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const now = await hoverText(client, uri);
    if (now !== before) return now;
    await new Promise((r) => setTimeout(r, 25));
  }
  return hoverText(client, uri);
}

describe('the workspace index over LSP', () => {
  test('builds in the background; the hover counts agree with tallyBy over the item table of the same letters; file events update them', async () => {
    const folder = workspace();
    const { client, built } = await start(folder);
    try {
      await built;
      const uri = pathToFileURL(join(folder, 'open.imr')).href;
      writeFileSync(join(folder, 'open.imr'), VALID_LETTER);
      await client.open(uri, VALID_LETTER);
      const first = await hoverText(client, uri);
      assert.deepEqual(counts(first), expected(folder, 'open.imr'));
      assert.equal(counts(first).similar.items, 3);
      // The links open the other letters at the item, never this one.
      assert.match(first, /a\.imr#L\d+\)/);
      assert.doesNotMatch(first, /open\.imr#L/);
      const lenses = await client.rpc.sendRequest<{ command?: { title: string; command: string } }[]>(
        'textDocument/codeLens',
        { textDocument: { uri } },
      );
      const lens = lenses.find((l) => l.command?.command === 'imrLetter.showPrecedents');
      assert.equal(lens?.command?.title, 'Precedents: 3 similar, 33 % overturned');

      writeFileSync(join(folder, 'e.imr'), braceLetter('Overturned'));
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(join(folder, 'e.imr')).href, type: 1 }],
      });
      const second = await hoverAfterChange(client, uri, first);
      assert.deepEqual(counts(second), expected(folder, 'open.imr'));
      assert.equal(counts(second).similar.overturned, 2);

      rmSync(join(folder, 'b.imr'));
      await client.rpc.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(join(folder, 'b.imr')).href, type: 3 }],
      });
      const deleted = await hoverAfterChange(client, uri, second);
      assert.deepEqual(counts(deleted), expected(folder, 'open.imr'));

      // An open letter of the workspace counts as its text is now: its item overturned in the editor, not on disk.
      const a = pathToFileURL(join(folder, 'a.imr')).href;
      await client.open(a, braceLetter('Upheld'));
      const line = lineOf(VALID_LETTER, BRACE);
      await client.rpc.sendNotification('textDocument/didChange', {
        textDocument: { uri: a, version: 2 },
        contentChanges: [
          { range: { start: { line, character: 25 }, end: { line, character: 31 } }, text: 'Overturned' },
        ],
      });
      const third = await hoverAfterChange(client, uri, deleted);
      assert.deepEqual(counts(third).similar, {
        items: counts(deleted).similar.items,
        upheld: counts(deleted).similar.upheld - 1,
        overturned: counts(deleted).similar.overturned + 1,
      });

      const view = await client.rpc.sendRequest<{ groups: { decision: string; total: number }[] } | null>(
        'imr/precedents',
        { uri, position: { line: lineOf(VALID_LETTER, 'The guidelines support a brace'), character: 0 } },
      );
      assert.deepEqual(
        view?.groups.map((g) => [g.decision, g.total]),
        [
          ['Upheld', counts(third).similar.upheld],
          ['Overturned', counts(third).similar.overturned],
        ],
      );
    } finally {
      await client.stop();
    }
  });

  test('the saved index is used where a file is unchanged (by stamp, or by content after a touch), read again where it changed, and ignored when damaged', async () => {
    const folder = workspace();
    const storage = mkdtempSync(join(tmpdir(), 'imr-storage-'));
    roots.push(storage);
    const uri = pathToFileURL(join(folder, 'open.imr')).href;
    const run = async () => {
      const { client, built } = await start(folder, { storagePath: storage });
      try {
        await built;
        await client.open(uri, VALID_LETTER);
        return counts(await hoverText(client, uri)).similar;
      } finally {
        await client.stop();
      }
    };
    const saved = async () => {
      for (let i = 0; i < 400; i++) {
        const file = readdirSync(storage).find((f) => /^precedents-index-.*\.json$/.test(f));
        if (file) return join(storage, file);
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.fail('the index was not saved');
    };
    const { client, built } = await start(folder, { storagePath: storage });
    await built;
    const cacheFile = await saved();
    await client.stop();

    // Mark what is reused: the saved records of a.imr and c.txt say Overturned, which the files do not.
    const letters = decodeIndex(readFileSync(cacheFile, 'utf8'), readerKey(DEFAULT_CATALOG))!;
    assert.ok(letters.size >= 10);
    for (const f of ['a.imr', 'c.txt']) {
      const key = pathToFileURL(join(folder, f)).href;
      const letter = letters.get(key)!;
      letters.set(key, { ...letter, items: letter.items.map((r) => ({ ...r, decision: 'Overturned' })) });
    }
    writeFileSync(cacheFile, encodeIndex(letters, readerKey(DEFAULT_CATALOG)));
    utimesSync(join(folder, 'c.txt'), new Date(), new Date(Date.now() + 5000)); // touched, the same bytes
    writeFileSync(join(folder, 'b.imr'), braceLetter('Upheld') + '\n'); // changed
    assert.deepEqual(await run(), { items: 3, upheld: 1, overturned: 2 });

    writeFileSync(cacheFile, '{"version":1,"strings":["a"],"letters":[["x"'); // damaged: ignored, every letter read
    assert.deepEqual(await run(), { items: 3, upheld: 3, overturned: 0 });
  });

  test('a build the user cancels stops, and the hover says the counts are not final', async () => {
    const folder = workspace();
    for (let i = 0; i < 3000; i++) writeFileSync(join(folder, `copy-${i}.imr`), braceLetter('Upheld'));
    const { client, built } = await start(folder);
    try {
      // Cancelled as soon as the server makes its progress.
      client.rpc.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
        setImmediate(() => void client.rpc.sendNotification('window/workDoneProgress/cancel', { token: p.token }));
        return null;
      });
      await built;
      const uri = pathToFileURL(join(folder, 'open.imr')).href;
      await client.open(uri, VALID_LETTER);
      const hover = await hoverText(client, uri);
      assert.match(hover, /still being built: \d+ of 3\d{3} letters/);
      const similar = Number(/Similar requests in this workspace: (\d+)/.exec(hover)?.[1]);
      assert.ok(similar < 3003, hover);
    } finally {
      await client.stop();
    }
  });

  test('in an untrusted workspace no PDF is read in the background; trusted, it counts', async () => {
    const folder = workspace();
    writeFileSync(join(folder, 'scan.pdf'), letterPdf(braceLetter('Overturned')));
    const overturned = async (workspaceTrusted: boolean) => {
      const { client, built } = await start(folder, { workspaceTrusted });
      try {
        await built;
        const uri = pathToFileURL(join(folder, 'open.imr')).href;
        await client.open(uri, VALID_LETTER);
        return counts(await hoverText(client, uri)).similar.overturned;
      } finally {
        await client.stop();
      }
    };
    assert.equal(await overturned(false), 1); // b.imr only
    assert.equal(await overturned(true), 2); // and the PDF
  });
});
