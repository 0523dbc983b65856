/**
 * A letter file's bytes as text. UTF-8 when they are UTF-8 (a byte order mark kept); otherwise each
 * run of valid UTF-8 is read as UTF-8 and every other byte as Windows-1252, which older extractions
 * use. A file pasted together from both keeps its accents and dashes either way, where reading it
 * all as one encoding garbles one half, and every byte still becomes one character: nothing lost.
 */
export function decodeLetter(bytes: Uint8Array): { text: string; utf8: boolean } {
  try {
    return { text: UTF8_STRICT.decode(bytes), utf8: true };
  } catch {
    return { text: mixed(bytes), utf8: false };
  }
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Windows-1252's 0x80-0x9F as the WHATWG Encoding Standard maps them (the five it leaves undefined
 * stay C1 controls); every other byte is the Latin-1 code point of its value. Written out because
 * Node 20's TextDecoder('windows-1252') decodes as Latin-1, turning curly quotes and dashes into
 * invisible control characters.
 */
const HIGH_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b >= 0x80 && b < 0xa0 ? HIGH_1252[b - 0x80] : String.fromCharCode(b);
  return text;
}

function mixed(bytes: Uint8Array): string {
  const parts: string[] = [];
  let run = 0; // where the current run of valid UTF-8 began
  let at = 0;
  while (at < bytes.length) {
    const length = sequenceAt(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    let end = at + 1;
    while (end < bytes.length && sequenceAt(bytes, end) === 0) end++;
    if (run < at) parts.push(UTF8.decode(bytes.subarray(run, at)));
    parts.push(windows1252(bytes.subarray(at, end)));
    run = at = end;
  }
  if (run < bytes.length) parts.push(UTF8.decode(bytes.subarray(run)));
  return parts.join('');
}

/** The length of the well-formed UTF-8 sequence starting at `at` (Unicode table 3-7), or 0. */
function sequenceAt(bytes: Uint8Array, at: number): number {
  const b = bytes[at];
  if (b < 0x80) return 1;
  const follows = (k: number, low = 0x80, high = 0xbf) =>
    at + k < bytes.length && bytes[at + k] >= low && bytes[at + k] <= high;
  if (b >= 0xc2 && b <= 0xdf) return follows(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = b === 0xe0 ? follows(1, 0xa0) : b === 0xed ? follows(1, 0x80, 0x9f) : follows(1);
    return second && follows(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = b === 0xf0 ? follows(1, 0x90) : b === 0xf4 ? follows(1, 0x80, 0x8f) : follows(1);
    return second && follows(2) && follows(3) ? 4 : 0;
  }
  return 0;
}
