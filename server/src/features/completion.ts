import { type CompletionItem, CompletionItemKind, type Position } from 'vscode-languageserver-types';
import { type Catalog, DEFAULT_CATALOG, type GuidelineEntry } from '../guidelines/catalog';
import { placeOf } from '../guidelines/describe';

// Each starts with a literal word, so a search tries few places and each try is short: linear
// on any line (a line of 100,000 tabs after "Decision based on" took seconds with a pattern
// anchored at the end).
const DECISION_BASED_ON = /Decision\s+based\s+on\s+/gi;
const GUIDELINE_START = /Decision\s+based\s+on\s+MTUS\s+|,[ \t]*and\s+/g;
const SECTIONS = 'Section(s):';

/** What is typed after the first `Decision based on` with no full stop after it, if any. */
function afterDecisionBasedOn(prefix: string): string | undefined {
  const tail = prefix.slice(prefix.lastIndexOf('.') + 1);
  DECISION_BASED_ON.lastIndex = 0;
  const m = DECISION_BASED_ON.exec(tail);
  return m ? tail.slice(m.index + m[0].length) : undefined;
}

/** The last guideline named before an open `Section(s):` list, and the list typed so far. */
function afterSections(prefix: string): { guideline: string; typed: string } | undefined {
  const at = prefix.lastIndexOf(SECTIONS);
  if (at < 0) return undefined;
  const list = prefix.slice(at + SECTIONS.length).trimStart();
  // A list ends at a full stop (one not in a section number) or at ", and" (the next guideline).
  if (/\.(?!\d)/.test(list) || /,[ \t]*and\s/.test(list)) return undefined;
  const head = prefix.slice(0, at).trimEnd();
  if (!head.endsWith(',')) return undefined;
  let before = head.slice(0, -1);
  if (before.endsWith('Guidelines') && /\s/.test(before[before.length - 11] ?? ''))
    before = before.slice(0, -10).trimEnd();
  if (!/\s(?:19|20)\d\d$/.test(before)) return undefined;
  let start = -1;
  GUIDELINE_START.lastIndex = 0;
  for (let m = GUIDELINE_START.exec(before); m; m = GUIDELINE_START.exec(before)) start = m.index + m[0].length;
  const guideline = start < 0 ? '' : before.slice(start);
  return /^[A-Z][^.:]*$/.test(guideline) ? { guideline, typed: list } : undefined;
}

/**
 * Guideline names as letters write them, after `Decision based on ` (MTUS guidelines with their
 * year, ODG chapters as Non-MTUS citations), and a guideline's topics after its `Section(s): `.
 * `linePrefix` is the line's text up to the cursor.
 */
export function completions(
  position: Position,
  linePrefix: string,
  catalog: Catalog = DEFAULT_CATALOG,
): CompletionItem[] {
  const sections = afterSections(linePrefix);
  if (sections) {
    const guideline = catalog.named(sections.guideline)[0];
    const typed = sections.typed.slice(sections.typed.lastIndexOf(',') + 1).trimStart(); // the topic being typed, after those already listed
    if (guideline)
      return items(
        position,
        typed,
        topicsOf(catalog, guideline).map((e) => [topicText(e), e]),
      );
  }
  const based = afterDecisionBasedOn(linePrefix);
  if (based === undefined) return [];
  return items(position, based, [
    ...catalog.entries
      .filter((e) => e.mtus && e.kind !== 'topic')
      .flatMap((e) =>
        e.aliases.filter(isDatedName).map((a): [string, GuidelineEntry] => [`MTUS ${a.replace(/^MTUS /, '')}`, e]),
      ),
    ...catalog.entries
      .filter((e) => e.id.startsWith('odg-'))
      .map((e): [string, GuidelineEntry] => [`Non-MTUS Citation Official Disability Guidelines (ODG), ${e.title}`, e]),
  ]);
}

/** "Low Back Complaints 2004", "MTUS Opioid Treatment 2016": the 2016-17 way of naming a guideline. */
function isDatedName(alias: string): boolean {
  return /^(MTUS )?[A-Z][^,]*\s(19|20)\d\d$/.test(alias);
}

function topicsOf(catalog: Catalog, guideline: GuidelineEntry): GuidelineEntry[] {
  const own = catalog.entries.filter((e) => e.parent === guideline.id);
  return own.length > 0
    ? own
    : guideline.id.startsWith('mtus-acoem2-')
      ? catalog.entries.filter((e) => e.kind === 'section-name')
      : [];
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
