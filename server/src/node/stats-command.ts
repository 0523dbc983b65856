import { type StatsRow, itemStats, printable, statsCsv, statsHtml, statsJson, statsText } from '../service';
import { textOutput } from './output';

/** What the command line gathered of one file for `imr-lint stats`: its item rows (as `export` makes them). */
export interface StatsInput {
  file: string;
  failed: boolean;
  rows?: StatsRow[];
}

export interface StatsOptions {
  paths: string[];
  format: string;
  bom: boolean;
  minItems: number;
  out?: string;
}

/**
 * Writes the report to --out (at once, replacing it) or stdout; names the paths that matched
 * nothing (`notFound`) with the unreadable files. Gives false when the report could not be written.
 */
export function writeStats(o: StatsOptions, inputs: StatsInput[], notFound: string[]): boolean {
  const read = inputs.filter((i) => !i.failed);
  const report = itemStats(
    read.flatMap((i) => i.rows ?? []),
    {
      inputs: o.paths,
      files: inputs.length,
      letters: read.filter((i) => i.rows?.length).length,
      unreadable: [...notFound, ...inputs.filter((i) => i.failed).map((i) => i.file)],
      noItems: read.filter((i) => !i.rows?.length).map((i) => i.file),
    },
    o.minItems,
  );
  const text =
    (o.bom ? '\ufeff' : '') +
    (o.format === 'csv'
      ? statsCsv(report)
      : o.format === 'json'
        ? statsJson(report)
        : o.format === 'html'
          ? statsHtml(report)
          : statsText(report));
  if (!o.out) {
    process.stdout.write(text);
    return true;
  }
  try {
    // Put in place whole, as every other --out of imr-lint.
    const output = textOutput(o.out);
    void output.write(text);
    output.finish();
    process.stderr.write(`imr-lint: written: ${printable(o.out)}\n`);
    return true;
  } catch {
    process.stderr.write(`imr-lint: cannot write ${printable(o.out)}\n`);
    return false;
  }
}
