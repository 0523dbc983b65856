/**
 * A throw-away code-server: a fresh profile (user data, extensions, settings) in `stateDir`, the
 * packaged extension installed into it, the server on a free port of 127.0.0.1, no password.
 * `stop()` ends the whole process group (code-server forks the VS Code server and extension
 * hosts), and is safe to call more than once.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Tools } from './setup';
import { type Log, until } from './util';

/** User settings for the test profile: quiet, offline, deterministic, and readable screenshots. */
const SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  // The Outline keeps VS Code's default (unfolded), as a new user sees it.
};

export interface CodeServer {
  url: string;
  logFile: string;
  /** The extension host's log folder (activation errors land there). */
  userData: string;
  stop(): Promise<void>;
}

export async function startCodeServer(
  tools: Tools,
  opts: { stateDir: string; vsix: string; extensionId: string; log: Log },
): Promise<CodeServer> {
  const { stateDir, log } = opts;
  rmSync(stateDir, { recursive: true, force: true });
  const userData = join(stateDir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  const port = await freePort();
  const config = join(stateDir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', join(stateDir, 'extensions')];
  // code-server writes ~/.config/code-server unless XDG_CONFIG_HOME points elsewhere.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: join(stateDir, 'xdg-data'),
  };
  const cs = (args: string[]) =>
    execFileSync(tools.node, [tools.codeServer, ...common, ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });

  log(`installing ${opts.vsix} into a fresh code-server profile`);
  cs(['--install-extension', opts.vsix, '--force']);
  const installed = cs(['--list-extensions', '--show-versions']);
  if (!installed.toLowerCase().includes(opts.extensionId.toLowerCase()))
    throw new Error(`${opts.extensionId} is not installed; code-server lists: ${installed.trim() || '(nothing)'}`);

  const logFile = join(stateDir, 'code-server.log');
  const out = openSync(logFile, 'w');
  // detached: its own process group, so stop() can end code-server and every child it forked.
  const child: ChildProcess = spawn(
    tools.node,
    [
      tools.codeServer,
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { env, detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out); // the child has its own copy
  let alive = true; // code-server itself
  let ended = false; // and every process of its group, once stop() has seen them go
  child.once('exit', () => {
    alive = false;
  });
  /** Ends the process group: SIGTERM, then SIGKILL for whatever is left after 5 s. */
  const stop = async () => {
    const pid = child.pid;
    if (pid === undefined) return;
    const groupAlive = () => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (ended || !groupAlive()) return void (ended = true);
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    await until('code-server to stop', () => !groupAlive(), 5000).catch(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    });
    ended = true;
  };
  // A last resort when the runner dies without reaching its cleanup (an uncaught error).
  process.once('exit', () => {
    if (!ended && child.pid)
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
  });

  const url = `http://127.0.0.1:${port}/`;
  await until(
    'code-server to answer /healthz',
    async () => {
      if (!alive) throw new Error(`code-server exited at start; its log:\n${readFileSync(logFile, 'utf8')}`);
      return fetch(`${url}healthz`).then(
        (r) => r.ok,
        () => false,
      );
    },
    60_000,
  );
  log(`code-server pid ${child.pid} ready on ${url}`);
  return { url, logFile, userData, stop };
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
