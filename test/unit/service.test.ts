import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, createLetterService } from '../../server/src/service';
import { VALID_LETTER, edit, lineOf } from '../fixtures/letters';

describe('the letter service', () => {
  const service = createLetterService();
  const doc = TextDocument.create(
    'file:///letter.imr',
    'imr-letter',
    1,
    edit(VALID_LETTER, 'left: Upheld', 'left: Uphled'),
  );
  const cancelled = { isCancellationRequested: true };
  const citation = {
    line: lineOf(VALID_LETTER, 'Claims Administrator guideline: Decision based on MTUS Knee'),
    character: 55,
  };
  // Just after "Decision based on ", where guideline names are offered.
  const typing = { line: citation.line, character: 'Claims Administrator guideline: Decision based on '.length };
  const all = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };

  test('every document feature answers, and a cancelled request gets nothing (no work done for it)', () => {
    const s = { ...DEFAULT_SETTINGS, reflowOnFormat: true };
    const findings = service.diagnostics(doc, s);
    const answers = {
      diagnostics: [findings, service.diagnostics(doc, s, cancelled)],
      symbols: [service.symbols(doc, s)?.symbols, service.symbols(doc, s, cancelled)],
      folding: [service.folding(doc), service.folding(doc, cancelled)],
      hover: [service.hover(doc, citation, s), service.hover(doc, citation, s, cancelled)],
      links: [service.links(doc), service.links(doc, cancelled)],
      completion: [service.completion(doc, typing, s), service.completion(doc, typing, s, cancelled)],
      codeActions: [
        service.codeActions(doc, findings[0].range, { diagnostics: findings }, s, {
          snippets: false,
          versioned: false,
        }),
        service.codeActions(
          doc,
          findings[0].range,
          { diagnostics: findings },
          s,
          { snippets: false, versioned: false },
          cancelled,
        ),
      ],
      inlayHints: [service.inlayHints(doc, all, s), service.inlayHints(doc, all, s, cancelled)],
      codeLenses: [service.codeLenses(doc), service.codeLenses(doc, cancelled)],
    };
    for (const [name, [answered, whenCancelled]] of Object.entries(answers)) {
      assert.ok(answered && (!Array.isArray(answered) || answered.length > 0), `${name} answers`);
      assert.ok(
        whenCancelled === null || (Array.isArray(whenCancelled) && whenCancelled.length === 0),
        `${name} cancelled`,
      );
    }
    assert.equal(service.format(doc, s, cancelled), null);
  });
});
