import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';

// The layers of DESIGN.md, checked on every import: the core (the letter service) reaches nothing
// editor- or Node-specific; the server reaches the core only through the service's front door;
// the client knows the server only by its protocol.
const ROOT = resolve(__dirname, '..', '..');
const SRC = 'server/src';
const CORE = [
  'service',
  'letter',
  'rules',
  'guidelines',
  'features',
  'incremental',
  'reports',
  'vocabulary',
  'treatments',
  'precedents',
  'corpus',
  'precedents',
  'pdf',
].map((d) => `${SRC}/${d}/`);
const PROTOCOL = `${SRC}/protocol.ts`;
const SERVICE = `${SRC}/service/index.ts`;

/** Packages the core may import: the LSP types, and nothing that runs an editor, a process or a network. */
const CORE_PACKAGES = ['vscode-languageserver-types', 'vscode-languageserver-textdocument'];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return files(path);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file imports (static, dynamic and re-exports), relative ones as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  return specs.map((s) => (s.startsWith('.') ? resolveModule(file, s) : s));
}

function resolveModule(from: string, spec: string): string {
  const path = relative(ROOT, resolve(ROOT, dirname(from), spec));
  if (/\.(json|ts)$/.test(path)) return path;
  const candidates = [`${path}.ts`, `${path}/index.ts`];
  return (
    candidates.find((c) => {
      try {
        readFileSync(join(ROOT, c));
        return true;
      } catch {
        return false;
      }
    }) ?? path
  );
}

const isCore = (path: string) => path === PROTOCOL || CORE.some((d) => path.startsWith(d));
const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

function violations(paths: string[], allowed: (imported: string, file: string) => boolean): string[] {
  return paths.flatMap((file) =>
    importsOf(file)
      .filter((i) => !allowed(i, file))
      .map((i) => `${file} imports ${i}`),
  );
}

describe('layers', () => {
  const server = files(SRC);

  test('the core imports only the core and the LSP types: no Node, no vscode, no connection, no network', () => {
    const core = server.filter(isCore);
    assert.ok(core.length > 50, `the core's files were found (${core.length})`);
    assert.deepEqual(
      violations(core, (i) => isCore(i) || i.endsWith('.json') || CORE_PACKAGES.includes(packageOf(i))),
      [],
    );
  });

  test('the server wiring and the command line reach the core only through the service (and the protocol)', () => {
    const wiring = server.filter(
      (f) => f === `${SRC}/server.ts` || f === `${SRC}/cli.ts` || f.startsWith(`${SRC}/lsp/`),
    );
    assert.ok(wiring.includes(`${SRC}/server.ts`) && wiring.includes(`${SRC}/cli.ts`));
    assert.deepEqual(
      violations(wiring, (i) => !isCore(i) || i === SERVICE || i === PROTOCOL),
      [],
    );
  });

  test('the entry points start the server or the service and nothing else of the core', () => {
    const entries = server.filter((f) => f.startsWith(`${SRC}/node/`) || f.startsWith(`${SRC}/browser/`));
    assert.ok(entries.length >= 2);
    assert.deepEqual(
      violations(entries, (i) => !isCore(i) || i === SERVICE),
      [],
    );
  });

  test('the client knows the server only by its protocol', () => {
    const client = files('client/src');
    assert.deepEqual(
      violations(
        client,
        (i) =>
          i.startsWith('client/src/') || i === PROTOCOL || ['vscode', 'vscode-languageclient'].includes(packageOf(i)),
      ),
      [],
    );
  });

  test('the check sees a forbidden import (it is not vacuous)', () => {
    assert.deepEqual(
      importsOf(`${SRC}/cli.ts`).filter((i) => i.startsWith('node:')).length > 0,
      true,
      'node: imports are read',
    );
    assert.ok(
      importsOf(`${SRC}/service/index.ts`).includes(`${SRC}/features/hover.ts`),
      'relative imports resolve to files',
    );
  });
});
