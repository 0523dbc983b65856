import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, DocumentSymbol, TextEdit, WorkspaceSymbol } from 'vscode-languageserver-types';
import { VALID_LETTER } from '../fixtures/letters';
import { TestClient } from './client';

const INVALID_PARAMS = -32602;

describe('hostile protocol messages (spawned bundled server)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => {
    await client.stop();
  });

  test('a request with missing or malformed parameters is answered InvalidParams, saying what is wrong', async () => {
    const uri = 'file:///params.imr';
    await client.open(uri, VALID_LETTER);
    const cases: [string, unknown, RegExp][] = [
      ['textDocument/hover', {}, /textDocument\.uri/],
      ['textDocument/hover', { textDocument: { uri } }, /position/],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } }, /position/],
      [
        'textDocument/completion',
        { textDocument: { uri: 42 }, position: { line: 0, character: 0 } },
        /textDocument\.uri/,
      ],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }, /range/],
      ['textDocument/documentSymbol', { textDocument: null }, /textDocument\.uri/],
      ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0 } } }, /range/],
      ['imr/cleanText', {}, /uri/],
      ['imr/exportAnnotations', { format: 'markdown' }, /uri/],
    ];
    for (const [method, params, message] of cases) {
      await assert.rejects(
        client.rpc.sendRequest(method, params),
        (e: { code?: number; message?: string }) => e.code === INVALID_PARAMS && message.test(e.message ?? ''),
        `${method} ${JSON.stringify(params)}`,
      );
    }
    // Still answering, and a code action request with no diagnostics list is not an error.
    assert.ok(
      (await client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }))
        .length > 0,
    );
    assert.deepEqual(
      await client.rpc.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: {},
      }),
      [],
    );
  });

  test('a didOpen with text null, and a change with no text, leave the document usable and workspace symbols working', async () => {
    const uri = 'file:///null-text.imr';
    await client.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr-letter', version: 1, text: null },
    });
    assert.deepEqual(await client.rpc.sendRequest('textDocument/foldingRange', { textDocument: { uri } }), []);
    await client.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { text: null },
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: VALID_LETTER },
      ],
    });
    const symbols = await client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.ok(symbols.length > 2, `the well-formed change was applied: ${JSON.stringify(symbols.map((s) => s.name))}`);
    const found = await client.rpc.sendRequest<WorkspaceSymbol[]>('workspace/symbol', { query: 'knee' });
    assert.ok(
      found.some((s) => s.location.uri === uri),
      'workspace symbols still answer',
    );
    await client.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('a position past the end of the document is taken as its end: completion never edits outside the text', async () => {
    const uri = 'file:///far.imr';
    await client.open(uri, VALID_LETTER);
    const lines = VALID_LETTER.split('\n').length;
    const items = await client.rpc.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1e9, character: 1e9 },
    });
    const edits = items
      .map((i) => i.textEdit as TextEdit | undefined)
      .filter((e): e is TextEdit => e !== undefined && 'range' in e);
    for (const e of edits) assert.ok(e.range.end.line < lines, `an edit at line ${e.range.end.line} of ${lines}`);
  });
});

describe('a client with no window capabilities', () => {
  test('a message the server would show (the outline was cut) does not take the server down', async () => {
    const client = new TestClient({ window: false });
    try {
      client.settings = { rules: {}, outline: { maxSymbols: 3 } };
      await client.initialize();
      const uri = 'file:///cut.imr';
      await client.open(uri, VALID_LETTER);
      const symbols = await client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri },
      });
      assert.ok(symbols.length > 0 && symbols.length <= 3);
      // A rejected showMessageRequest ended the server at its next turn: it must answer after it.
      for (let i = 0; i < 3; i++)
        assert.ok(
          (await client.rpc.sendRequest<DocumentSymbol[]>('textDocument/foldingRange', { textDocument: { uri } }))
            .length > 0,
          'still answering',
        );
      assert.ok(
        client.messages.some((m) => /outline of cut\.imr/.test(m)),
        'the message went out as a notification',
      );
    } finally {
      assert.equal(await client.stop(), 0, 'the server exits cleanly, not with an error');
    }
  });
});
