// Checks the letter service's invariants (test/robustness/invariants.ts) on generated texts for as
// long as it is given, and saves every failing input, shrunk, as a regression fixture that
// `npm test` then checks for ever.
//   npm run fuzz -- [--minutes N] [--seed S]      (defaults: 5 minutes, a seed from the clock)
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkInvariants, texts } from '../test/robustness/invariants';
import { VALID_LETTER, realLetters, sampleLetters } from '../test/fixtures/letters';

const ROOT = join(__dirname, '..');
const REGRESSIONS = join(ROOT, 'test', 'robustness', 'regressions');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number`);
  return value;
}

/** The letters edits start from: the fixture, the samples, and the real letters where this checkout has them. */
function letters(): string[] {
  return [VALID_LETTER, ...sampleLetters(), ...realLetters()];
}

function main(): number {
  const minutes = option('minutes', 5);
  const seed = option('seed', Date.now() % 2 ** 31);
  const deadline = Date.now() + minutes * 60_000;
  const arbitrary = texts(letters());
  let runs = 0;
  let failures = 0;
  // One fast-check run per round, each with its own seed derived from the first, so any round can be replayed.
  for (let round = 0; Date.now() < deadline; round++) {
    const roundSeed = (seed + round * 7919) % 2 ** 31;
    const result = fc.check(fc.property(arbitrary, checkInvariants), {
      seed: roundSeed,
      numRuns: 2000,
      interruptAfterTimeLimit: Math.max(1, deadline - Date.now()),
      markInterruptAsFailure: false,
    });
    runs += result.numRuns;
    if (result.failed && result.counterexample) {
      failures++;
      const text = result.counterexample[0];
      const name = `${createHash('sha256').update(text).digest('hex').slice(0, 12)}.txt`;
      mkdirSync(REGRESSIONS, { recursive: true });
      writeFileSync(join(REGRESSIONS, name), text);
      const reason = result.errorInstance instanceof Error ? result.errorInstance.message.split('\n')[0] : 'failed';
      process.stderr.write(
        `round ${round} (seed ${roundSeed}): ${reason}\n  saved as test/robustness/regressions/${name}\n`,
      );
    }
    if (process.stderr.isTTY) process.stderr.write(`\r${runs} inputs, ${failures} failing`);
  }
  process.stdout.write(
    `${process.stderr.isTTY ? '\n' : ''}fuzz: seed ${seed}, ${minutes} minutes, ${runs} inputs checked, ${failures} failing\n`,
  );
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();
