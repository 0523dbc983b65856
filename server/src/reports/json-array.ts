/**
 * A JSON array written element by element, laid out exactly as JSON.stringify(whole, null, 2)
 * lays it out, so a long run's output needs no letter kept until the end. Elements are laid out
 * where they are made (in the worker threads), the array's brackets and commas where it is written.
 */

/** A value laid out as an element of an array nested `depth` levels deep in a JSON.stringify(…, null, 2) text. */
export function jsonElement(value: unknown, depth: number): string {
  // JSON text has no line breaks inside its strings, so every line is one of its own.
  return JSON.stringify(value, null, 2).replace(/^/gm, '  '.repeat(depth));
}

/** The text of one array, `depth` levels deep, as its elements come in. */
export class JsonArrayText {
  private count = 0;

  constructor(private readonly depth: number) {}

  /** The text that adds these elements (laid out by jsonElement, joined by ',\n'); '' adds nothing. */
  add(elements: string): string {
    if (elements === '') return '';
    return (this.count++ === 0 ? '[\n' : ',\n') + elements;
  }

  /** The text that ends the array: `[]` when nothing was added. */
  close(): string {
    return this.count === 0 ? '[]' : `\n${'  '.repeat(this.depth - 1)}]`;
  }
}
