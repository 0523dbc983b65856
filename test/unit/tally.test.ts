import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overturnRate, percent, tallyBy, tallyDecisions } from '../../server/src/precedents/tally';

test('tallyDecisions counts upheld and overturned in any letter case and keeps the rest in items', () => {
  assert.deepEqual(tallyDecisions(['Upheld', 'OVERTURNED', 'upheld', 'Uphled', '']), {
    items: 5,
    upheld: 2,
    overturned: 1,
  });
});

test('overturnRate gives the Wilson 95 % interval (2 of 10: 5.7 % to 51.0 %)', () => {
  const rate = overturnRate({ items: 10, upheld: 8, overturned: 2 });
  assert.ok(rate);
  assert.equal(rate.rate, 0.2);
  assert.equal(rate.low.toFixed(3), '0.057');
  assert.equal(rate.high.toFixed(3), '0.510');
  // No overturned item still has an upper bound above 0; nothing decided has no rate.
  assert.equal(overturnRate({ items: 4, upheld: 4, overturned: 0 })?.low, 0);
  assert.ok((overturnRate({ items: 4, upheld: 4, overturned: 0 })?.high ?? 0) > 0.4);
  assert.equal(overturnRate({ items: 3, upheld: 0, overturned: 0 }), undefined);
  assert.equal(percent(0.164), '16 %');
});

test('tallyBy counts a row once per distinct key, skips empty keys and sorts by size', () => {
  const rows = [
    { d: 'Upheld', g: ['MTUS', 'ODG', 'MTUS'] },
    { d: 'Overturned', g: ['ODG'] },
    { d: 'Upheld', g: [''] },
  ];
  assert.deepEqual(
    tallyBy(
      rows,
      (r) => r.g,
      (r) => r.d,
    ),
    [
      ['ODG', { items: 2, upheld: 1, overturned: 1 }],
      ['MTUS', { items: 1, upheld: 1, overturned: 0 }],
    ],
  );
});
