import {
  StatsCounter,
  type StatsReport,
  type StatsRow,
  printable,
  statsCsv,
  statsHtml,
  statsJson,
  statsText,
} from '../service';
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

/** What imr-lint stats has counted so far: the rows of every letter read, and the files that gave none. */
export class StatsTally {
  private readonly counter = new StatsCounter();
  private files = 0;
  private letters = 0;
  /** Files that could not be read. */
  readonly unreadable: string[] = [];
  /** Files read that held no disputed item. */
  readonly noItems: string[] = [];

  add(input: StatsInput): void {
    this.files++;
    if (input.failed) this.unreadable.push(input.file);
    else if (!input.rows?.length) this.noItems.push(input.file);
    else {
      this.letters++;
      for (const row of input.rows) this.counter.add(row);
    }
  }

  /** The report, naming the paths that matched nothing (`notFound`) with the unreadable files. */
  report(o: StatsOptions, notFound: string[]): StatsReport {
    const sources = {
      inputs: o.paths,
      files: this.files,
      letters: this.letters,
      unreadable: [...notFound, ...this.unreadable],
      noItems: this.noItems,
    };
    return this.counter.report(sources, o.minItems);
  }
}

/** Writes the report to --out (at once, replacing it) or stdout. Gives false when it could not be written. */
export function writeStats(o: StatsOptions, report: StatsReport): boolean {
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
