import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LetterCache } from '../../server/src/letter/cache';
import { VALID_LETTER } from '../fixtures/letters';

describe('the model cache', () => {
  test('one parse per document version; a new version is parsed again', () => {
    const cache = new LetterCache();
    let reads = 0;
    const text = () => (reads++, VALID_LETTER);
    const first = cache.get('file:///a.imr', 1, text);
    assert.equal(cache.get('file:///a.imr', 1, text), first);
    assert.notEqual(cache.get('file:///a.imr', 2, text), first);
    assert.equal(reads, 2);
  });

  test('keeps the most recently used models and lets the others go', () => {
    const cache = new LetterCache();
    const kept = cache.get('file:///kept.imr', 1, () => VALID_LETTER);
    const dropped = cache.get('file:///dropped.imr', 1, () => VALID_LETTER);
    for (let i = 0; i < 200; i++) {
      cache.get(`file:///other-${i}.imr`, 1, () => VALID_LETTER);
      cache.get('file:///kept.imr', 1, () => VALID_LETTER); // in use all along
    }
    assert.equal(cache.get('file:///kept.imr', 1, () => VALID_LETTER), kept);
    assert.notEqual(cache.get('file:///dropped.imr', 1, () => VALID_LETTER), dropped, 'parsed again after it was let go');
  });
});
