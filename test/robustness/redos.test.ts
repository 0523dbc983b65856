import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { checkSync } from 'recheck';
import ts from 'typescript';

// Every regular expression in the server runs on letter text a stranger wrote: each must match in
// time linear in its input. recheck (a ReDoS checker) judges every literal; one it calls unsafe
// fails here unless listed below with the reason it is bounded. A RegExp built at run time is
// listed too, with its reason, since no checker can read it.
const SRC = join(__dirname, '..', '..', 'server', 'src');

/** Regular expressions recheck cannot prove safe, and why each is bounded anyway: file, the start of the pattern as written, the reason. */
const BOUNDED: { file: string; starts: string; why: string }[] = [
  {
    file: 'letter/text/lines.ts',
    starts: '`[${FURNITURE_CHARACTERS}]`',
    why: 'a character class of a constant list of characters: one step per character',
  },
  {
    file: 'letter/summary.ts',
    starts: '`\\\\b(?:industrial',
    why: 'starts at a literal word; each white-space run stands between literal words; DATE_PATTERN has only bounded digit counts',
  },
  {
    file: 'letter/summary.ts',
    starts: '`^(?:on\\\\s+)?${DATE_PATTERN}$`',
    why: 'anchored at both ends and run on one short list piece; DATE_PATTERN has only bounded digit counts',
  },
];

interface Found {
  file: string;
  line: number;
  text: string;
  dynamic: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

function regexes(): Found[] {
  const found: Found[] = [];
  for (const path of sources(SRC)) {
    const file = relative(SRC, path);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      if (ts.isRegularExpressionLiteral(node)) found.push({ file, line, text: node.text, dynamic: false });
      else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp')
        found.push({ file, line, text: node.arguments?.[0]?.getText() ?? '', dynamic: true });
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('regular expressions', () => {
  const all = regexes();
  const listed = (r: Found) => BOUNDED.find((b) => b.file === r.file && r.text.startsWith(b.starts));

  test('every regular expression in server/src is judged linear by recheck, or listed with the reason it is bounded', () => {
    assert.ok(all.length > 100, `the literals were found (${all.length})`);
    const unsafe: string[] = [];
    for (const r of all) {
      if (listed(r)) continue;
      if (r.dynamic) {
        unsafe.push(`${r.file}:${r.line} builds a RegExp at run time: list it with its reason`);
        continue;
      }
      const slash = r.text.lastIndexOf('/');
      // A fixed seed, so the checker's fuzzing tries the same strings every run; a busy machine
      // may run out of time, so a timeout is tried once more with longer.
      const judge = (timeout: number) =>
        checkSync(r.text.slice(1, slash), r.text.slice(slash + 1), { timeout, randomSeed: 1203 });
      let verdict = judge(10_000);
      if (verdict.status === 'unknown') verdict = judge(60_000);
      if (verdict.status !== 'safe')
        unsafe.push(
          `${r.file}:${r.line} ${verdict.status}${verdict.status === 'vulnerable' ? ` (${verdict.complexity.type})` : ''}: ${r.text}`,
        );
    }
    assert.deepEqual(unsafe, []);
  });

  test('every entry of the list still names a regular expression (none is stale)', () => {
    for (const b of BOUNDED)
      assert.ok(
        all.some((r) => r.file === b.file && r.text.startsWith(b.starts)),
        `${b.file}: ${b.starts}`,
      );
  });

  test('the checker is not vacuous: a catastrophic and a polynomial pattern are caught', () => {
    assert.equal(checkSync('^(a+)+$', '').status, 'vulnerable');
    assert.equal(checkSync('\\s*,?\\s*and\\s+', '').status, 'vulnerable');
  });
});
