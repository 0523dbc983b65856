import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, Range } from 'vscode-languageserver-types';
import { diagnostics } from '../../server/src/features/diagnostics';
import { documentSymbols } from '../../server/src/features/symbols';
import { DEFAULT_OUTLINE_DEPTH, outlineToDepth } from '../../server/src/features/outline-depth';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';
import { TestClient } from './client';

/** The outline a client with no outline settings gets. */
const defaultOutline = (symbols: DocumentSymbol[]) => outlineToDepth(symbols, DEFAULT_OUTLINE_DEPTH);

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

/** Resident memory of a process in MiB (Linux), or undefined elsewhere. */
function rssMiB(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const ORIGIN = { line: 0, character: 0 };

describe('protocol robustness (spawned bundled server)', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize(undefined, false, true);
  });
  after(async () => {
    await client.stop();
  });

  test("2,000 random incremental edits: the server's text equals the client's, and its outline a fresh read's, after each batch", async () => {
    const uri = 'file:///edits.imr';
    // No "{" in what is typed, so the server's clean text is its whole text.
    const pieces = ['a', ' ', '\n', '\r\n', ': Upheld', 'Decision rationale: ', 'é', '漢', '😀', '\t', 'MTUS '];
    let doc = TextDocument.create(uri, 'imr-letter', 1, VALID_LETTER);
    await client.open(uri, VALID_LETTER);
    const next = random(20261124);
    for (let batch = 0; batch < 40; batch++) {
      for (let n = 0; n < 50; n++) {
        const text = doc.getText();
        let from = Math.floor(next() * (text.length + 1));
        let to = Math.min(text.length, from + Math.floor(next() * 40));
        // Never split a surrogate pair or a CRLF: editors do not either.
        while (from > 0 && /[\udc00-\udfff\n]/.test(text[from]) && /[\ud800-\udbff\r]/.test(text[from - 1])) from--;
        while (to < text.length && /[\udc00-\udfff\n]/.test(text[to]) && /[\ud800-\udbff\r]/.test(text[to - 1])) to++;
        const change: TextDocumentContentChangeEvent = {
          range: { start: doc.positionAt(from), end: doc.positionAt(to) },
          text: pieces[Math.floor(next() * pieces.length)].repeat(1 + Math.floor(next() * 3)),
        };
        doc = TextDocument.update(doc, [change], doc.version + 1);
        await client.rpc.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: doc.version },
          contentChanges: [change],
        });
        // Read every few edits, so the server re-reads each version from the one just before.
        if (n % 5 === 4) await client.rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      }
      assert.equal(
        await client.rpc.sendRequest<string>('imr/cleanText', { uri }),
        doc.getText(),
        `after batch ${batch}`,
      );
      const symbols = await client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
        textDocument: { uri },
      });
      assert.deepEqual(
        symbols,
        JSON.parse(JSON.stringify(defaultOutline(documentSymbols(parseLetter(doc.getText()))))),
        `outline after batch ${batch}`,
      );
    }
    await client.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  test("typing in the fields of a letter: after each edit the server's outline and diagnostics equal a fresh read's", async () => {
    // The server re-reads only the fields an edit changed (field-memo.ts); this types where the
    // fields are, as a reader would, and checks every version against a read from scratch.
    const puller = new TestClient();
    await puller.initialize(undefined, true);
    const uri = 'file:///typing.imr';
    let doc = TextDocument.create(uri, 'imr-letter', 1, VALID_LETTER);
    await puller.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr-letter', version: 1, text: VALID_LETTER },
    }); // pulled: nothing is pushed to wait for
    const next = random(1124);
    const near = [
      'guideline: Decision based on',
      'Decision rationale:',
      'Section(s):',
      'medically necessary',
      'Decision Date:',
    ];
    const typed = ['x', '1', ' ', '2009', 'MTUS ', ', page 12', 'not ', '\n'];
    const findings = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.message, d.range]);
    try {
      for (let n = 0; n < 300; n++) {
        const text = doc.getText();
        const anchor = near[Math.floor(next() * near.length)];
        const places: number[] = [];
        for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1)) places.push(i);
        const at = Math.min(
          text.length,
          places.length > 0
            ? places[Math.floor(next() * places.length)] + Math.floor(next() * 80)
            : Math.floor(next() * text.length),
        );
        const piece = typed[Math.floor(next() * typed.length)];
        const to = Math.min(text.length, at + (next() < 0.5 ? piece.length : Math.floor(next() * 3))); // typed over, or typed in
        const change: TextDocumentContentChangeEvent = {
          range: { start: doc.positionAt(at), end: doc.positionAt(to) },
          text: piece,
        };
        doc = TextDocument.update(doc, [change], doc.version + 1);
        await puller.rpc.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: doc.version },
          contentChanges: [change],
        });
        const fresh = parseLetter(doc.getText());
        const symbols = await puller.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
          textDocument: { uri },
        });
        assert.deepEqual(
          symbols,
          JSON.parse(JSON.stringify(defaultOutline(documentSymbols(fresh)))),
          `outline after edit ${n}`,
        );
        const pulled = await puller.rpc.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', {
          textDocument: { uri },
        });
        assert.deepEqual(
          findings(pulled.items),
          JSON.parse(JSON.stringify(findings(diagnostics(fresh, { rules: {} })))),
          `diagnostics after edit ${n}`,
        );
      }
    } finally {
      await puller.stop();
    }
  });

  test('line breaks typed one after another: each pull with the last result id gets the findings where they now are, never "unchanged"', async () => {
    // What a line break moves is taken back moved (moved-lines.ts): the last report must keep the
    // positions it gave, and a pull must see the new ones. The letter's only finding
    // is a letter rule's on an item line (the knee brace decided twice), and the line breaks go in
    // between the two (before the item after the first), so the message (which names the first)
    // stays the same.
    const knee = VALID_LETTER.slice(
      VALID_LETTER.indexOf('Hinged knee brace, left: Upheld'),
      VALID_LETTER.indexOf('Tramadol ER'),
    );
    const twice = VALID_LETTER + '\n' + knee;
    const puller = new TestClient();
    await puller.initialize(undefined, true);
    const uri = 'file:///line-breaks.imr';
    await puller.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr-letter', version: 1, text: twice },
    });
    const pull = (previousResultId?: string) =>
      puller.rpc.sendRequest<{ kind: string; resultId?: string; items?: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri },
        previousResultId,
      });
    try {
      let report = await pull();
      const line = twice
        .split('\n')
        .indexOf('Hinged knee brace, left: Upheld', 10 + twice.split('\n').indexOf('Hinged knee brace, left: Upheld'));
      assert.deepEqual(
        report.items?.map((d) => [d.code, d.range.start.line]),
        [['item.duplicate', line]],
      );
      const tramadol = { line: lineOf(twice, 'Tramadol ER'), character: 0 }; // after the first knee brace item
      for (let breaks = 1; breaks <= 4; breaks++) {
        await puller.rpc.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 1 + breaks },
          contentChanges: [{ range: { start: tramadol, end: tramadol }, text: '\n' }],
        });
        report = await pull(report.resultId);
        assert.equal(report.kind, 'full', `after line break ${breaks}`);
        assert.deepEqual(
          report.items?.map((d) => [d.code, d.range.start.line]),
          [['item.duplicate', line + breaks]],
          `after line break ${breaks}`,
        );
      }
      // And with nothing changed since, "unchanged" it is.
      assert.equal((await pull(report.resultId)).kind, 'unchanged');
    } finally {
      await puller.stop();
    }
  });

  test('positions outside the document, unknown documents and odd parameters get an answer, and the server keeps running', async () => {
    const uri = 'file:///positions.imr';
    await client.open(uri, VALID_LETTER);
    const far = { line: 99_999, character: 99_999 };
    const range: Range = { start: far, end: far };
    for (const textDocument of [{ uri }, { uri: 'file:///never-opened.imr' }]) {
      await client.rpc.sendRequest('textDocument/hover', { textDocument, position: far });
      await client.rpc.sendRequest('textDocument/completion', { textDocument, position: far });
      await client.rpc.sendRequest('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } });
      await client.rpc.sendRequest('textDocument/codeAction', {
        textDocument,
        range: { start: far, end: ORIGIN },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      await client.rpc.sendRequest('textDocument/documentLink', { textDocument });
      await client.rpc.sendRequest('textDocument/foldingRange', { textDocument });
      await client.rpc.sendRequest('imr/exportAnnotations', { uri: textDocument.uri, format: 'no-such-format' });
    }
    // A request the server does not know is a proper LSP error, not silence or a crash.
    await assert.rejects(
      client.rpc.sendRequest('textDocument/noSuchRequest', { textDocument: { uri } }),
      (e: { code?: number }) => e.code === -32601,
    );
    const symbols = await client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.ok(symbols.length > 0, 'still answering');
  });

  test('cancelled requests are answered with a result or RequestCancelled, never left hanging', async () => {
    const uri = 'file:///cancel.imr';
    const big = VALID_LETTER.repeat(200);
    await client.open(uri, big);
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => {
        const source = new CancellationTokenSource();
        const answer = client.rpc.sendRequest(
          i % 2 ? 'textDocument/documentSymbol' : 'textDocument/foldingRange',
          { textDocument: { uri } },
          source.token,
        );
        source.cancel();
        return answer;
      }),
    );
    for (const a of answers)
      if (a.status === 'rejected') assert.equal((a.reason as { code?: number }).code, -32800, String(a.reason));
    assert.ok(
      (await client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }))
        .length > 0,
    );
  });

  test('malformed settings fall back to the defaults', async () => {
    client.settings = {
      rules: 'loud',
      maxLetterSizeMB: 'huge',
      annotations: { kinds: 5 },
      guidelines: { catalogFile: 42 },
    };
    await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { imrLetter: client.settings } });
    const found = await client.open('file:///settings.imr', edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
    assert.deepEqual(
      found.map((d) => d.code),
      ['item.invalid-decision'],
    );
    client.settings = { rules: {} };
  });

  test('a letter over imrLetter.maxLetterSizeMB keeps its outline and gets one finding saying it was not checked', async () => {
    client.settings = { maxLetterSizeMB: 0.001 };
    await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { imrLetter: client.settings } });
    const uri = 'file:///large.imr';
    const found = await client.open(uri, edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'));
    assert.deepEqual(
      found.map((d) => [d.code, d.severity]),
      [['letter.too-large', 3]],
    );
    const symbols = await client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.ok(
      symbols.some((s) => s.children?.some((c) => c.name.endsWith(' · Hinged knee brace, left'))),
      JSON.stringify(symbols.map((s) => s.name)),
    );
    client.settings = { rules: {} };
    await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: { imrLetter: client.settings } });
  });

  test('imrLetter.outline.maxSymbols cuts the outline by whole levels and says so once; 0 shows every symbol', async () => {
    const uri = 'file:///outline-limit.imr';
    await client.open(uri, VALID_LETTER);
    const full = JSON.parse(
      JSON.stringify(defaultOutline(documentSymbols(parseLetter(VALID_LETTER)))),
    ) as DocumentSymbol[];
    const outline = () =>
      client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const configure = (maxSymbols: unknown) => {
      client.settings = { rules: {}, outline: { maxSymbols } };
      return client.rpc.sendNotification('workspace/didChangeConfiguration', {
        settings: { imrLetter: client.settings },
      });
    };
    const told = () => client.messages.filter((m) => m.startsWith('The outline of outline-limit.imr shows'));
    try {
      await configure(full.length + 1); // the top level and no more fits
      const cut = await outline();
      assert.deepEqual(
        cut.map((s) => [s.name, s.children]),
        full.map((s) => [s.name, undefined]),
      );
      await outline();
      assert.equal(told().length, 1, client.messages.join('\n'));
      assert.match(told()[0], new RegExp(`shows ${full.length} of its \\d+ symbols`));
      await configure(0);
      assert.deepEqual(await outline(), full);
      await configure('many'); // malformed: the default, which this letter is far below
      assert.deepEqual(await outline(), full);
      // An address whose escapes do not decode is named as written.
      const odd = 'file:///odd%E0%A4%A.imr';
      await client.open(odd, VALID_LETTER);
      await configure(full.length + 1);
      assert.equal(
        (await client.rpc.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: odd } }))
          .length,
        full.length,
      );
      assert.ok(
        client.messages.some((m) => m.startsWith('The outline of odd%E0%A4%A.imr shows')),
        client.messages.join('\n'),
      );
    } finally {
      await configure(undefined);
    }
  });

  test('quick fixes carry the version they were computed on; a diagnostic from before an edit gets none', async () => {
    const uri = 'file:///versions.imr';
    const text = edit(VALID_LETTER, 'left: Upheld', 'left: Uphled');
    const found = await client.open(uri, text);
    const ask = (diagnostics: Diagnostic[]) =>
      client.rpc.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics },
      });
    const fix = (await ask(found)).find((a) => a.title.includes('Upheld'))!;
    assert.deepEqual(fix.edit!.documentChanges![0], {
      textDocument: { uri, version: 1 },
      edits: [{ range: found[0].range, newText: 'Upheld' }],
    });
    // The reader fixes it by hand; the editor still shows the old diagnostic for a moment and asks again.
    const fixed = client.nextDiagnostics(uri, 2);
    await client.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: found[0].range, text: 'Upheld' }],
    });
    assert.deepEqual(await fixed, []);
    assert.deepEqual(
      (await ask(found)).filter((a) => a.title.includes('Upheld')),
      [],
    );
  });

  test('logs carry addresses, versions and timings, never letter text, at every trace level', async () => {
    const marker = 'ZEBRA-MARKER-7731';
    const letter = edit(VALID_LETTER, 'left: Upheld', `left: Uphled ${marker}`).replace(
      'No instability is',
      `No ${marker} {>>note: ${marker}<<} {>>oops: ${marker} instability is`,
    );
    for (const value of ['off', 'messages', 'verbose']) {
      await client.rpc.sendNotification('$/setTrace', { value });
      const uri = `file:///trace-${value}.imr`;
      const found = await client.open(uri, letter);
      assert.ok(found.length > 0);
      await client.rpc.sendRequest('textDocument/hover', { textDocument: { uri }, position: found[0].range.start });
      await client.rpc.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: found[0].range,
        context: { diagnostics: found },
      });
      await client.rpc.sendRequest('imr/exportAnnotations', { uri, format: 'markdown' });
      await client.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    await client.rpc.sendNotification('$/setTrace', { value: 'off' });
    assert.ok(
      client.logs.some((l) => l.includes('file:///trace-verbose.imr')),
      'a verbose trace logs something',
    );
    assert.deepEqual(
      client.logs.filter((l) => l.includes(marker) || l.includes('Uphled')),
      [],
    );
    assert.deepEqual(
      client.logs.filter((l) => l.startsWith('telemetry/event')),
      [],
    );
  });

  test('10,000 open and close cycles leave no memory behind beyond a small bound', async () => {
    const text = VALID_LETTER;
    const cycle = async (n: number) => {
      const uri = `file:///cycle-${n}.imr`;
      await client.rpc.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'imr-letter', version: 1, text },
      });
      await client.rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      await client.rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
    };
    for (let n = 0; n < 1000; n++) await cycle(n);
    const warm = rssMiB(client.pid);
    for (let n = 1000; n < 11_000; n++) await cycle(n);
    const end = rssMiB(client.pid);
    if (warm === undefined || end === undefined) return; // no /proc: nothing to measure
    // A leak of one parsed letter per cycle would be hundreds of MiB.
    assert.ok(end - warm < 40, `grew from ${warm.toFixed(0)} to ${end.toFixed(0)} MiB`);
  });

  test('requests after shutdown get an error, and exit ends the process cleanly', async () => {
    const late = new TestClient();
    await late.initialize();
    await late.open('file:///late.imr', VALID_LETTER);
    try {
      await late.rpc.sendRequest('shutdown');
      await assert.rejects(
        late.rpc.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///late.imr' } }),
        (e: { code?: number }) => e.code === -32600,
      );
    } finally {
      assert.equal(await late.stop(), 0);
    }
  });
});
