/** Small helpers shared by the end-to-end runner. */

export type Log = (message: string) => void;

const START = Date.now();

/** Prints a progress line stamped with the seconds since the run started. */
export const log: Log = (message) =>
  console.log(`[${((Date.now() - START) / 1000).toFixed(1).padStart(5)}s] ${message}`);

/**
 * Polls `probe` until it returns something other than undefined/false, and returns that. This is
 * how the suite waits on things outside the page (an HTTP endpoint, a file, a process): it ends
 * as soon as the condition holds, and fails with `what` and the last value seen when it never does.
 */
export async function until<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs: number,
  last?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `; last seen: ${last()}` : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Collapses whitespace (including the editor's non-breaking spaces) to single spaces. */
export const squash = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
