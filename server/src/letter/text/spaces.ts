/**
 * White space helpers for the hot paths: tests by character code, and the usual collapsing
 * replaces skipped when they would change nothing (most text needs none, and each replace makes
 * a new string).
 */

const WHITE = /\s/;

/** Whether a UTF-16 code unit is white space as `\s` and String.prototype.trim see it. */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITE.test(String.fromCharCode(c)));
}

/** The first column at or after `from` that is not white space (the line's length if none is). */
export function skipSpaces(text: string, from: number): number {
  while (from < text.length && isSpace(text.charCodeAt(from))) from++;
  return from;
}

/** `text.replace(/ +/g, ' ')`. */
export function squeezeSpaces(text: string): string {
  return text.includes('  ') ? text.replace(/ +/g, ' ') : text;
}

const NEEDS_COLLAPSE = /\s\s|[^\S ]/; // two white spaces in a row, or one that is not a space

/** `text.replace(/\s+/g, ' ')`: each run of white space one space. */
export function collapseWhite(text: string): string {
  return NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** A label without its colon and the spaces before it ("Priority :" -> "Priority"); as it is when it has no colon. */
export function withoutColon(label: string): string {
  if (!label.endsWith(':')) return label;
  let end = label.length - 1;
  while (end > 0 && label.charCodeAt(end - 1) === 32) end--;
  return label.slice(0, end);
}
