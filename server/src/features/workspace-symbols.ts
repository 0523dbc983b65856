import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import { headerField } from '../letter/header';
import type { Letter } from '../letter/model';

/** What a letter offers workspace symbol search: its case number, its items with their decisions, its annotations. */
export function letterSymbols(letter: Letter, uri: string): WorkspaceSymbol[] {
  const caseNumber = headerField(letter.header, 'caseNumber')?.value;
  const container = caseNumber?.text ?? uri.replace(/^.*\//, '');
  const out: WorkspaceSymbol[] = [];
  if (caseNumber)
    out.push({
      name: caseNumber.text,
      kind: SymbolKind.Namespace,
      location: { uri, range: caseNumber.range },
      containerName: 'case number',
    });
  for (const item of letter.items) {
    out.push({
      name: `${item.name}: ${item.decision?.value ?? 'no decision'}`,
      kind: SymbolKind.Event,
      location: { uri, range: item.title.text ? item.title.range : item.range },
      containerName: container,
    });
  }
  for (const a of letter.annotations.filter((x) => x.closed)) {
    out.push({
      name: `${a.kind ?? a.form}: ${a.note || a.proposed || a.quote || ''}`.slice(0, 120),
      kind: SymbolKind.String,
      location: { uri, range: a.range },
      containerName: container,
    });
  }
  return out;
}

/** Symbols whose name holds every character of the query in order (as editors filter), case-insensitive. */
export function matches(query: string, name: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let at = 0;
  for (const c of q) {
    at = n.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
