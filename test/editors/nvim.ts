import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const CONFIG = join(ROOT, 'editors', 'neovim', 'imr.lua');
const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0 ? 'nvim' : undefined;

/** Why a Neovim test cannot run here, or false when it can. */
export const NEOVIM_SKIP: string | false = !NVIM
  ? 'no nvim on PATH: apt-get install neovim'
  : !existsSync(SERVER)
    ? 'no bundle: run node esbuild.mjs'
    : false;

/**
 * Opens the letter in a headless Neovim with the README's configuration (editors/neovim/imr.lua,
 * the server taken from this checkout), waits for the server to attach, runs the Lua `probe` (which
 * fills the table `result`) and returns that table, with `attached` saying whether the server did.
 */
export function runInNeovim(letterText: string, probe: string): { attached: boolean } & Record<string, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'imr-nvim-'));
  const letter = join(dir, 'letter.imr');
  writeFileSync(letter, letterText);
  const init = join(dir, 'init.lua');
  writeFileSync(
    init,
    `vim.g.imr_language_server_cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(SERVER)}, '--stdio' }\ndofile(${JSON.stringify(CONFIG)})\n`,
  );
  const probeFile = join(dir, 'probe.lua');
  const out = join(dir, 'result.json');
  writeFileSync(
    probeFile,
    `
local ok = vim.wait(20000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50)
local result = { attached = ok }
if ok then
${probe}
end
local f = io.open(${JSON.stringify(out)}, 'w')
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qa!')
`,
  );
  execFileSync(NVIM!, ['--headless', '-n', '-i', 'NONE', '-u', init, letter, '-c', `luafile ${probeFile}`], {
    cwd: dir,
    timeout: 50_000,
    stdio: 'pipe',
    env: { ...process.env, XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
  });
  return JSON.parse(readFileSync(out, 'utf8')) as { attached: boolean } & Record<string, unknown>;
}
