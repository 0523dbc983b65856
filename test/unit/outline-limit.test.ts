import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { limitOutline } from '../../server/src/features/outline-limit';
import { documentSymbols } from '../../server/src/features/symbols';
import { parseLetter } from '../../server/src/letter/parse';
import { VALID_LETTER } from '../fixtures/letters';

const count = (symbols: DocumentSymbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
const depth = (symbols: DocumentSymbol[]): number =>
  symbols.reduce((d, s) => Math.max(d, 1 + depth(s.children ?? [])), 0);
/** Names level by level: what a cut keeps is a prefix of this, level for level. */
const levels = (symbols: DocumentSymbol[]): string[][] => {
  const out: string[][] = [];
  for (let level = symbols; level.length > 0; level = level.flatMap((s) => s.children ?? []))
    out.push(level.map((s) => s.name));
  return out;
};

/** The items block of VALID_LETTER repeated: a letter of many items, as a batch export makes. */
function manyItems(copies: number): string {
  const at = VALID_LETTER.indexOf('Hinged knee brace, left: Upheld');
  const items = VALID_LETTER.slice(at);
  return (
    VALID_LETTER.slice(0, at) +
    Array.from({ length: copies }, (_, n) =>
      items.replace(/Hinged knee brace, left/g, `Hinged knee brace, left ${n}`),
    ).join('\n')
  );
}

describe('outline limit', () => {
  test('a letter of many items keeps its sections and items and loses their fields and citations', () => {
    const full = documentSymbols(parseLetter(manyItems(300)));
    const before = JSON.stringify(full);
    const cut = limitOutline(full, 1000);
    assert.equal(cut.total, count(full));
    assert.ok(cut.total > 1000, `the letter has ${cut.total} symbols`);
    assert.equal(cut.shown, count(cut.symbols));
    assert.ok(cut.shown <= 1000);
    assert.deepEqual(levels(cut.symbols), levels(full).slice(0, depth(cut.symbols)));
    const items = cut.symbols.flatMap((s) => s.children ?? []).filter((s) => s.kind === SymbolKind.Event);
    assert.ok(items.length >= 300, `${items.length} items kept`);
    assert.ok(
      items.every((i) => i.children === undefined),
      'items keep no fields',
    );
    assert.equal(JSON.stringify(full), before, 'the full outline is not changed');
  });

  test('an outline within the limit, or with no limit (0), is returned as it is', () => {
    const full = documentSymbols(parseLetter(VALID_LETTER));
    assert.equal(limitOutline(full, count(full)).symbols, full);
    assert.equal(limitOutline(full, 0).symbols, full);
    assert.equal(limitOutline(full, 0).shown, count(full));
  });

  test('whole levels are kept: one symbol short of a level drops all of it', () => {
    const full = documentSymbols(parseLetter(VALID_LETTER));
    const [top, second] = levels(full).map((l) => l.length);
    assert.equal(count(limitOutline(full, top + second).symbols), top + second);
    assert.deepEqual(
      limitOutline(full, top + second - 1).symbols.map((s) => s.children),
      full.map(() => undefined),
    );
  });

  test('a top level longer than the limit keeps its first symbols, childless', () => {
    const full = documentSymbols(parseLetter(VALID_LETTER));
    const cut = limitOutline(full, 2);
    assert.deepEqual(
      cut.symbols.map((s) => [s.name, s.children]),
      full.slice(0, 2).map((s) => [s.name, undefined]),
    );
    assert.equal(cut.shown, 2);
  });

  test('for any outline and limit: at most the limit, whole levels, and the next level would not have fit', () => {
    const tree: fc.Memo<DocumentSymbol[]> = fc.memo((n) =>
      fc
        .array(
          fc.record({
            name: fc.string({ minLength: 1, maxLength: 3 }),
            children: n > 1 ? fc.option(tree(n - 1), { nil: undefined }) : fc.constant(undefined),
          }),
          { maxLength: 4 },
        )
        .map((xs) =>
          xs.map((x) => ({
            name: x.name,
            kind: SymbolKind.Field,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            children: x.children?.length ? x.children : undefined,
          })),
        ),
    );
    fc.assert(
      fc.property(tree(4), fc.integer({ min: 0, max: 40 }), (symbols, max) => {
        const cut = limitOutline(symbols, max);
        const all = levels(symbols);
        const kept = levels(cut.symbols);
        assert.equal(cut.total, count(symbols));
        assert.equal(cut.shown, count(cut.symbols));
        if (max === 0 || cut.total <= max) return assert.equal(cut.symbols, symbols);
        assert.ok(cut.shown <= max);
        if (all[0].length > max) return assert.deepEqual(kept, [all[0].slice(0, max)]);
        assert.deepEqual(kept, all.slice(0, kept.length));
        assert.ok(cut.shown + all[kept.length].length > max, 'the next level would have fit');
      }),
      { numRuns: 1000, seed: 5000 },
    );
  });
});
