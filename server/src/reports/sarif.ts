import { RULES } from '../rules';
import type { Problem } from '../rules/rule';
import { pageOfLine } from '../pdf/reader';

const LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** Findings as SARIF 2.1.0, so code-scanning tools can show them. */
export function sarifLog(
  results: { file: string; problems: Problem[]; pages?: readonly number[] }[],
  version: string,
): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'imr-lint',
            version,
            informationUri: 'https://example.invalid/imr-letters',
            rules: RULES.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.why },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results: results.flatMap(({ file, problems, pages }) => sarifResults(file, problems, pages)),
      },
    ],
  };
}

/** One file's findings as SARIF results. */
export function sarifResults(file: string, problems: Problem[], pages?: readonly number[]): object[] {
  return problems.map((p) => ({
    ruleId: p.ruleId,
    ruleIndex: RULES.findIndex((r) => r.id === p.ruleId),
    level: LEVEL[p.severity],
    message: { text: p.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: file.split('\\').join('/') },
          // SARIF counts lines and columns from 1.
          region: {
            startLine: p.range.start.line + 1,
            startColumn: p.range.start.character + 1,
            endLine: p.range.end.line + 1,
            endColumn: p.range.end.character + 1,
          },
        },
      },
    ],
    // A PDF's: the page the line of its text came from (the region is in the text read from it).
    ...(pages ? { properties: { page: pageOfLine(pages, p.range.start.line) } } : {}),
  }));
}

/** How deep the results array sits in the log: its elements are laid out at this depth. */
export const SARIF_RESULTS_DEPTH = 4;

/**
 * The log's text around its results array (the run's last property), for writing the results as
 * they come: `before` ends where the array starts, `after` follows it.
 */
export function sarifFrame(version: string): { before: string; after: string } {
  const text = JSON.stringify(sarifLog([], version), null, 2) + '\n';
  const at = text.lastIndexOf('"results": []') + '"results": '.length;
  return { before: text.slice(0, at), after: text.slice(at + 2) };
}
