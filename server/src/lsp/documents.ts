import { TextDocuments } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { isRange } from './params';

/**
 * The open documents, as the client sends them; a malformed open or change (a text that is not a
 * string, a range that is not one) is taken as empty or left out, so one bad message cannot break
 * every later request on the document, or workspace symbols for all of them.
 */
export function openDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments({
    create: (uri, languageId, version, content) =>
      TextDocument.create(uri, languageId, version, typeof content === 'string' ? content : ''),
    update: (doc, changes, version) => TextDocument.update(doc, changes.filter(wellFormed), version),
  });
}

function wellFormed(change: TextDocumentContentChangeEvent): boolean {
  return typeof change?.text === 'string' && (!('range' in change) || isRange(change.range));
}
