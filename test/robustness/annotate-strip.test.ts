import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, createLetterService } from '../../server/src/service';
import { VALID_LETTER, realLetters, sampleLetters } from '../fixtures/letters';

// Whatever a reader does with the annotation commands (annotate a selection, annotate a finding,
// resolve or reject), the clean copy is the letter as it was, and no annotation nests in another.
const LETTERS = [VALID_LETTER, ...sampleLetters().filter((t) => !t.includes('{')), ...realLetters()];
const EDITS = { snippets: false, versioned: false };

function apply(doc: TextDocument, action: CodeAction | undefined): TextDocument {
  const changes = action?.edit?.changes?.[doc.uri] as TextEdit[] | undefined;
  return changes
    ? TextDocument.create(doc.uri, 'imr-letter', doc.version + 1, TextDocument.applyEdits(doc, changes))
    : doc;
}

describe('annotating and stripping', () => {
  test('random sequences of annotate-selection, annotate-finding and resolve on every letter: the clean copy is the letter, nothing nests', () => {
    const step = fc.record({
      op: fc.constantFrom('select', 'finding', 'resolve'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.nat(60),
      pick: fc.nat(20),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...LETTERS.keys()),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        (which, steps) => {
          const service = createLetterService();
          const original = LETTERS[which];
          let doc = TextDocument.create('file:///letter.imr', 'imr-letter', 1, original);
          for (const { op, at, length, pick } of steps) {
            const text = doc.getText();
            const from = Math.floor(at * text.length);
            const range = { start: doc.positionAt(from), end: doc.positionAt(from + (op === 'select' ? length : 0)) };
            const diagnostics = op === 'finding' ? service.diagnostics(doc, DEFAULT_SETTINGS) : [];
            const request = { diagnostics: diagnostics.length > 0 ? [diagnostics[pick % diagnostics.length]] : [] };
            const actions = service.codeActions(doc, range, request, DEFAULT_SETTINGS, EDITS);
            const wanted = actions.filter((a) =>
              op === 'select'
                ? a.title.startsWith('Annotate selection')
                : op === 'finding'
                  ? a.title === 'Annotate this finding'
                  : /^(Resolve|Reject)/.test(a.title),
            );
            doc = apply(doc, wanted[pick % Math.max(wanted.length, 1)]);
            assert.equal(service.cleanText(doc), original, `after ${op}`);
            const nested = service
              .diagnostics(doc, DEFAULT_SETTINGS)
              .filter((d) => d.code === 'annotation.nested' || d.code === 'annotation.unclosed');
            assert.deepEqual(nested, [], `after ${op}`);
          }
        },
      ),
      { numRuns: 300, seed: 1203 },
    );
  });

  test('an annotation written by hand inside a highlight is reported, and the clean copy holds no markup of it', () => {
    const service = createLetterService();
    const typo = VALID_LETTER.replace('left: Upheld', 'left: Uphled');
    const nested = typo.replace('left: Uphled', 'left: {==Uph{>>note: item.invalid-decision<<}led==}');
    const doc = TextDocument.create('file:///nested.imr', 'imr-letter', 1, nested);
    assert.equal(service.cleanText(doc), typo);
    assert.ok(service.diagnostics(doc, DEFAULT_SETTINGS).some((d) => d.code === 'annotation.nested'));
  });

  test('Annotate this finding on a line that ends inside a highlight puts the note after the highlight', () => {
    const service = createLetterService();
    // The highlight runs on past the line's end, over the blank line after it.
    const highlighted = VALID_LETTER.replace('left: Upheld\n\n', 'left: {==Uphled\n\n==}');
    const doc = TextDocument.create('file:///highlight.imr', 'imr-letter', 1, highlighted);
    const finding = service.diagnostics(doc, DEFAULT_SETTINGS).find((d) => d.code === 'item.invalid-decision');
    assert.ok(finding, 'the misspelt decision is found inside the highlight');
    const action = service
      .codeActions(doc, finding.range, { diagnostics: [finding] }, DEFAULT_SETTINGS, EDITS)
      .find((a) => a.title === 'Annotate this finding');
    const after = apply(doc, action).getText();
    assert.match(after, /left: \{==Uphled\n\n==\}\{>>note: item\.invalid-decision: [^\n]*<<\}/);
    assert.equal(
      service.cleanText(TextDocument.create('file:///x.imr', 'imr-letter', 1, after)),
      VALID_LETTER.replace('left: Upheld', 'left: Uphled'),
    );
  });
});
