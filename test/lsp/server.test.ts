import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { CodeAction, DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { SERVER, TestClient } from './client';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';

describe(
  'language server over stdio',
  { skip: existsSync(SERVER) ? false : `no bundle at ${SERVER}: run node esbuild.mjs` },
  () => {
    let client: TestClient;
    let rpc: MessageConnection;
    const nextDiagnostics = (uri: string, version?: number) => client.nextDiagnostics(uri, version);
    const setSettings = (s: unknown) => (client.settings = s);

    before(async () => {
      client = new TestClient();
      rpc = client.rpc;
      const init = await client.initialize();
      assert.equal(init.capabilities.textDocumentSync, 2, 'incremental sync');
    });

    after(async () => {
      assert.equal(await client.stop(), 0);
    });

    const open = (uri: string, text: string) => client.open(uri, text);

    test('a correct letter: outline with items and decisions, folding, no diagnostics', async () => {
      const uri = 'file:///letters/valid.imr';
      assert.deepEqual(await open(uri, VALID_LETTER), []);
      const symbols = await rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(
        symbols.map((s) => s.name),
        [
          'Header',
          'How the IMR final determination was made',
          'Clinical case summary',
          'IMR issues, decisions and rationales',
        ],
      );
      const issues = symbols[3];
      assert.deepEqual(
        issues.children!.map((s) => [s.name, s.detail]),
        [
          ['Upheld · Hinged knee brace, left', ''],
          ['Overturned · Tramadol ER 100mg #30 day supply: 30 with two refills', ''],
        ],
      );
      assert.equal(issues.children![0].children, undefined, 'by default the outline stops at the items');
      assert.equal(
        issues.children![0].selectionRange.start.line,
        lineOf(VALID_LETTER, 'Hinged knee brace, left: Upheld'),
      );
      const knee = lineOf(VALID_LETTER, 'Claims Administrator guideline: Decision based on MTUS Knee');
      const h = await rpc.sendRequest<{ contents: { kind: string; value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line: knee, character: 60 },
      });
      assert.equal(h.contents.kind, 'markdown');
      assert.match(h.contents.value.replace(/\\(.)/g, '$1'), /ACOEM Ch. 13 Knee Complaints/);
      const links = await rpc.sendRequest<{ range: { start: { line: number } }; target: string }[]>(
        'textDocument/documentLink',
        { textDocument: { uri } },
      );
      assert.ok(
        links.some((l) => l.range.start.line === knee && l.target === 'https://www.dir.ca.gov/t8/9792_23_6.html'),
      );
      const folds = await rpc.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.ok(
        folds.some(
          (f) =>
            f.startLine === lineOf(VALID_LETTER, 'IMR ISSUES') &&
            f.endLine === lineOf(VALID_LETTER, 'Tramadol ER 100mg #30 is'),
        ),
      );
      await rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });

    test('inline help, the decisions lens and summary, and reflow: by command always, by Format Document only when the settings say so', async () => {
      const uri = 'file:///letters/help.imr';
      await open(uri, VALID_LETTER);
      const hints = await rpc.sendRequest<{ label: string }[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
      });
      assert.deepEqual(
        hints.map((h) => h.label),
        ['UR denial stands', 'treatment to be authorized'],
      );
      const lenses = await rpc.sendRequest<{ command: { title: string } }[]>('textDocument/codeLens', {
        textDocument: { uri },
      });
      assert.deepEqual(
        lenses.map((l) => l.command.title),
        ['2 items: 1 upheld, 1 overturned · appeal by 01/08/2017'],
      );
      assert.equal(
        (await rpc.sendRequest<{ text: string }>('imr/summary', { uri })).text,
        '2 items: 1 upheld, 1 overturned',
      );

      const undecided = 'file:///letters/undecided.imr';
      const undecidedText = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left: ');
      await open(undecided, undecidedText);
      const line = lineOf(undecidedText, 'Hinged knee brace, left:');
      const offered = await rpc.sendRequest<{ label: string }[]>('textDocument/completion', {
        textDocument: { uri: undecided },
        position: { line, character: 'Hinged knee brace, left: '.length },
      });
      assert.deepEqual(
        offered.map((c) => c.label),
        ['Upheld', 'Overturned'],
      );

      const wrapped = 'file:///letters/wrapped.imr';
      const text = readFileSync(join(__dirname, '..', '..', 'samples', 'double-spaced-no-header.imr.txt'), 'utf8');
      await open(wrapped, text);
      const format = () =>
        rpc.sendRequest<unknown[] | null>('textDocument/formatting', {
          textDocument: { uri: wrapped },
          options: { tabSize: 2, insertSpaces: true },
        });
      assert.equal(await format(), null, 'Format Document leaves a letter alone by default');
      const reflowed = await rpc.sendRequest<{ version: number; edits: unknown[] }>('imr/reflow', { uri: wrapped });
      assert.equal(reflowed.version, 1);
      assert.ok(reflowed.edits.length > 5);
      setSettings({ rules: {}, format: { reflow: true }, inlayHints: { enabled: false } });
      await rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual(await format(), reflowed.edits);
      assert.equal(
        await rpc.sendRequest('textDocument/inlayHint', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
        }),
        null,
      );
      setSettings({ rules: {} });
      await rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      for (const u of [uri, wrapped, undecided])
        await rpc.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
    });

    test('a broken letter: diagnostics with rule ids, updated by incremental edits and settings; quick fixes', async () => {
      const uri = 'file:///letters/broken.imr';
      const text = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left: Uphled');
      const line = lineOf(text, 'Uphled');
      const diagnostics = await open(uri, text);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.source, d.severity, d.range.start.line]),
        [['item.invalid-decision', 'imr', 1, line]],
      );
      assert.match(diagnostics[0].codeDescription!.href, /^file:\/\/.*\/docs\/rules\.md#iteminvalid-decision$/);

      const actions = await rpc.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics },
      });
      const quickfixes = actions.filter((a) => a.kind === 'quickfix').map((a) => a.title);
      assert.deepEqual(quickfixes, [
        'Change decision to Upheld',
        'Disable item.invalid-decision for this line',
        'Annotate this finding',
      ]);
      assert.ok(actions.some((a) => a.kind === 'refactor.annotate' && a.title === 'Annotate selection: appeal-fact'));
      assert.deepEqual(actions[0].edit!.changes![uri], [{ range: diagnostics[0].range, newText: 'Upheld' }]);
      const end = { line, character: text.split('\n')[line].length };
      assert.deepEqual(actions[1].edit!.changes![uri], [
        { range: { start: end, end }, newText: '{>>imr-disable-line item.invalid-decision<<}' },
      ]);
      // Fix on save: the source action applies the safe fixes; a request for other kinds gets none.
      const onSave = await rpc.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepEqual(
        onSave.map((a) => [a.kind, a.edit!.changes![uri].map((e) => e.newText)]),
        [['source.fixAll.imr', ['Upheld']]],
      );
      assert.deepEqual(
        await rpc.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostics[0].range,
          context: { diagnostics, only: ['refactor.extract'] },
        }),
        [],
      );

      // Settings: the rule turned down to a hint, then off.
      setSettings({ rules: { 'item.invalid-decision': 'hint' } });
      let next = nextDiagnostics(uri);
      await rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual(
        (await next).map((d) => d.severity),
        [4],
      );
      setSettings({ rules: { 'item.invalid-decision': 'off' } });
      next = nextDiagnostics(uri);
      await rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual(await next, []);
      setSettings({ rules: {} });

      // An incremental edit that applies the fix clears the finding; one that deletes a field adds one.
      next = nextDiagnostics(uri, 2);
      await rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await rpc.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: diagnostics[0].range, text: 'Upheld' }],
      });
      assert.deepEqual(await next, []);
      const mx = lineOf(text, 'MAXIMUS guideline: Decision based on MTUS Knee');
      next = nextDiagnostics(uri, 3);
      await rpc.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 3 },
        contentChanges: [
          { range: { start: { line: mx, character: 0 }, end: { line: mx + 2, character: 0 } }, text: '' },
        ],
      });
      const after = await next;
      assert.deepEqual(
        after.map((d) => [d.code, d.range.start.line]),
        [['item.missing-field', line]],
      );
      assert.match(after[0].message as string, /missing MAXIMUS guideline/);

      const cleared = nextDiagnostics(uri);
      await rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
      assert.deepEqual(await cleared, []);
    });

    test('requests for unknown documents get an empty answer, not a crash', async () => {
      assert.equal(
        await rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.imr' } }),
        null,
      );
      assert.deepEqual(
        await rpc.sendRequest('textDocument/codeAction', {
          textDocument: { uri: 'file:///nowhere.imr' },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [] },
        }),
        [],
      );
    });
  },
);

