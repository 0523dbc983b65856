import type { CodeLens, Command } from 'vscode-languageserver-types';
import { escapeMarkdown, letterLink } from '../features/markdown';
import { parseDate } from '../letter/dates';
import type { PrecedentEntry, PrecedentFilter, PrecedentsAnswer } from '../protocol';
import { treatmentLabel } from '../treatments/classify';
import type { ItemRecord } from './records';
import { type Tally, overturnRate, percent, tallyDecisions } from './tally';
import type { Precedent, WorkspaceIndex } from './workspace-index';

/** How far the index has got: hovers and lenses say when their counts are not yet final. */
export interface IndexProgress {
  indexed: number;
  total: number;
  complete: boolean;
}

/** The counts of an item's precedents: all similar items, and those citing each MAXIMUS guideline the item cites. */
interface PrecedentCounts {
  similar: Tally;
  byGuideline: [string, Tally][];
}

const CLOSEST = 5;
const VIEW_ENTRIES = 100;

function precedentCounts(target: ItemRecord, similar: readonly Precedent[]): PrecedentCounts {
  const decisions = (of: readonly Precedent[]) => tallyDecisions(of.map((p) => p.record.decision));
  // One pass per guideline the item cites (one or two), in the order it cites them.
  const byGuideline: [string, Tally][] = [...new Set(target.maximusGuidelines)].map((g) => [
    g,
    decisions(similar.filter((p) => p.record.maximusGuidelines.includes(g))),
  ]);
  return { similar: decisions(similar), byGuideline: byGuideline.filter(([, t]) => t.items > 0) };
}

/** "37 (31 upheld, 6 overturned, 16 % overturned)". */
function described(t: Tally, withRate: boolean): string {
  const parts = [`${t.upheld} upheld`];
  if (withRate || t.overturned > 0) parts.push(`${t.overturned} overturned`);
  const rate = overturnRate(t);
  if (withRate && rate) parts.push(`${percent(rate.rate)} overturned`);
  return `${t.items} (${parts.join(', ')})`;
}

