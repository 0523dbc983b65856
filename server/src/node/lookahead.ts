/**
 * An iterable with its first items read ahead, so a run can be planned (threads or not, a total
 * for the progress line) before it starts, without listing every letter first. Iterated once.
 */
export class Lookahead<T> implements Iterable<T> {
  readonly head: T[] = [];
  /** Whether `head` is every item there is. */
  readonly complete: boolean;
  private readonly rest: Iterator<T>;

  constructor(items: Iterable<T>, most: number) {
    this.rest = items[Symbol.iterator]();
    for (;;) {
      if (this.head.length === most) {
        this.complete = false;
        break;
      }
      const next = this.rest.next();
      if (next.done) {
        this.complete = true;
        break;
      }
      this.head.push(next.value);
    }
  }

  *[Symbol.iterator](): Iterator<T> {
    yield* this.head;
    for (let next = this.rest.next(); !next.done; next = this.rest.next()) yield next.value;
  }
}
