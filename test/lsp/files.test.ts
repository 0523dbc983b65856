import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';
import { TestClient } from './client';

const OURS = JSON.stringify({
  entries: [
    {
      id: 'mtus-acoem2-ch13',
      links: [{ label: 'Our copy of chapter 13', url: 'https://library.example.org/acoem/13' }],
    },
  ],
});

/** A workspace folder with a letter and, one level up, a catalog file outside it. */
function workspace(): { folder: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'imr-files-'));
  const folder = join(root, 'letters');
  mkdirSync(folder);
  mkdirSync(join(root, 'outside'));
  const outside = join(root, 'outside', 'x.json');
  writeFileSync(outside, OURS);
  writeFileSync(join(folder, 'ours.json'), OURS);
  return { folder, outside };
}

async function hoverLinks(client: TestClient, folder: string): Promise<string> {
  const uri = pathToFileURL(join(folder, 'letter.imr')).href;
  await client.open(uri, VALID_LETTER);
  const knee = lineOf(VALID_LETTER, 'Claims Administrator guideline: Decision based on MTUS Knee');
  const h = await client.rpc.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
    textDocument: { uri },
    position: { line: knee, character: 60 },
  });
  return h.contents.value;
}

describe('files the server reads', () => {
  test('the guideline catalog file must be inside the workspace folder: a path out of it, absolute or through a link, is refused with a message', async () => {
    const { folder, outside } = workspace();
    symlinkSync(outside, join(folder, 'link.json'));
    for (const catalogFile of ['../outside/x.json', outside, 'link.json']) {
      const client = new TestClient();
      try {
        client.settings = { rules: {}, guidelines: { catalogFile } };
        await client.initialize(pathToFileURL(folder).href);
        assert.doesNotMatch(await hoverLinks(client, folder), /library\.example\.org/, catalogFile);
        assert.ok(
          client.messages.some((m) => /outside the workspace folder/.test(m)),
          `${catalogFile}: ${client.messages.join('\n')}`,
        );
      } finally {
        await client.stop();
      }
    }
  });

  test('in a workspace the user does not trust, no catalog file is read; in a trusted one (or an editor that says nothing of trust) it is', async () => {
    const { folder } = workspace();
    for (const [options, read] of [
      [{ workspaceTrusted: false }, false],
      [{ workspaceTrusted: true }, true],
      [undefined, true],
    ] as const) {
      const client = new TestClient();
      try {
        client.settings = { rules: {}, guidelines: { catalogFile: 'ours.json' } };
        await client.initialize(pathToFileURL(folder).href, false, false, options);
        const links = await hoverLinks(client, folder);
        assert.equal(/library\.example\.org/.test(links), read, JSON.stringify(options));
        assert.equal(
          client.messages.some((m) => /not read in an untrusted workspace/.test(m)),
          !read,
        );
      } finally {
        await client.stop();
      }
    }
  });

  test('Check All Letters and workspace symbols skip a FIFO and a link to /dev/zero named like letters, and finish', async () => {
    const { folder } = workspace();
    writeFileSync(join(folder, 'broken.imr'), edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
    symlinkSync('/dev/zero', join(folder, 'zero.txt'));
    execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
    symlinkSync(join(folder, 'broken.imr'), join(folder, 'linked.imr'));
    const client = new TestClient();
    after(() => client.stop().catch(() => undefined));
    await client.initialize(pathToFileURL(folder).href);
    const check = await client.rpc.sendRequest<{ checked: number; total: number; withErrors: number }>(
      'imr/checkWorkspace',
      {},
    );
    assert.deepEqual(
      check,
      { checked: 2, total: 2, withErrors: 2 },
      'the letter and the link to it; not the pipe or the device',
    );
    const found = await client.rpc.sendRequest<{ name: string }[]>('workspace/symbol', { query: 'CM16' });
    assert.equal(found.length, 2);
  });
});