describe('a workspace guideline catalog', { skip: existsSync(SERVER) ? false : 'no bundled server' }, () => {
  test('entries from the file the settings name reach hovers; an unreadable file is reported, not fatal', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'imr-ws-'));
    writeFileSync(
      join(folder, 'our-guidelines.json'),
      JSON.stringify({
        entries: [
          {
            id: 'mtus-acoem2-ch13',
            links: [{ label: 'Our copy of chapter 13', url: 'https://library.example.org/acoem/13' }],
          },
        ],
      }),
    );
    const client = new TestClient();
    after(() => client.stop().catch(() => undefined));
    client.settings = { rules: {}, guidelines: { catalogFile: 'our-guidelines.json' } };
    await client.initialize(pathToFileURL(folder).href);
    const uri = pathToFileURL(join(folder, 'letter.imr')).href;
    await client.open(uri, VALID_LETTER);
    const knee = lineOf(VALID_LETTER, 'Claims Administrator guideline: Decision based on MTUS Knee');
    const h = await client.rpc.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: knee, character: 60 },
    });
    assert.match(h.contents.value, /\]\(https:\/\/library\.example\.org\/acoem\/13\)/);

    // Workspace symbols reach letters that are not open, annotations included.
    writeFileSync(
      join(folder, 'other.imr'),
      VALID_LETTER.replace('No instability is', 'No {==instability==}{>>appeal-fact: laxity on exam<<} is').replace(
        'CM16-0123456',
        'CM16-0999999',
      ),
    );
    type Found = { name: string; location: { uri: string } }[];
    const found = await client.rpc.sendRequest<Found>('workspace/symbol', { query: 'appeal-fact' });
    assert.deepEqual(
      found.map((s) => [s.name, s.location.uri.replace(/^.*\//, '')]),
      [['appeal-fact: laxity on exam', 'other.imr']],
    );
    const cases = await client.rpc.sendRequest<Found>('workspace/symbol', { query: 'CM16-0' });
    assert.deepEqual(cases.map((s) => s.name).sort(), ['CM16-0123456', 'CM16-0999999']);

    // "Check all letters": the closed ones get their findings pushed.
    writeFileSync(join(folder, 'broken.imr'), edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
    // A letter file that came out of its extraction empty is named; a .txt of notes is not a letter.
    writeFileSync(join(folder, 'empty.imr'), '');
    writeFileSync(join(folder, 'notes.txt'), 'Call the adjuster on Monday.\nAsk about the MRI.\n');
    const check = await client.rpc.sendRequest<{ checked: number; total: number; withErrors: number }>(
      'imr/checkWorkspace',
      {},
    );
    assert.deepEqual(check, { checked: 4, total: 4, withErrors: 1 }); // the four files (the open letter is only in the editor)
    const published = (name: string) =>
      client.lastPublished.get(pathToFileURL(join(folder, name)).href)?.map((d) => d.code);
    assert.deepEqual(published('broken.imr'), ['item.invalid-decision']);
    assert.deepEqual(published('empty.imr'), ['letter.empty']);
    assert.equal(published('notes.txt'), undefined);

    client.settings = { rules: {}, guidelines: { catalogFile: 'missing.json' } };
    const again = client.nextDiagnostics(uri);
    await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(await again, []);
    assert.ok(
      client.messages.some((m) => /cannot read the guideline catalog missing\.json/.test(m)),
      client.messages.join('\n'),
    );
  });
});

