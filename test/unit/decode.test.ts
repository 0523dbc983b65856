import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decodeLetter } from '../../server/src/letter/text/decode';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))));

/** Windows-1252 where it differs from Latin-1 (from the WHATWG Encoding Standard's index-windows-1252). */
const WINDOWS_1252 = new Map<number, string>([
  [0x80, '\u20ac'],
  [0x82, '\u201a'],
  [0x83, '\u0192'],
  [0x84, '\u201e'],
  [0x85, '\u2026'],
  [0x86, '\u2020'],
  [0x87, '\u2021'],
  [0x88, '\u02c6'],
  [0x89, '\u2030'],
  [0x8a, '\u0160'],
  [0x8b, '\u2039'],
  [0x8c, '\u0152'],
  [0x8e, '\u017d'],
  [0x91, '\u2018'],
  [0x92, '\u2019'],
  [0x93, '\u201c'],
  [0x94, '\u201d'],
  [0x95, '\u2022'],
  [0x96, '\u2013'],
  [0x97, '\u2014'],
  [0x98, '\u02dc'],
  [0x99, '\u2122'],
  [0x9a, '\u0161'],
  [0x9b, '\u203a'],
  [0x9c, '\u0153'],
  [0x9e, '\u017e'],
  [0x9f, '\u0178'],
]);

/** The reference: at each byte, the shortest run the platform's strict decoder reads as one character, else the byte in Windows-1252. */
function byteByByte(input: Uint8Array): string {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let text = '';
  for (let at = 0; at < input.length;) {
    let read: string | undefined;
    for (let length = 1; length <= 4 && read === undefined && at + length <= input.length; length++) {
      try {
        const one = strict.decode(input.subarray(at, at + length));
        if ([...one].length === 1) [read, at] = [one, at + length];
      } catch {
        // not a whole sequence of this length
      }
    }
    if (read === undefined) [read, at] = [WINDOWS_1252.get(input[at]) ?? String.fromCharCode(input[at]), at + 1];
    text += read;
  }
  return text;
}

describe('decoding a letter file', () => {
  test('UTF-8 is read as UTF-8, its byte order mark kept', () => {
    assert.deepEqual(decodeLetter(utf8('\ufeffCase Number: CM16-0187342 \u2014 caf\u00e9 \u00a79792.24.2\n')), {
      text: '\ufeffCase Number: CM16-0187342 \u2014 caf\u00e9 \u00a79792.24.2\n',
      utf8: true,
    });
  });

  test('Windows-1252 is read as Windows-1252: accents, curly quotes and dashes', () => {
    // caf<e9> <93>quoted<94> <97> <a7>9792
    const r = decodeLetter(bytes('caf', [0xe9], ' ', [0x93], 'quoted', [0x94], ' ', [0x97], ' ', [0xa7], '9792'));
    assert.deepEqual(r, { text: 'caf\u00e9 \u201cquoted\u201d \u2014 \u00a79792', utf8: false });
  });

  test('a file pasted together from both: each part read in its own encoding', () => {
    const r = decodeLetter(
      bytes('Decision rationale \u2014 caf\u00e9; ', [0xe9, 0x74, 0xe9], ' \u00a7 ', [0x96], ' end'),
    );
    assert.deepEqual(r, { text: 'Decision rationale \u2014 caf\u00e9; \u00e9t\u00e9 \u00a7 \u2013 end', utf8: false });
  });

  test('ill-formed sequences give one character per byte: overlong, surrogate, cut short, out of range', () => {
    for (const bad of [
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x80],
      [0xf0, 0x80, 0x80, 0x80],
      [0xf5, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      const r = decodeLetter(bytes('a', bad, 'b'));
      assert.equal(r.utf8, false);
      assert.equal(r.text.length, bad.length + 2, `${bad.map((b) => b.toString(16))}`);
      assert.ok(r.text.startsWith('a') && r.text.endsWith('b'));
    }
  });

  test('any bytes: never throws; valid UTF-8 reads as UTF-8 does; otherwise as the byte-by-byte reference does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        const r = decodeLetter(input);
        const strict = (() => {
          try {
            return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
          } catch {
            return undefined;
          }
        })();
        if (strict !== undefined) assert.deepEqual(r, { text: strict, utf8: true });
        else assert.deepEqual(r, { text: byteByByte(input), utf8: false });
      }),
      { numRuns: 2000 },
    );
  });
});
