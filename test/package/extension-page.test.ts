/**
 * What a user sees before using the extension: its page in VS Code (the packaged README) and
 * `npm ci` on the Node the project supports.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { linkBases, packagedReadme } from '../../scripts/package';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe("the extension's page", () => {
  const pictures = [...README.matchAll(/!\[([^\]\n]*)\]\(([^)\s]+)\)/g)].map((m) => ({ alt: m[1], target: m[2] }));

  test('every picture of the README is a file of the project, which the package points at the repository (VS Code shows only http(s) pictures there)', () => {
    assert.ok(pictures.length >= 4, `only ${pictures.length} pictures`);
    for (const { target } of pictures) {
      assert.doesNotMatch(
        target,
        /^[a-z]+:/i,
        `${target}: relative, so GitHub and the packaged README both resolve it`,
      );
      assert.ok(existsSync(join(ROOT, target)), `${target} does not exist`);
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    assert.match(manifest.scripts.package, /scripts\/package\.ts/);
  });

  test("the packaged README's links go to the repository: pages under blob/, pictures under raw/", () => {
    assert.deepEqual(linkBases({ repository: { url: 'https://git.example.org/team/imr-letters.git' } }), {
      content: 'https://git.example.org/team/imr-letters/blob/HEAD/',
      images: 'https://git.example.org/team/imr-letters/raw/HEAD/',
    });
    assert.deepEqual(
      linkBases({ repository: 'https://git.example.org/team/imr-letters//' }).images,
      'https://git.example.org/team/imr-letters/raw/HEAD/',
    );
    for (const repository of [undefined, {}, 'git@host:team/x.git', 'http://host/team/x', { url: 'https://host' }])
      assert.throws(() => linkBases({ repository }), /needs "repository"/);
    assert.match(linkBases(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).images, /^https:\/\//);
  });

  test('the README starts with the two commands that build and test it from source', () => {
    const commands = README.slice(0, README.indexOf('<!-- /from source -->'));
    assert.match(commands, /^# IMR Letters\n\n<!-- from source/);
    assert.match(commands, /^npm ci && npm run demo\b/m);
    assert.match(commands, /^npm ci && npm test\b/m);
  });

  test('the packaged README (the extension page) opens with what the extension does; the first section is for a user, and developer commands wait for CONTRIBUTING.md', () => {
    const page = packagedReadme(README);
    const opening = page.slice(0, page.indexOf('\n## '));
    assert.match(opening, /^# IMR Letters\n/);
    assert.doesNotMatch(opening, /\bnpm (ci|install|run|test)\b/);
    assert.doesNotMatch(opening, /```/);
    const sections = [...page.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    assert.equal(sections[0], 'Getting started');
    const gettingStarted = page.slice(
      page.indexOf('## Getting started'),
      page.indexOf('\n## ', page.indexOf('## Getting started') + 1),
    );
    assert.doesNotMatch(gettingStarted, /\bnpm\b/);
    assert.match(readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8'), /npm ci && npm test/);
  });
});

// ---------------------------------------------------------------------------------------------

/** A version as [major, minor, patch]; missing parts are undefined (a partial version is a range). */
type Version = [number, number | undefined, number | undefined];
const parse = (v: string): Version => {
  const [a, b, c] = v
    .replace(/^v/, '')
    .split('.')
    .map((p) => (p === undefined || p === 'x' || p === '*' ? undefined : Number(p)));
  return [a ?? 0, b, c];
};
const cmp = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const full = (v: Version, fill: number): number[] => [v[0], v[1] ?? fill, v[2] ?? fill];

/** Whether `version` satisfies an npm engines range (the forms the lockfile holds: ||, >=, >, <=, <, ^, ~, x-ranges, *). */
export function satisfies(version: string, range: string): boolean {
  const v = full(parse(version), 0);
  return range.split('||').some((alternative) => {
    const comparators = alternative
      .trim()
      .replace(/([<>]=?|[\^~])\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    return comparators.every((c) => {
      if (c === '*' || c === '') return true;
      const op = /^(>=|<=|>|<|\^|~|=)?/.exec(c)![0];
      const x = parse(c.slice(op.length));
      const low = full(x, 0);
      if (op === '>=') return cmp(v, low) >= 0;
      if (op === '<') return cmp(v, low) < 0;
      if (op === '>')
        return x[1] === undefined
          ? v[0] > x[0]
          : x[2] === undefined
            ? cmp(v, [x[0], x[1], Infinity]) > 0
            : cmp(v, low) > 0;
      if (op === '<=')
        return x[1] === undefined
          ? v[0] <= x[0]
          : x[2] === undefined
            ? v[0] < x[0] || (v[0] === x[0] && v[1] <= x[1])
            : cmp(v, low) <= 0;
      if (op === '^') return cmp(v, low) >= 0 && (x[0] > 0 ? v[0] === x[0] : v[0] === 0 && v[1] === (x[1] ?? v[1]));
      if (op === '~') return cmp(v, low) >= 0 && v[0] === x[0] && (x[1] === undefined || v[1] === x[1]);
      return v[0] === x[0] && (x[1] === undefined || v[1] === x[1]) && (x[2] === undefined || v[2] === x[2]);
    });
  });
}

/** The oldest Node 20 every dependency accepts (typescript-eslint's eslint-visitor-keys asks for 20.19.0, @vscode/vsce's undici for 20.18.1); CI runs the newest 20. */
const NODE_20 = '20.19.0';

describe('installing on Node 20', () => {
  test('the range reading used below', () => {
    assert.ok(
      satisfies('20.18.1', '>=20') &&
        satisfies('20.18.1', '>= 20') &&
        satisfies('20.18.1', '20 || >=22') &&
        satisfies('20.18.1', '^20.18.0 || >=22'),
    );
    assert.ok(
      !satisfies('20.18.1', '>=22') &&
        !satisfies('20.18.1', '>=20.19.0') &&
        !satisfies('20.18.1', '^18.0.0 || >=22') &&
        !satisfies('20.18.1', '18 || >=22'),
    );
    assert.ok(
      satisfies('20.18.1', '>=16 || 14 >=14.17') &&
        satisfies('20.18.1', '*') &&
        !satisfies('20.18.1', '>=0.6.11 <=0.7.0 || >=0.7.3 <20'),
    );
  });

  test(`every package npm ci installs accepts Node ${NODE_20} (no EBADENGINE warning), and the manifest says Node 20`, () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const refused = Object.entries(lock.packages)
      .map(
        ([path, p]) =>
          [path.replace(/^.*node_modules\//, ''), Array.isArray(p.engines) ? undefined : p.engines?.node] as const,
      )
      .filter(([, range]) => range !== undefined && !satisfies(NODE_20, range));
    assert.deepEqual(refused, []);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
      allowScripts?: Record<string, boolean>;
    };
    assert.ok(satisfies(NODE_20, manifest.engines.node), manifest.engines.node);
  });

  test('every dependency with an install script is approved or denied in allowScripts, so npm ci names none', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      allowScripts?: Record<string, boolean>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    assert.ok(withScripts.length > 0, 'esbuild has one');
    assert.deepEqual(
      withScripts.filter((name) => typeof manifest.allowScripts?.[name] !== 'boolean'),
      [],
    );
  });
});