describe('pull diagnostics (LSP 3.17)', { skip: existsSync(SERVER) ? false : 'no bundled server' }, () => {
  test('a client that pulls gets diagnostics on request, for the current text, a refresh on settings change, and no pushes', async () => {
    const client = new TestClient();
    after(() => client.stop().catch(() => undefined));
    const init = await client.initialize(undefined, true);
    assert.ok(init.capabilities.diagnosticProvider);
    const uri = 'file:///letters/pulled.imr';
    const text = edit(VALID_LETTER, 'Hinged knee brace, left: Upheld', 'Hinged knee brace, left: Uphled');
    await client.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr-letter', version: 1, text },
    });
    type Report = { kind: string; resultId?: string; items: { code: string }[] };
    const pull = (previousResultId?: string) =>
      client.rpc.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    const first = await pull();
    assert.deepEqual([first.kind, first.items.map((d) => d.code)], ['full', ['item.invalid-decision']]);
    // The same findings again: "unchanged" to a client that names the last result, in full to one that does not.
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    assert.deepEqual((await pull()).items, first.items);
    // An edit that moves no finding (a word of a rationale typed over) leaves them unchanged too.
    const rationale = lineOf(text, 'documented. Therefore');
    await client.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: rationale, character: 0 }, end: { line: rationale, character: 3 } }, text: 'Doc' },
      ],
    });
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // After an edit that changes them, the next pull answers for the edited text, with a new result id.
    const line = lineOf(text, 'Uphled');
    await client.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line, character: 25 }, end: { line, character: 31 } }, text: 'Upheld' }],
    });
    const second = await pull(first.resultId);
    assert.deepEqual([second.kind, second.items], ['full', []]);
    assert.notEqual(second.resultId, first.resultId);
    const refreshed = client.nextRefresh();
    await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await refreshed;
    assert.deepEqual(client.published, []);
  });
});
