import { AtomicFile } from './write-file';

/** Where a run's text goes: standard output, or a file put in place whole when the run is done. */
export interface TextOutput {
  /** Resolves when more may be written: standard output's buffer has drained, if it was full. */
  write(text: string): void | Promise<void>;
  finish(): void;
  abort(): void;
}

export function textOutput(path: string | undefined): TextOutput {
  if (path !== undefined) {
    const file = new AtomicFile(path);
    return { write: (text) => file.write(text), finish: () => file.commit(), abort: () => file.abort() };
  }
  return {
    // A full pipe (a slow reader) makes write() return false: wait for it to drain rather than
    // holding the rest of the run in memory. A closed pipe ends the process (see the EPIPE handler).
    write: (text) =>
      text === '' || process.stdout.write(text)
        ? undefined
        : new Promise<void>((resolve) => process.stdout.once('drain', resolve)),
    finish: () => undefined,
    abort: () => undefined,
  };
}
