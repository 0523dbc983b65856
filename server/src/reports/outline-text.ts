import type { DocumentSymbol } from 'vscode-languageserver-types';

/** The outline as indented plain text, one symbol a line: `name  — detail  (line N)`. */
export function outlineText(symbols: DocumentSymbol[], indent = ''): string {
  return symbols
    .map((s) => {
      const detail = s.detail ? `  — ${s.detail}` : '';
      const line = `${indent}${s.name}${detail}  (line ${s.selectionRange.start.line + 1})\n`;
      return line + outlineText(s.children ?? [], indent + '  ');
    })
    .join('');
}
