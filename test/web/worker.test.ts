import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { VALID_LETTER, edit } from '../fixtures/letters';

const BUNDLE = join(__dirname, '..', '..', 'dist', 'browser', 'server.js');
/** Debian's Chromium (apt-get install chromium), or the one CHROMIUM names. */
const CHROMIUM = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => !!p && existsSync(p),
);

interface Exchange {
  capabilities: Record<string, unknown>;
  symbols: { name: string; children?: { name: string; detail?: string }[] }[];
  diagnostics: { code: string }[];
  hover: string;
  pdf: { problem?: string; text?: string };
}

/**
 * Runs in the page: starts the bundle as a web worker and speaks LSP to it with postMessage, as
 * VS Code for the web does. Written as a string so no browser types are needed here.
 */
const CONVERSATION = `async ({ code, text }) => {
  const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  const waiting = new Map();
  let published;
  const diagnostics = new Promise((resolve) => (published = resolve));
  worker.onmessage = ({ data }) => {
    if (data.id !== undefined && waiting.has(data.id)) waiting.get(data.id)(data.result);
    if (data.method === 'textDocument/publishDiagnostics') published(data.params.diagnostics);
    if (data.method === 'workspace/configuration') worker.postMessage({ jsonrpc: '2.0', id: data.id, result: data.params.items.map(() => ({})) });
  };
  let id = 0;
  const request = (method, params) => new Promise((resolve) => { waiting.set(++id, resolve); worker.postMessage({ jsonrpc: '2.0', id, method, params }); });
  const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
  const init = await request('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } } });
  notify('initialized', {});
  const uri = 'untitled:letter.imr';
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'imr-letter', version: 1, text } });
  const symbols = await request('textDocument/documentSymbol', { textDocument: { uri } });
  const line = text.split('\\n').findIndex((l) => l.startsWith('Claims Administrator guideline: Decision based on MTUS Knee'));
  const hover = await request('textDocument/hover', { textDocument: { uri }, position: { line, character: 60 } });
  const pdf = await request('imr/pdfText', { data: btoa('%PDF-1.4\\n%%EOF\\n') });
  return { capabilities: init.capabilities, symbols, diagnostics: await diagnostics, hover: hover.contents.value, pdf };
}`;

describe('the web build', () => {
  test(
    'the browser server bundle answers LSP from a web worker in Chromium',
    {
      skip: !CHROMIUM
        ? 'no Chromium: apt-get install chromium'
        : !existsSync(BUNDLE)
          ? `no bundle at ${BUNDLE}: run node esbuild.mjs`
          : false,
      timeout: 120_000,
    },
    async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const text = edit(VALID_LETTER, 'left: Upheld', 'left: Uphled');
        const result = (await page.evaluate(
          `(${CONVERSATION})(${JSON.stringify({ code: readFileSync(BUNDLE, 'utf8'), text })})`,
        )) as Exchange;
        assert.equal(result.capabilities.hoverProvider, true);
        const issues = result.symbols.find((s) => s.name.startsWith('IMR issues'))!;
        assert.deepEqual(
          issues.children!.map((c) => [c.name, c.detail]),
          [
            ['"Uphled"? · Hinged knee brace, left', ''],
            ['Overturned · Tramadol ER 100mg #30 day supply: 30 with two refills', ''],
          ],
        );
        assert.deepEqual(
          result.diagnostics.map((d) => d.code),
          ['item.invalid-decision'],
        );
        assert.match(result.hover.replace(/\\(.)/g, '$1'), /ACOEM Ch. 13 Knee Complaints/);
        // Import PDF Letters in VS Code for the Web: no PDF reader in the worker, and the answer says so.
        assert.equal(result.pdf.text, undefined);
        assert.match(result.pdf.problem ?? '', /in VS Code for the Web the extension does not carry the PDF reader/);
        assert.deepEqual(errors, []);
      } finally {
        await browser.close();
      }
    },
  );
});
