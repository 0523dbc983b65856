import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The bundled command line, as users run it (`npm test` builds it first). */
export const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/**
 * Runs `imr-lint` with these arguments in `cwd` (and Node's `nodeArgs`, and `input` on standard
 * input) and gives its exit code, output and error output. A minute at most (a hang is a failure,
 * not a stuck suite); output up to 256 MB.
 */
export function run(
  args: string[],
  cwd: string,
  { nodeArgs = [], input }: { nodeArgs?: string[]; input?: string } = {},
) {
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    input,
    timeout: 60_000,
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}
