import type { Line } from './lines';

/**
 * Joins the content of wrapped lines into one string: spaces collapsed, and a word or number
 * split by a hyphen at a line end ("electro-" / "myography", "171-" / "171") joined back
 * with its hyphen kept.
 */
export function joinLines(lines: readonly Line[], firstColumn = -1, lastEnd = -1): string {
  // Pieces are gathered and joined once: growing and re-reading one string costs quadratic time.
  const parts: string[] = [];
  let last = ''; // the joined text's last two characters
  lines.forEach((line, i) => {
    if (line.blank) return;
    const from = i === 0 && firstColumn >= 0 ? Math.max(firstColumn, line.first) : line.first;
    const to = i === lines.length - 1 && lastEnd >= 0 ? Math.min(lastEnd, line.end) : line.end;
    const piece = line.text.slice(from, to).trim();
    if (!piece) return;
    const hyphenated = /[A-Za-z0-9]-$/.test(last) && /^[a-z0-9]/.test(piece);
    if (parts.length > 0 && !hyphenated) parts.push(' ');
    parts.push(piece);
    last = ((hyphenated ? last : ' ') + piece).slice(-2); // how the joined text ends
  });
  return collapse(parts.join(''));
}

export function collapse(text: string): string {
  return text.replace(/ {2,}/g, ' ').trim();
}
