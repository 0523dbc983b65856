import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';
import { NEOVIM_SKIP, runInNeovim } from './nvim';

const LETTER = edit(
  VALID_LETTER,
  'Decision based on MTUS Knee Complaints 2004.',
  'Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300.\nDecision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter.',
);

/**
 * Hovers at each position and shows each answer the way Neovim's own hover does (a Markdown
 * floating window), keeping the window's lines.
 */
const PROBE = (positions: { line: number; character: number }[]) => `
  result.shown = {}
  local doc = vim.lsp.util.make_text_document_params()
  for i, pos in ipairs(vim.fn.json_decode(${JSON.stringify(JSON.stringify(positions))})) do
    local answers = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = doc, position = pos }, 20000)
    for _, r in pairs(answers or {}) do
      if r.result then
        local lines = vim.lsp.util.trim_empty_lines(vim.lsp.util.convert_input_to_markdown_lines(r.result.contents))
        local buf, win = vim.lsp.util.open_floating_preview(lines, 'markdown', {})
        result.shown[i] = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\\n')
        vim.api.nvim_win_close(win, true)
      end
    end
  end
`;

describe('Neovim', () => {
  test(
    "citation hovers read cleanly in Neovim's hover window: no escapes where there is nothing to escape",
    { skip: NEOVIM_SKIP, timeout: 60_000 },
    () => {
      const mtus = lineOf(LETTER, 'Decision based on MTUS ACOEM Chapter 12');
      const odg = lineOf(LETTER, 'Decision based on Non-MTUS Citation Official');
      const column = (line: number, word: string) => LETTER.split('\n')[line].indexOf(word) + 1;
      const positions = [
        { line: mtus, character: column(mtus, 'MTUS ACOEM') }, // the citation's first word
        { line: mtus, character: column(mtus, '300') },
        { line: odg, character: column(odg, 'Non-MTUS') },
      ];
      const result = runInNeovim(LETTER, PROBE(positions)) as { attached: boolean; shown: string[] };
      assert.equal(result.attached, true, 'the server attached to the letter');
      const [onMtus, onPage, onOdg] = result.shown;
      for (const shown of [onMtus, onPage]) {
        assert.match(shown, /\*\*ACOEM Ch\. 12 Low Back Complaints\*\*/);
        assert.match(shown, /MTUS, 8 CCR §9792\.23\.5/);
        assert.match(shown, /Cited: page 300/);
        assert.match(shown, /\(https:\/\/www\.dir\.ca\.gov\/t8\/9792_23_5\.html\)/);
      }
      assert.match(onOdg, /\*\*ODG Low Back - Lumbar & Thoracic \(Acute & Chronic\)\*\*/);
      assert.match(onOdg, /In: Official Disability Guidelines \(ODG\)/);
      assert.match(onOdg, /\(https:\/\/www\.mcg\.com\/odg\/\) \(licensed: the guideline text needs a subscription\)/);
      for (const shown of result.shown) assert.ok(!shown.includes('\\'), `a backslash shows in Neovim:\n${shown}`);
    },
  );
});
