import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { type IGrammar, INITIAL, Registry, parseRawGrammar } from 'vscode-textmate';
import { VALID_LETTER } from '../fixtures/letters';

const ROOT = join(__dirname, '..', '..');
const LETTERS = join(ROOT, '..', 'shared', 'imr-letters');

/** Loads the grammar the way VS Code does: from package.json's contributes.grammars. */
async function loadGrammar(): Promise<IGrammar> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const contributed = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'imr-letter');
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === contributed.scopeName ? parseRawGrammar(readFileSync(join(ROOT, contributed.path), 'utf8'), contributed.path) : null),
  });
  return (await registry.loadGrammar(contributed.scopeName))!;
}

/** Each line's tokens as [text, scopes]. */
function tokenize(grammar: IGrammar, text: string): [string, string[]][][] {
  let state = INITIAL;
  return text.split(/\r\n|\r|\n/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes]);
  });
}

/** The scopes of the first token on the line that holds exactly `text`. */
function scopesOf(lines: [string, string[]][][], text: string): string[] {
  for (const line of lines) for (const [t, scopes] of line) if (t === text) return scopes;
  throw new Error(`no token ${JSON.stringify(text)}`);
}

describe('TextMate grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  test('headings, header labels and values, field labels, decisions', () => {
    const lines = tokenize(grammar, VALID_LETTER);
    for (const heading of ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']) assert.ok(scopesOf(lines, heading).some((s) => s.startsWith('markup.heading.imr-letter')), heading);
    assert.ok(scopesOf(lines, 'Case Number:').includes('keyword.other.label.header.imr-letter'));
    assert.ok(scopesOf(lines, 'Date of Injury:').includes('keyword.other.label.header.imr-letter'));
    assert.ok(scopesOf(lines, 'CM16-0123456').includes('constant.other.case-number.imr-letter'));
    assert.ok(scopesOf(lines, '09/13/2016').includes('constant.numeric.date.imr-letter'));
    assert.ok(scopesOf(lines, 'MAXIMUS guideline:').includes('keyword.other.label.field.imr-letter'));
    assert.ok(scopesOf(lines, 'State(s) of Licensure:').includes('keyword.other.label.field.imr-letter'));
    assert.ok(scopesOf(lines, 'Upheld').includes('markup.deleted.decision.upheld.imr-letter'));
    assert.ok(scopesOf(lines, 'Overturned').includes('markup.inserted.decision.overturned.imr-letter'));
  });

  test('a heading after a form feed, CRLF lines, and "Upheld" in prose is not a decision', () => {
    const lines = tokenize(grammar, '\f                      IMR ISSUES, DECISIONS AND RATIONALES\r\nThe UR denial was Upheld by the reviewer.\r\nMRI: Upheld\r\n');
    assert.ok(scopesOf(lines, 'IMR ISSUES, DECISIONS AND RATIONALES').some((s) => s.startsWith('markup.heading')));
    assert.ok(lines[1].every(([, scopes]) => !scopes.some((s) => s.includes('decision'))));
    assert.ok(lines[2].some(([t, scopes]) => t === 'Upheld' && scopes.includes('markup.deleted.decision.upheld.imr-letter')));
  });

  test('annotations are scoped, each kind distinguishable', () => {
    const lines = tokenize(grammar, 'MRI: Upheld {>>appeal-fact: never requested<<} {>>todo: call<<} {>>question: why?<<} {==text==}{>>note: x<<} {++add++} {--del--} {~~a~>b~~}');
    const scopesOf = (text: string) => lines[0].find(([t]) => t === text)![1];
    assert.ok(scopesOf('appeal-fact').includes('keyword.control.annotation.appeal.imr-letter'));
    assert.ok(scopesOf('todo').includes('constant.language.annotation.todo.imr-letter'));
    assert.ok(scopesOf('question').includes('storage.type.annotation.question.imr-letter'));
    assert.ok(scopesOf('note').includes('entity.name.tag.annotation.note.imr-letter'));
    assert.ok(scopesOf('appeal-fact').includes('comment.block.annotation.imr-letter'));
    for (const [text, scope] of [['text', 'markup.highlight'], ['add', 'markup.inserted'], ['del', 'markup.deleted'], ['a~>b', 'markup.changed']]) {
      assert.ok(lines[0].some(([t, s]) => t.includes(text) && s.some((x) => x.startsWith(scope))), text);
    }
  });

  test('every decision and heading of the real letters gets its scope', { skip: existsSync(LETTERS) ? false : `no real letters at ${LETTERS}` }, () => {
    let decisions = 0;
    for (const file of readdirSync(LETTERS).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(LETTERS, file), 'utf8');
      tokenize(grammar, text).forEach((tokens, i) => {
        const line = tokens.map(([t]) => t).join('');
        // An item line ends with its decision, or the decision wrapped onto a line of its own.
        const decision = /(?::|^)\s*(Upheld|Overturned)\s*$/.exec(line)?.[1];
        if (decision) {
          decisions++;
          assert.ok(tokens.some(([t, s]) => t === decision && s.some((x) => x.startsWith(`markup.${decision === 'Upheld' ? 'deleted' : 'inserted'}.decision`))), `${file}:${i + 1}`);
        }
        if (/^[\s\f]*(HOW THE IMR FINAL DETERMINATION WAS MADE|CLINICAL CASE SUMMARY|IMR ISSUES, DECISIONS AND RATIONALES)\s*$/.test(line)) {
          assert.ok(tokens.some(([, s]) => s.some((x) => x.startsWith('markup.heading'))), `${file}:${i + 1}`);
        }
      });
    }
    assert.equal(decisions, 27, 'the real letters hold 27 decisions');
  });
});
