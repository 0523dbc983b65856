/**
 * Issue #25 through the protocol, as an editor sees it: the outline's depth follows the setting,
 * the Decision Date has a hover, and no inline hint lands in the header.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SERVER, TestClient } from './client';
import { VALID_LETTER, lineOf } from '../fixtures/letters';

describe(
  'first hour, over the protocol',
  { skip: existsSync(SERVER) ? false : `no bundle at ${SERVER}: run node esbuild.mjs` },
  () => {
    let client: TestClient;
    const uri = 'file:///letters/first-hour.imr';
    const configure = async (settings: unknown) => {
      client.settings = settings;
      await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    };
    const outline = () =>
      client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const items = (symbols: DocumentSymbol[]) => symbols.find((s) => s.name.startsWith('IMR issues'))!.children!;

    before(async () => {
      client = new TestClient();
      await client.initialize();
      await client.open(uri, VALID_LETTER);
    });
    after(async () => {
      assert.equal(await client.stop(), 0);
    });

    test('imrLetter.outline.depth: items by default, then fields, then all (citations under the guideline fields)', async () => {
      const byDefault = await outline();
      assert.deepEqual(
        items(byDefault).map((s) => [s.name, s.children]),
        [
          ['Upheld · Hinged knee brace, left', undefined],
          ['Overturned · Tramadol ER 100mg #30 day supply: 30 with two refills', undefined],
        ],
      );
      assert.equal(byDefault[0].children, undefined, 'the header without its fields');
      try {
        await configure({ rules: {}, outline: { depth: 'fields' } });
        const fields = await outline();
        assert.deepEqual(
          items(fields)[0].children!.map((s) => [s.name, s.children]),
          [
            ['Claims Administrator guideline', undefined],
            ['MAXIMUS guideline', undefined],
            ['Decision rationale', undefined],
          ],
        );
        assert.ok(fields[0].children!.some((s) => s.name === 'Decision Date'));
        await configure({ rules: {}, outline: { depth: 'all' } });
        assert.ok(items(await outline())[0].children![0].children!.length > 0, 'the guideline cited');
      } finally {
        await configure({ rules: {} });
      }
    });

    test('the Decision Date hovers with the last day to appeal; no inline hint sits on a header line', async () => {
      const line = lineOf(VALID_LETTER, 'Decision Date:');
      const h = await client.rpc.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: VALID_LETTER.split('\n')[line].indexOf('12/09/2016') + 2 },
      });
      assert.match(h.contents.value, /Last day to appeal: 01\/08\/2017/);
      const hints = await client.rpc.sendRequest<{ position: { line: number } }[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
      });
      assert.ok(hints.length > 0);
      assert.ok(
        hints.every((h) => h.position.line > lineOf(VALID_LETTER, 'Received:')),
        JSON.stringify(hints.map((h) => h.position)),
      );
    });
  },
);