/** What "similar" meant for this item, for a reader. */
function similarTo(target: ItemRecord): string {
  return [treatmentLabel({ category: target.category, subgroup: target.subcategory }), target.drug, target.region]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The closest precedents first: those citing the same MAXIMUS guideline, then by the same
 * reviewer specialty, then the most recent decision.
 */
function closest(target: ItemRecord, similar: readonly Precedent[], limit = Infinity): Precedent[] {
  const cited = new Set(target.maximusGuidelines);
  const score = (p: Precedent) =>
    (p.record.maximusGuidelines.some((g) => cited.has(g)) ? 2 : 0) +
    (target.specialty && p.record.specialty === target.specialty ? 1 : 0);
  type Ranked = { p: Precedent; score: number; date: number };
  const before = (a: Ranked, b: Ranked) =>
    b.score - a.score ||
    b.date - a.date ||
    (a.p.uri < b.p.uri ? -1 : a.p.uri > b.p.uri ? 1 : a.p.record.line - b.p.record.line);
  const ranked = similar.map((p) => ({ p, score: score(p), date: dateKey(p.record.decisionDate) }));
  if (limit >= ranked.length) return ranked.sort(before).map((r) => r.p);
  // The first few only (the hover's links): kept in order as they come, not the whole list sorted.
  const top: Ranked[] = [];
  for (const r of ranked) {
    if (top.length === limit && before(r, top[limit - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && before(r, top[i - 1]) < 0) i--;
    top.splice(i, 0, r);
    if (top.length > limit) top.pop();
  }
  return top.map((r) => r.p);
}

// Decision dates as numbers to sort by (yyyymmdd; 0 when unreadable), each distinct text read once.
const dateKeys = new Map<string, number>();
function dateKey(text: string): number {
  let key = dateKeys.get(text);
  if (key === undefined) {
    const d = parseDate(text);
    key = d ? d.year * 10000 + d.month * 100 + d.day : 0;
    if (dateKeys.size > 100_000) dateKeys.clear(); // bounded: days, not letters, are expected here
    dateKeys.set(text, key);
  }
  return key;
}

function fileOf(uri: string): string {
  const last = uri.replace(/^.*\//, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function stillBuilding(progress: IndexProgress): string {
  return progress.complete ? '' : ` (the index is still being built: ${progress.indexed} of ${progress.total} letters)`;
}

/** The hover's part on an item line: the counts, and links that open the closest letters at their items. */
export function precedentHover(target: ItemRecord, similar: readonly Precedent[], progress: IndexProgress): string {
  if (target.category === 'other')
    return `**Precedents**: this request is not classified, so no similar requests are counted.${stillBuilding(progress)}`;
  const counts = precedentCounts(target, similar);
  let line = `**Precedents**: Similar requests in this workspace: ${described(counts.similar, true)}`;
  const named = counts.byGuideline.length > 1;
  for (const [name, t] of counts.byGuideline)
    line += `; citing the same MAXIMUS guideline${named ? ` (${escapeMarkdown(name)})` : ''}: ${described(t, false)}`;
  const lines = [line + stillBuilding(progress), '', `Similar: ${escapeMarkdown(similarTo(target))}`];
  const links = closest(target, similar, CLOSEST)
    .map((p) => {
      const link = letterLink(fileOf(p.uri), p.uri, p.record.line);
      const details = [p.record.item, p.record.decision, p.record.decisionDate].filter(Boolean).join(' · ');
      return link ? `- ${link}: ${escapeMarkdown(details)}` : undefined;
    })
    .filter((l) => l !== undefined);
  if (links.length > 0) lines.push('', 'Closest:', '', ...links);
  return lines.join('\n');
}

/** The lens above an item: its counts; clicking it shows the Precedents view at the item. */
export function precedentLens(
  uri: string,
  target: ItemRecord,
  similar: readonly Precedent[],
  progress: IndexProgress,
): CodeLens {
  const range = { start: { line: target.line, character: 0 }, end: { line: target.line, character: 0 } };
  const t = tallyDecisions(similar.map((p) => p.record.decision));
  const rate = overturnRate(t);
  const title =
    target.category === 'other'
      ? 'Precedents: not classified'
      : `Precedents: ${t.items} similar${rate ? `, ${percent(rate.rate)} overturned` : ''}${progress.complete ? '' : ' (indexing…)'}`;
  const command: Command = { title, command: 'imrLetter.showPrecedents', arguments: [uri, target.line] };
  return { range, command };
}

const yearOf = (r: ItemRecord) => {
  const key = dateKey(r.decisionDate);
  return key ? String(Math.floor(key / 10000)) : '';
};

function matchesFilter(r: ItemRecord, f: PrecedentFilter): boolean {
  return (
    (!f.category || r.category === f.category) &&
    (!f.region || r.region === f.region) &&
    (!f.guideline || r.maximusGuidelines.includes(f.guideline) || r.claimsGuidelines.includes(f.guideline)) &&
    (!f.year || yearOf(r) === f.year)
  );
}

const distinct = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).sort();

/**
 * The Precedents view of an item: the similar items (or, with a category filter, every item of
 * that category), narrowed by the filter, grouped by decision, closest first in each group.
 */
export function precedentsAnswer(
  uri: string,
  target: ItemRecord,
  index: WorkspaceIndex,
  filter: PrecedentFilter,
  progress: IndexProgress,
): PrecedentsAnswer {
  const base = filter.category ? index.ofCategory(filter.category, uri) : index.similar(target, uri);
  const kept = closest(
    target,
    base.filter((p) => matchesFilter(p.record, filter)),
  );
  const groups = new Map<string, PrecedentEntry[]>([
    ['Upheld', []],
    ['Overturned', []],
  ]);
  for (const { uri: at, record: r } of kept) {
    const decision = r.decision || '(no decision)';
    let group = groups.get(decision);
    if (!group) groups.set(decision, (group = []));
    group.push({
      uri: at,
      line: r.line,
      file: fileOf(at),
      item: r.item,
      decision: r.decision,
      decisionDate: r.decisionDate,
      category: r.category,
      region: r.region,
      drug: r.drug,
      maximusGuidelines: [...r.maximusGuidelines],
    });
  }
  const records = base.map((p) => p.record);
  return {
    item: target.item,
    similarTo: filter.category ? treatmentLabel({ category: filter.category, subgroup: '' }) : similarTo(target),
    indexed: progress.indexed,
    complete: progress.complete,
    filter,
    groups: [...groups]
      .filter(([, entries]) => entries.length > 0)
      .map(([decision, entries]) => ({ decision, total: entries.length, entries: entries.slice(0, VIEW_ENTRIES) })),
    choices: {
      category: index.categories(),
      region: distinct(records.map((r) => r.region)),
      guideline: distinct(records.flatMap((r) => [...r.maximusGuidelines, ...r.claimsGuidelines])),
      year: distinct(records.map(yearOf)),
    },
  };
}
