import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DocumentCache } from '../../server/src/incremental/document-cache';
import { VALID_LETTER } from '../fixtures/letters';

describe('the document cache', () => {
  test('one parse per document version; a new version is parsed again', () => {
    const cache = new DocumentCache();
    let reads = 0;
    const text = () => (reads++, VALID_LETTER);
    const first = cache.get('file:///a.imr', 1, text).letter;
    assert.equal(cache.get('file:///a.imr', 1, text).letter, first);
    assert.notEqual(cache.get('file:///a.imr', 2, text).letter, first);
    assert.equal(reads, 2);
  });

  test('keeps the most recently used models and lets the others go', () => {
    const cache = new DocumentCache();
    const kept = cache.get('file:///kept.imr', 1, () => VALID_LETTER).letter;
    const dropped = cache.get('file:///dropped.imr', 1, () => VALID_LETTER).letter;
    for (let i = 0; i < 200; i++) {
      cache.get(`file:///other-${i}.imr`, 1, () => VALID_LETTER);
      cache.get('file:///kept.imr', 1, () => VALID_LETTER); // in use all along
    }
    assert.equal(cache.get('file:///kept.imr', 1, () => VALID_LETTER).letter, kept);
    assert.notEqual(
      cache.get('file:///dropped.imr', 1, () => VALID_LETTER).letter,
      dropped,
      'parsed again after it was let go',
    );
  });

  test("a document's memos go from version to version, and with its model when it is let go", () => {
    const cache = new DocumentCache();
    const first = cache.get('file:///a.imr', 1, () => VALID_LETTER);
    const next = cache.get('file:///a.imr', 2, () => VALID_LETTER.replace('Upheld', 'Overturned'));
    assert.notEqual(next.letter, first.letter);
    assert.equal(next.fields, first.fields);
    assert.equal(next.findings, first.findings);
    assert.equal(next.outline, first.outline);
    cache.delete('file:///a.imr');
    const reopened = cache.get('file:///a.imr', 1, () => VALID_LETTER);
    assert.notEqual(reopened.findings, first.findings);
    assert.notEqual(reopened.outline, first.outline);
  });
});
