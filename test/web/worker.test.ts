import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PdfProblem, readPdfLetter } from '../../server/src/pdf/reader';
import { readPdf } from '../../server/src/pdf-reader/pdfjs';
import { VALID_LETTER, edit } from '../fixtures/letters';
import { letterPdf } from '../fixtures/pdf';

const DIST_BROWSER = join(__dirname, '..', '..', 'dist', 'browser');
const BUNDLE = join(DIST_BROWSER, 'server.js');
const READER = join(DIST_BROWSER, 'pdf-reader.js');
const ORIGIN = 'http://imr-letters.test';
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

/** Runs in the page: the server's worker from its address, asked for a PDF's letter text as Import PDF Letters asks. */
const PDF_CONVERSATION = `async ({ url, data }) => {
  const worker = new Worker(url);
  let answer;
  const answered = new Promise((resolve) => (answer = resolve));
  worker.onmessage = ({ data: m }) => {
    if (m.id === 2) answer(m.result);
    if (m.method === 'workspace/configuration') worker.postMessage({ jsonrpc: '2.0', id: m.id, result: m.params.items.map(() => ({})) });
  };
  worker.postMessage({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
  worker.postMessage({ jsonrpc: '2.0', id: 2, method: 'imr/pdfText', params: { data, source: 'letter.pdf' } });
  return answered;
}`;

/** A test in Chromium (skipped without it, or without `bundle` built): `body` gets a new page, on which no error may be thrown. */
function chromiumTest(name: string, bundle: string, body: (page: Page) => Promise<void>): void {
  const skip = !CHROMIUM
    ? 'no Chromium: apt-get install chromium'
    : !existsSync(bundle)
      ? `no bundle at ${bundle}: run node esbuild.mjs`
      : false;
  test(name, { skip, timeout: 120_000 }, async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await body(page);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });
}

describe('the web build', () => {
  chromiumTest('the browser server bundle answers LSP from a web worker in Chromium', BUNDLE, async (page) => {
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
    // A worker whose PDF reader cannot be loaded (this one runs from a blob: address, with nothing
    // beside it) answers Import PDF Letters with why, and what to do instead.
    assert.equal(result.pdf.text, undefined);
    assert.match(result.pdf.problem ?? '', /^the PDF reader could not be loaded here.*imr-lint import/);
  });

  chromiumTest(
    'Import PDF Letters in VS Code for the Web: the worker loads the PDF reader beside it and reads a PDF',
    READER,
    async (page) => {
      // The extension's dist/browser/ served at an address of its own, as VS Code for the Web serves it; nothing else.
      const served: string[] = [];
      await page.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        served.push(url.pathname);
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname === '/')
          return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>web</title>' });
        const file = join(DIST_BROWSER, url.pathname.slice(1));
        return existsSync(file) && /^\/[a-z-]+\.js$/.test(url.pathname)
          ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(file, 'utf8') })
          : route.fulfill({ status: 404, body: '' });
      });
      await page.goto(`${ORIGIN}/`);
      const text = edit(VALID_LETTER, 'left: Upheld', 'left: Uphled');
      const data = Buffer.from(letterPdf(text)).toString('base64');
      const answer = (await page.evaluate(
        `(${PDF_CONVERSATION})(${JSON.stringify({ url: `${ORIGIN}/server.js`, data })})`,
      )) as {
        text?: string;
        recognized?: boolean;
        problem?: string;
      };
      assert.equal(answer.problem, undefined);
      assert.equal(answer.recognized, true);
      assert.equal(
        answer.text,
        (await readPdfLetter(letterPdf(text), readPdf).then((r) => (r instanceof PdfProblem ? '' : r.text))) +
          '{>>imr-source: letter.pdf<<}',
        'the same text as the Node reader gives, naming its PDF',
      );
      assert.deepEqual(
        served,
        ['/', '/server.js', '/pdf-reader.js'],
        'the reader is loaded from beside the worker, and nothing else is fetched',
      );
    },
  );
});
