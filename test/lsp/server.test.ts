import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';

interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';

// The bundled server, as editors run it (`npm test` builds it first).
const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

describe('language server over stdio', { skip: existsSync(SERVER) ? false : `no bundle at ${SERVER}: run node esbuild.mjs` }, () => {
  let server: ChildProcess;
  let rpc: MessageConnection;
  let settings: unknown = { rules: {} };
  const published = new Map<string, ((p: PublishDiagnosticsParams) => void)[]>();

  /** Resolves with the next diagnostics the server publishes for uri (at the given version, if one is given). */
  const nextDiagnostics = (uri: string, version?: number) =>
    new Promise<Diagnostic[]>((resolve) => {
      const waiter = (p: PublishDiagnosticsParams) => {
        if (version !== undefined && p.version !== version) published.get(uri)!.push(waiter);
        else resolve(p.diagnostics);
      };
      published.set(uri, [...(published.get(uri) ?? []), waiter]);
    });

  before(async () => {
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    rpc = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const waiters = published.get(p.uri) ?? [];
      published.set(p.uri, []);
      waiters.forEach((w) => w(p));
    });
    rpc.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => settings));
    rpc.onRequest('client/registerCapability', () => null);
    rpc.listen();
    const init = await rpc.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          foldingRange: { lineFoldingOnly: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    assert.equal(init.capabilities.textDocumentSync, 2, 'incremental sync');
    await rpc.sendNotification('initialized', {});
  });

  after(async () => {
    await rpc.sendRequest('shutdown');
    await rpc.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
    rpc.dispose();
    assert.equal(code, 0);
  });

  const open = async (uri: string, text: string) => {
    const diagnostics = nextDiagnostics(uri);
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'imr-letter', version: 1, text } });
    return diagnostics;
  };

  test('a correct letter: outline with items and decisions, folding, no diagnostics', async () => {
    const uri = 'file:///letters/valid.imr';
    assert.deepEqual(await open(uri, VALID_LETTER), []);
    const symbols = await rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['Header', 'How the IMR final determination was made', 'Clinical case summary', 'IMR issues, decisions and rationales']);
    const issues = symbols[3];
    assert.deepEqual(issues.children!.map((s) => [s.name, s.detail]), [
      ['Hinged knee brace, left', 'Upheld'],
      ['Tramadol ER 100mg #30 day supply: 30 with two refills', 'Overturned'],
    ]);
    assert.deepEqual(issues.children![0].children!.map((s) => s.name), ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale']);
    assert.equal(issues.children![0].selectionRange.start.line, lineOf(VALID_LETTER, 'Hinged knee brace, left: Upheld'));
    const knee = lineOf(VALID_LETTER, 'Claims Administrator guideline: Decision based on MTUS Knee');
    const h = await rpc.sendRequest<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: knee, character: 60 } });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value.replace(/\\(.)/g, '$1'), /ACOEM Ch. 13 Knee Complaints/);
    const links = await rpc.sendRequest<{ range: { start: { line: number } }; target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.ok(links.some((l) => l.range.start.line === knee && l.target === 'https://www.dir.ca.gov/t8/9792_23_6.html'));
    const folds = await rpc.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === lineOf(VALID_LETTER, 'IMR ISSUES') && f.endLine === lineOf(VALID_LETTER, 'Tramadol ER 100mg #30 is')));
    await rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test('a broken letter: diagnostics with rule ids, updated by incremental edits and settings; quick fixes', async () => {
    const uri = 'file:///letters/broken.imr';
    const text = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left: Uphled');
    const line = lineOf(text, 'Uphled');
    const diagnostics = await open(uri, text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.source, d.severity, d.range.start.line]), [['item.invalid-decision', 'imr', 1, line]]);

    const actions = await rpc.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepEqual(actions.map((a) => a.title), ['Change decision to Upheld']);
    assert.deepEqual(actions[0].edit!.changes![uri], [{ range: diagnostics[0].range, newText: 'Upheld' }]);

    // Settings: the rule turned down to a hint, then off.
    settings = { rules: { 'item.invalid-decision': 'hint' } };
    let next = nextDiagnostics(uri);
    await rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual((await next).map((d) => d.severity), [4]);
    settings = { rules: { 'item.invalid-decision': 'off' } };
    next = nextDiagnostics(uri);
    await rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(await next, []);
    settings = { rules: {} };

    // An incremental edit that applies the fix clears the finding; one that deletes a field adds one.
    next = nextDiagnostics(uri, 2);
    await rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: diagnostics[0].range, text: 'Upheld' }] });
    assert.deepEqual(await next, []);
    const mx = lineOf(text, 'MAXIMUS guideline: Decision based on MTUS Knee');
    next = nextDiagnostics(uri, 3);
    await rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: mx, character: 0 }, end: { line: mx + 2, character: 0 } }, text: '' }] });
    const after = await next;
    assert.deepEqual(after.map((d) => [d.code, d.range.start.line]), [['item.missing-field', line]]);
    assert.match(after[0].message as string, /missing MAXIMUS guideline/);

    const cleared = nextDiagnostics(uri);
    await rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await cleared, []);
  });

  test('requests for unknown documents get an empty answer, not a crash', async () => {
    assert.equal(await rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.imr' } }), null);
    assert.deepEqual(await rpc.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere.imr' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
  });
});
