/**
 * End-to-end suite: the packaged extension in real VS Code (code-server in headless Chromium).
 *
 *   npm run test:e2e            (node --import tsx test/e2e/run.ts)
 *
 * 1. Installs what it needs into a cache folder on first use (setup.ts; about 4 minutes, once).
 * 2. Packages the extension (`npm run package` -> dist/imr-letters.vsix).
 * 3. Copies samples/ into a temporary workspace, with two more copies of a letter named so that
 *    only their first line can say what they are.
 * 4. Installs the .vsix into a fresh code-server profile, starts code-server, opens the workspace
 *    in Chromium, and runs the checks in checks.ts, each independent of the others' outcome.
 * 5. Writes the screenshots to <cache>/last-run/screenshots/ (never to a tracked file), prints a
 *    summary, and exits 0 only when every check passed. With --update-images (`npm run
 *    screenshots`), a run where every check passed then copies the README's pictures to
 *    docs/images/. code-server and the browser are stopped however the run ends.
 *
 * Environment: IMR_E2E_CACHE (cache folder, default ~/.cache/imr-letters-e2e), CHROMIUM (browser,
 * default /usr/bin/chromium), IMR_E2E_TIMEOUT (seconds for everything after setup, default 480),
 * IMR_E2E_WAIT (seconds for any one wait in the page, default 60), IMR_E2E_HEADED=1 (show the browser).
 * Files of the last run (code-server log, extension host logs, failure screenshots) stay in
 * <cache>/last-run/.
 */
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHECKS as LETTER_CHECKS, type Context, EXTRA_LETTERS, README_PICTURES } from './checks';
import { PDF_CHECKS, writePdfLetters } from './pdf-checks';
import { type CodeServer, startCodeServer } from './code-server';
import { ensureTools } from './setup';
import { log } from './util';
import { Workbench } from './workbench';

/** The letter checks, then the PDF ones (Check All fills the Problems panel the letter checks count). */
const CHECKS = [...LETTER_CHECKS, ...PDF_CHECKS];

const ROOT = join(__dirname, '..', '..');
const VSIX = join(ROOT, 'dist', 'imr-letters.vsix');
/** Where the README's pictures live; written only by `npm run screenshots` (--update-images). */
const README_IMAGES = join(ROOT, 'docs', 'images');
const UPDATE_IMAGES = process.argv.includes('--update-images');
const seconds = (name: string, fallback: number) =>
  Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback;

let server: CodeServer | undefined;
let browser: Browser | undefined;
let workspace: string | undefined;
let lastRun: string | undefined;
/** Set when a signal or the deadline ends the run: what fails after that is only the teardown. */
let stopping = false;

/** Stops the browser and code-server, and removes the workspace; safe to call twice. */
async function cleanup(): Promise<void> {
  const b = browser;
  const s = server;
  browser = undefined;
  server = undefined;
  await b?.close().catch(() => {});
  await s?.stop();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  workspace = undefined;
}

