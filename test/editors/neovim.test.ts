import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VALID_LETTER, lineOf } from '../fixtures/letters';
import { NEOVIM_SKIP, runInNeovim } from './nvim';

/** Asks for the outline and a hover on the line, and keeps what came back. */
const PROBE = (line: number) => `
  local params = { textDocument = vim.lsp.util.make_text_document_params() }
  local symbols = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', params, 20000)
  for _, r in pairs(symbols or {}) do result.symbols = r.result end
  local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = params.textDocument, position = { line = ${line}, character = 60 } }, 20000)
  for _, r in pairs(hover or {}) do result.hover = r.result and r.result.contents.value end
`;

describe('Neovim', () => {
  test(
    "the README's configuration (editors/neovim/imr.lua) gets the outline and a hover from the server",
    { skip: NEOVIM_SKIP, timeout: 60_000 },
    () => {
      const line = lineOf(VALID_LETTER, 'Claims Administrator guideline: Decision based on MTUS Knee');
      const result = runInNeovim(VALID_LETTER, PROBE(line)) as {
        attached: boolean;
        symbols?: { name: string; children?: { name: string; detail: string }[] }[];
        hover?: string;
      };
      assert.equal(result.attached, true, 'the server attached to the letter');
      assert.deepEqual(
        result.symbols!.map((s) => s.name),
        [
          'Header',
          'How the IMR final determination was made',
          'Clinical case summary',
          'IMR issues, decisions and rationales',
        ],
      );
      assert.deepEqual(
        result.symbols![3].children!.map((c) => c.name.split(' · ')[0]),
        ['Upheld', 'Overturned'],
      );
      assert.match(result.hover!.replace(/\\(.)/g, '$1'), /ACOEM Ch. 13 Knee Complaints/);
    },
  );
});
