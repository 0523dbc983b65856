import type { Diagnostic } from 'vscode-languageserver-types';
import { OutlineMemo } from './outline-memo';
import { type Catalog, DEFAULT_CATALOG } from '../guidelines/catalog';
import { FieldMemo } from './field-memo';
import type { Letter } from '../letter/model';
import { parseLetter } from '../letter/parse';
import { FindingMemo } from './finding-memo';

/**
 * Models of the documents used most recently. A model is several times its text's size, and
 * re-reading a letter is quick (docs/PERFORMANCE.md), so a thousand open letters keep only the
 * recent ones in memory.
 */
const MAX_MODELS = 64;

/** An open document's model, and what the next version can take back from it. */
export interface DocumentState {
  version: number;
  letter: Letter;
  /** The fields and item lines read (the parser's). */
  fields: FieldMemo;
  /** The findings per item (the rules'). */
  findings: FindingMemo;
  /** The item symbols (the outline's). */
  outline: OutlineMemo;
  /** The last diagnostics report pulled, to answer "unchanged" when the findings are the same (the server's). */
  report?: { resultId: string; items: Diagnostic[] };
}

/** One model per document version: every feature reads the same parse, and an edit re-reads only the fields and item lines it changed. */
export class DocumentCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  private readonly entries = new Map<string, DocumentState>();

  constructor(readonly catalog: Catalog = DEFAULT_CATALOG) {}

  get(uri: string, version: number, text: () => string): DocumentState {
    let entry = this.entries.get(uri);
    this.entries.delete(uri);
    if (!entry) {
      const fields = new FieldMemo();
      entry = {
        version,
        letter: parseLetter(text(), this.catalog, fields),
        fields,
        findings: new FindingMemo(fields),
        outline: new OutlineMemo(fields),
      };
    } else if (entry.version !== version) {
      entry = { ...entry, version, letter: parseLetter(text(), this.catalog, entry.fields) };
    }
    this.entries.set(uri, entry);
    if (this.entries.size > MAX_MODELS) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
