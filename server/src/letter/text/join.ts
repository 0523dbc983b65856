import { isSpace, squeezeSpaces } from './spaces';
import type { LetterText } from './letter-text';

/**
 * Joins the content of wrapped lines `first`..`last` into one string: spaces collapsed, and a
 * word or number split by a hyphen at a line end ("electro-" / "myography", "171-" / "171")
 * joined back with its hyphen kept. `firstColumn` and `lastEnd` cut the first and last line.
 */
export function joinLines(text: LetterText, first: number, last: number, firstColumn = -1, lastEnd = -1): string {
  // Pieces are gathered and joined once: growing and re-reading one string costs quadratic time.
  const parts: string[] = [];
  let split = false; // whether the joined text ends with a letter or digit and a hyphen
  for (let i = first; i <= last; i++) {
    const line = text.lines[i];
    if (line.blank) continue;
    let from = i === first && firstColumn >= 0 ? Math.max(firstColumn, line.first) : line.first;
    let to = i === last && lastEnd >= 0 ? Math.min(lastEnd, line.end) : line.end;
    while (from < to && isSpace(line.text.charCodeAt(from))) from++;
    while (to > from && isSpace(line.text.charCodeAt(to - 1))) to--;
    if (from >= to) continue;
    const hyphenated = split && isLowerOrDigit(line.text.charCodeAt(from));
    if (parts.length > 0 && !hyphenated) parts.push(' ');
    parts.push(line.text.slice(from, to));
    split = to - from >= 2 && line.text.charCodeAt(to - 1) === 45 && isLetterOrDigit(line.text.charCodeAt(to - 2));
  }
  const joined = parts.join('');
  return squeezeSpaces(joined); // the pieces are trimmed: only runs of spaces inside them remain
}

export function collapse(text: string): string {
  return squeezeSpaces(text).trim();
}

function isLowerOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function isLetterOrDigit(c: number): boolean {
  return isLowerOrDigit(c) || (c >= 65 && c <= 90);
}