async function main(): Promise<number> {
  const started = Date.now();
  log('setup: checking the cache');
  const tools = await ensureTools(log);
  lastRun = join(tools.cache, 'last-run');
  rmSync(lastRun, { recursive: true, force: true });
  mkdirSync(lastRun, { recursive: true });

  // Everything after setup has a deadline; past it the run stops, cleaned up, as a failure.
  const limit = seconds('IMR_E2E_TIMEOUT', 480);
  const watchdog = setTimeout(() => {
    log(`FAIL: the run took longer than ${limit} s (IMR_E2E_TIMEOUT); stopping`);
    stopping = true;
    void cleanup().finally(() => process.exit(1));
  }, limit * 1000);
  watchdog.unref();

  log('package: npm run package');
  const pack = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  writeFileSync(join(lastRun, 'package.log'), `${pack.stdout}\n${pack.stderr}`);
  if (pack.status !== 0) {
    console.log(pack.stdout, pack.stderr);
    throw new Error('npm run package failed');
  }
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string };

  workspace = mkdtempSync(join(tmpdir(), 'imr-e2e-'));
  const ws = join(workspace, 'samples');
  cpSync(join(ROOT, 'samples'), ws, { recursive: true });
  for (const [name, from] of Object.entries(EXTRA_LETTERS)) copyFileSync(join(ws, from), join(ws, name));
  const pdfs = writePdfLetters(ws);
  log(`workspace: ${ws} (samples/ plus ${[...Object.keys(EXTRA_LETTERS), ...pdfs].join(', ')})`);
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`imr-lint ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };

  server = await startCodeServer(tools, {
    stateDir: join(lastRun, 'code-server'),
    vsix: VSIX,
    extensionId: `${manifest.publisher}.${manifest.name}`,
    log,
  });
  browser = await chromium.launch({
    executablePath: tools.chromium,
    headless: process.env.IMR_E2E_HEADED !== '1',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // What the workbench logs in the browser (a web worker extension host logs only there).
  const consoleLog = join(lastRun, 'browser-console.log');
  writeFileSync(consoleLog, '');
  page.on('console', (m) => appendFileSync(consoleLog, `${m.type()}: ${m.text()}\n`));
  const wb = new Workbench(page, seconds('IMR_E2E_WAIT', 60) * 1000);
  log('workbench: loading');
  await wb.load(server.url, ws, 'with-problems.imr');
  log('workbench: loaded');

  const images = join(lastRun, 'screenshots');
  mkdirSync(images, { recursive: true });
  const ctx: Context = { wb, ws, images, cli };
  const results: { name: string; ok: boolean; detail: string; ms: number }[] = [];
  for (const [i, check] of CHECKS.entries()) {
    if (stopping) return 1; // the deadline passed: the watchdog ends the run
    const t0 = Date.now();
    log(`check ${i + 1}/${CHECKS.length}: ${check.name}`);
    try {
      const detail = await check.run(ctx);
      results.push({ name: check.name, ok: true, detail, ms: Date.now() - t0 });
      log(`  PASS (${((Date.now() - t0) / 1000).toFixed(1)} s) ${detail}`);
    } catch (e) {
      if (stopping) return 1;
      const detail = String((e as Error).message ?? e).split('\n')[0];
      const shot = join(lastRun, `failed-${i + 1}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      results.push({ name: check.name, ok: false, detail: `${detail} (screenshot: ${shot})`, ms: Date.now() - t0 });
      log(`  FAIL (${((Date.now() - t0) / 1000).toFixed(1)} s) ${detail}`);
      // Leave no widget open for the next check.
      for (let k = 0; k < 3; k++) await page.keyboard.press('Escape').catch(() => {});
    }
  }
  clearTimeout(watchdog);
  await cleanup();

  const failed = results.filter((r) => !r.ok);
  console.log('\nEnd-to-end summary (VS Code via code-server, packaged .vsix):');
  for (const r of results)
    console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}  [${(r.ms / 1000).toFixed(1)} s]\n        ${r.detail}`);
  console.log(`screenshots: ${images}`);
  if (UPDATE_IMAGES && failed.length === 0) {
    for (const name of README_PICTURES) copyFileSync(join(images, name), join(README_IMAGES, name));
    console.log(
      `README pictures refreshed: ${README_PICTURES.map((n) => relative(ROOT, join(README_IMAGES, n))).join(', ')}`,
    );
  } else if (UPDATE_IMAGES) console.log('README pictures left as they were: a check failed');
  if (failed.length)
    console.log(
      `logs: ${join(lastRun, 'code-server')} (code-server.log, user-data/logs/*/exthost1/); browser console: ${consoleLog}${pageErrors.length ? `; ${pageErrors.length} page errors` : ''}`,
    );
  console.log(
    `${results.length - failed.length} passed, ${failed.length} failed, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return failed.length ? 1 : 0;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping code-server and the browser`);
    stopping = true;
    void cleanup().finally(() => process.exit(code));
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (e: unknown) => {
    if (stopping) return;
    // The first line says what went wrong; the rest (playwright's call and browser logs) goes to a file.
    const text = (e as Error).stack ?? String(e);
    const file = lastRun && join(lastRun, 'error.log');
    if (file) writeFileSync(file, text);
    log(`FAIL: ${text.split('\n')[0]}${file ? ` (details: ${file})` : ''}`);
    await cleanup();
    process.exitCode = 1;
  },
);
