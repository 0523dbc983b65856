import { type CompletionItem, CompletionItemKind, type Position } from 'vscode-languageserver-types';
import { type Catalog, DEFAULT_CATALOG, type GuidelineEntry } from '../guidelines/catalog';
import { placeOf } from '../guidelines/describe';

const AFTER_DECISION_BASED_ON = /Decision\s+based\s+on\s+([^.]*)$/i;
// The last guideline named before an open `Section(s):` list, and the list typed so far.
const AFTER_SECTIONS = /(?:Decision\s+based\s+on\s+MTUS\s+|,\s*and\s+)([A-Z][^.:]*?\s(?:19|20)\d\d)(?:\s+Guidelines)?,\s*Section\(s\):\s*((?:(?!Section\(s\)|,\s*and\s)(?:[^.]|\.(?=\d)))*)$/;

/**
 * Guideline names as letters write them, after `Decision based on ` (MTUS guidelines with their
 * year, ODG chapters as Non-MTUS citations), and a guideline's topics after its `Section(s): `.
 * `linePrefix` is the line's text up to the cursor.
 */
export function completions(position: Position, linePrefix: string, catalog: Catalog = DEFAULT_CATALOG): CompletionItem[] {
  const sections = AFTER_SECTIONS.exec(linePrefix);
  if (sections) {
    const guideline = catalog.named(sections[1])[0];
    const typed = sections[2].replace(/^.*,\s*/, ''); // the topic being typed, after those already listed
    if (guideline) return items(position, typed, topicsOf(catalog, guideline).map((e) => [topicText(e), e]));
  }
  const based = AFTER_DECISION_BASED_ON.exec(linePrefix);
  if (!based) return [];
  return items(position, based[1], [
    ...catalog.entries.filter((e) => e.mtus && e.kind !== 'topic').flatMap((e) => e.aliases.filter(isDatedName).map((a): [string, GuidelineEntry] => [`MTUS ${a.replace(/^MTUS /, '')}`, e])),
    ...catalog.entries.filter((e) => e.id.startsWith('odg-')).map((e): [string, GuidelineEntry] => [`Non-MTUS Citation Official Disability Guidelines (ODG), ${e.title}`, e]),
  ]);
}

/** "Low Back Complaints 2004", "MTUS Opioid Treatment 2016": the 2016-17 way of naming a guideline. */
function isDatedName(alias: string): boolean {
  return /^(MTUS )?[A-Z][^,]*\s(19|20)\d\d$/.test(alias);
}

function topicsOf(catalog: Catalog, guideline: GuidelineEntry): GuidelineEntry[] {
  const own = catalog.entries.filter((e) => e.parent === guideline.id);
  return own.length > 0 ? own : guideline.id.startsWith('mtus-acoem2-') ? catalog.entries.filter((e) => e.kind === 'section-name') : [];
}

/** Numbered opioid sections are cited with their number. */
function topicText(entry: GuidelineEntry): string {
  return entry.chapter && /^\d/.test(entry.chapter) ? `${entry.chapter} ${entry.title}` : entry.title;
}

function items(position: Position, typed: string, choices: [string, GuidelineEntry][]): CompletionItem[] {
  const start = { line: position.line, character: position.character - typed.length };
  const seen = new Set<string>();
  return choices
    .filter(([text]) => !seen.has(text) && seen.add(text))
    .map(([text, entry], i) => ({
      label: text,
      kind: CompletionItemKind.Reference,
      detail: `${entry.name} · ${placeOf(entry)}`,
      sortText: String(i).padStart(4, '0'),
      filterText: text,
      textEdit: { range: { start, end: position }, newText: text },
    }));
}
