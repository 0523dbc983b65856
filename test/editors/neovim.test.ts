import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { VALID_LETTER, lineOf } from '../fixtures/letters';

const ROOT = join(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const CONFIG = join(ROOT, 'editors', 'neovim', 'imr.lua');
const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0 ? 'nvim' : undefined;

/**
 * Runs in Neovim after the letter is open: waits for the server to attach, asks for the outline
 * and a hover, and writes what came back to a JSON file.
 */
const PROBE = (out: string, line: number) => `
local ok = vim.wait(20000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50)
local result = { attached = ok }
if ok then
  local params = { textDocument = vim.lsp.util.make_text_document_params() }
  local symbols = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', params, 20000)
  for _, r in pairs(symbols or {}) do result.symbols = r.result end
  local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = params.textDocument, position = { line = ${line}, character = 60 } }, 20000)
  for _, r in pairs(hover or {}) do result.hover = r.result and r.result.contents.value end
end
local f = io.open(${JSON.stringify(out)}, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qa!')
`;

describe('Neovim', () => {
  test('the README\'s configuration (editors/neovim/imr.lua) gets the outline and a hover from the server', { skip: !NVIM ? 'no nvim on PATH: apt-get install neovim' : !existsSync(SERVER) ? 'no bundle: run node esbuild.mjs' : false, timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-nvim-'));
    const letter = join(dir, 'letter.imr');
    writeFileSync(letter, VALID_LETTER);
    const init = join(dir, 'init.lua');
    // The configuration users copy, with the server taken from this checkout.
    writeFileSync(init, `vim.g.imr_language_server_cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(SERVER)}, '--stdio' }\ndofile(${JSON.stringify(CONFIG)})\n`);
    const probe = join(dir, 'probe.lua');
    const out = join(dir, 'result.json');
    writeFileSync(probe, PROBE(out, lineOf(VALID_LETTER, 'Claims Administrator guideline: Decision based on MTUS Knee')));
    execFileSync(NVIM!, ['--headless', '-n', '-i', 'NONE', '-u', init, letter, '-c', `luafile ${probe}`], { cwd: dir, timeout: 50_000, stdio: 'pipe', env: { ...process.env, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir } });
    const result = JSON.parse(readFileSync(out, 'utf8')) as { attached: boolean; symbols?: { name: string; children?: { name: string; detail: string }[] }[]; hover?: string };
    assert.equal(result.attached, true, 'the server attached to the letter');
    assert.deepEqual(result.symbols!.map((s) => s.name), ['Header', 'How the IMR final determination was made', 'Clinical case summary', 'IMR issues, decisions and rationales']);
    assert.deepEqual(result.symbols![3].children!.map((c) => c.name.split(' · ')[0]), ['Upheld', 'Overturned']);
    assert.match(result.hover!.replace(/\\(.)/g, '$1'), /ACOEM Ch. 13 Knee Complaints/);
  });
});
