import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import * as esbuild from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/** Modules that reach other machines. None of them may be in any bundle. */
const NETWORK_MODULES = ['http', 'https', 'http2', 'tls', 'dns', 'dgram', 'undici'];
/** Local-only: the LSP libraries' pipe and socket transports, and the client starting its own server process. */
const LOCAL_IPC_MODULES = ['net', 'child_process'];
const LSP_LIBRARIES = /^node_modules\/(vscode-languageserver|vscode-languageclient|vscode-jsonrpc)\//;
/** Network calls that need no import. */
const NETWORK_GLOBALS =
  /\b(fetch|WebSocket|XMLHttpRequest|EventSource)\s*\(|new\s+(WebSocket|XMLHttpRequest|EventSource)\b|navigator\.sendBeacon/;
/**
 * In a bundle, every reference to a network global is renamed to a marker by esbuild's define,
 * which touches only the globals themselves: a library's own `xref.fetch(...)` method stays as it
 * is. A bundle's own define (the PDF reader turns fetch into undefined) applies over the markers.
 */
const MARKER = '__NETWORK_GLOBAL__';
const MARKED: Record<string, string> = Object.fromEntries(
  ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'navigator.sendBeacon'].flatMap((g) =>
    [g, `globalThis.${g}`, `self.${g}`, `window.${g}`].map((name) => [name, MARKER]),
  ),
);

type Bundle = { outfile: string; entryPoints: string[]; define?: Record<string, string> };

/** Every bundle as esbuild builds it, with the map of which source file imports which module. */
async function bundles(): Promise<{ name: string; code: string; imports: { from: string; module: string }[] }[]> {
  const config = (await import(join(ROOT, 'esbuild.mjs'))) as { common: esbuild.BuildOptions; builds: Bundle[] };
  return Promise.all(
    config.builds.map(async (b) => {
      const result = await esbuild.build({
        ...config.common,
        ...b,
        define: { ...MARKED, ...b.define },
        absWorkingDir: ROOT,
        write: false,
        metafile: true,
        sourcemap: false,
        minify: false,
        logLevel: 'silent',
      });
      const imports = Object.entries(result.metafile!.inputs).flatMap(([from, input]) =>
        input.imports.filter((i) => i.external).map((i) => ({ from, module: i.path.replace(/^node:/, '') })),
      );
      const code = result.outputFiles!.find((f) => f.path.endsWith('.js'))!.text;
      return { name: b.outfile, code, imports };
    }),
  );
}

describe('privacy: nothing leaves the machine', () => {
  test('no bundle imports a network module or calls a network API', async () => {
    const built = await bundles();
    assert.equal(
      built.length,
      7,
      'client and server for Node and the web, the command line and the PDF reader for each',
    );
    for (const { name, code, imports } of built) {
      assert.deepEqual(
        imports.filter((i) => NETWORK_MODULES.includes(i.module.split('/')[0])),
        [],
        `${name} imports a network module`,
      );
      assert.ok(!code.includes(MARKER), `${name} uses a network API`);
      // The external list of the client is only vscode and Node's own modules.
      for (const i of imports)
        assert.ok(i.module === 'vscode' || !i.module.includes('.'), `${name}: unexpected external ${i.module}`);
    }
  });

  test('net and child_process come only from the LSP libraries (local pipes and the client starting its server)', async () => {
    for (const { name, imports } of await bundles()) {
      const local = imports.filter((i) => LOCAL_IPC_MODULES.includes(i.module));
      assert.deepEqual(
        local.filter((i) => !LSP_LIBRARIES.test(i.from)),
        [],
        `${name}: net or child_process used outside the LSP libraries`,
      );
    }
  });

  test("the project's own code imports nothing that can reach the network or start processes", () => {
    const sources = ['client/src', 'server/src']
      .flatMap((dir) => walk(join(ROOT, dir)))
      .filter((f) => f.endsWith('.ts'));
    assert.ok(sources.length > 50);
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      const modules = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) =>
        m[1].replace(/^node:/, ''),
      );
      const banned = modules.filter((m) => [...NETWORK_MODULES, ...LOCAL_IPC_MODULES].includes(m.split('/')[0]));
      assert.deepEqual(banned, [], relative(ROOT, file));
      assert.doesNotMatch(text, NETWORK_GLOBALS, relative(ROOT, file));
    }
  });

  test('the check itself catches a network call', async () => {
    const result = await esbuild.build({
      stdin: {
        contents: "import { get } from 'node:https'; get('https://example.com'); fetch('x');",
        resolveDir: ROOT,
      },
      bundle: true,
      platform: 'node',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const imports = Object.values(result.metafile!.inputs).flatMap((i) =>
      i.imports.map((x) => x.path.replace(/^node:/, '')),
    );
    assert.ok(imports.some((m) => NETWORK_MODULES.includes(m)));
    assert.match(result.outputFiles![0].text, NETWORK_GLOBALS);
    const marked = await esbuild.build({
      stdin: {
        contents:
          "const xref = { fetch: (n: number) => n }; xref.fetch(1); export const f = () => fetch('x'); export const x = () => new globalThis.XMLHttpRequest();",
        loader: 'ts',
      },
      define: MARKED,
      write: false,
      logLevel: 'silent',
    });
    const text = marked.outputFiles![0].text;
    assert.equal(text.split(MARKER).length - 1, 2, 'the global fetch and XMLHttpRequest are marked');
    assert.match(text, /xref\.fetch\(1\)/, 'a method named fetch is not');
  });

  test('the PDF reader is its own file (one for Node, one for the web worker), and no server or command line holds it', async () => {
    const built = await bundles();
    for (const name of ['dist/pdf-reader.js', 'dist/browser/pdf-reader.js']) {
      const reader = built.find((b) => b.name === name);
      assert.ok(
        reader && /getTextContent/.test(reader.code) && /WorkerMessageHandler/.test(reader.code),
        `${name} holds pdfjs and its worker`,
      );
    }
    for (const name of ['dist/server.js', 'dist/cli.js', 'dist/browser/server.js', 'dist/client.js']) {
      const code = built.find((b) => b.name === name)!.code;
      assert.doesNotMatch(code, /getTextContent|WorkerMessageHandler/, `${name} holds no PDF library`);
    }
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}
