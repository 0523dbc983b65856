import type { CatalogLookups, GuidelineEntry } from '../guidelines/catalog';
import { MONTHS } from './dates';
import type { Position } from 'vscode-languageserver-types';
import type { Citation, CitedPart, PageRef, Span } from './model';
import { before } from './text/lines';
import type { Region } from './text/region';
import { collapseWhite, isSpace, skipSpaces } from './text/spaces';

/**
 * Recognises guideline citations in a guideline field (`Decision based on MTUS ...`, `Decision
 * based on Non-MTUS Citation ...`, the fixed statements) and inside rationale prose, with a range
 * for each citation, each section or topic and each page. Every regular expression here is
 * anchored or bounded, so the work stays linear in the text's length.
 */

const SEGMENT =
  /Decision\s+based\s+on\s+|The\s+(?:Claims\s+Administrator|Expert\s+Reviewer)\s+based\s+their\s+decision\s+on\s+recommendation\(s\)\s+outside\s+of\s+the\s+MTUS\s+Guidelines\.?|The\s+(?:Claims\s+Administrator|Expert\s+Reviewer)\s+did\s+not\s+cite\s+any\s+medical\s+evidence\s+for\s+its\s+decision\.?/gi;
const NON_MTUS = /^Non-?\s*MTUS(?:\s+Citation)?\s*:?\s*/i;
const MTUS = /^MTUS\s+/i;
const YEAR = /(?:19|20)\d\d\b/g;
// Each white-space run is read by one part only (`\s*(?:,\s*)?`, never `\s*,?\s*`), so a long run costs linear time.
const SECTIONS = /\s*(?:,\s*)?Section\(s\)\s*:\s*/y;
const AND_NEXT = /,\s*and\s+(?=[A-Z])/g;
const AND = /\s*(?:,\s*)?and\s+/y;
const PAGES = /\b(?:page\(s\)|pages?|pgs?\.?|pp?\.)\s*(?::\s*)?(\d[\d\s,-]*\d|\d)(-?)/gi;
/** How far after ", and" the next guideline's year may stand ("Chronic Pain Medical Treatment Guidelines 2009"). */
const MAX_NAME = 80;
/** The most commas a topic's own name holds ("Pain, Suffering, and the Restoration of Function" has 3). */
const MAX_TOPIC_COMMAS = 5;
const NUMBERED_PIECE = /,\s+(?=\d+(?:\.\d+)*\.?\s)/g;

export function guidelineFieldCitations(region: Region, catalog: CatalogLookups): Citation[] {
  const text = region.text;
  const heads = allMatches(SEGMENT, text);
  const citations: Citation[] = [];
  heads.forEach((head, k) => {
    const start = head.index!;
    const end = trimEnd(text, start + head[0].length, k + 1 < heads.length ? heads[k + 1].index! : text.length);
    if (!/^Decision\s/i.test(head[0])) {
      citations.push(
        citation('statement', span(region, start, trimEnd(text, start, start + head[0].length)), {
          statement: /outside/i.test(head[0]) ? 'outside-mtus' : 'no-evidence',
        }),
      );
      return;
    }
    const body = start + head[0].length;
    const rest = text.slice(body, end);
    // The citation is the whole citation: from its first word ("MTUS", "Non-MTUS Citation") to its end.
    const non = NON_MTUS.exec(rest);
    if (non) citations.push(nonMtus(region, catalog, body, body + non[0].length, end));
    else {
      const mtus = MTUS.exec(rest);
      for (const c of mtusChain(region, catalog, body, body + (mtus ? mtus[0].length : 0), end)) citations.push(c);
    }
  });
  return citations;
}

/**
 * `Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks`
 * or the older `ACOEM Chapter 8 ... Page(s): 178`. The first citation's span starts at `lead` (the "MTUS" before the name).
 */
function mtusChain(region: Region, catalog: CatalogLookups, lead: number, from: number, end: number): Citation[] {
  const text = region.text;
  const out: Citation[] = [];
  let p = from;
  while (p < end) {
    const m = nameAndYear(text, p, end);
    if (!m) {
      out.push(olderStyle(region, catalog, out.length === 0 ? lead : p, p, end, 'mtus'));
      break;
    }
    const nameEnd = m.end;
    const named = catalog.named(`${m.name} ${m.year}`);
    let q = nameEnd;
    let parts: CitedPart[] = [];
    let listed: PageRef[] = [];
    SECTIONS.lastIndex = q;
    const sections = SECTIONS.exec(text);
    if (sections) {
      const listStart = q + sections[0].length;
      const listEnd = trimEnd(text, listStart, nextGuideline(text, listStart, end));
      ({ parts, pages: listed } = topics(region, catalog, named, listStart, listEnd));
      q = listEnd;
    }
    const entry = pickEntry(named, parts);
    const start = out.length === 0 ? lead : p;
    out.push(
      withListedPages(
        withPages(
          citation('mtus', span(region, start, q), { name: span(region, p, nameEnd), entry, parts }),
          region,
          p,
          q,
        ),
        listed,
      ),
    );
    AND.lastIndex = q;
    const and = AND.exec(text);
    if (!and || and.index !== q) break;
    p = q + and[0].length;
  }
  return out;
}

/**
 * `Low Back Complaints 2004` at `from`: the name (starting with a letter or digit, holding no full
 * stop and no ", Section") up to the first year after it, and where the name and year (and a
 * `Guidelines` after the year) end. Found by scanning, not by a pattern that tries every split of
 * the name and its white space.
 */
function nameAndYear(text: string, from: number, end: number): { name: string; year: string; end: number } | undefined {
  if (from >= end || isSpace(text.charCodeAt(from))) return undefined;
  const stop = firstOf(text, from, end, ['.', ', Section']);
  const within = text.slice(from, stop);
  YEAR.lastIndex = 0;
  for (let y = YEAR.exec(within); y; y = YEAR.exec(within)) {
    if (y.index === 0 || !isSpace(within.charCodeAt(y.index - 1))) continue;
    let nameEnd = y.index - 1;
    while (nameEnd > 0 && isSpace(within.charCodeAt(nameEnd - 1))) nameEnd--;
    if (nameEnd === 0) continue;
    let after = from + y.index + 4;
    const guidelines = skipSpaces(text, after);
    if (guidelines > after && text.startsWith('Guidelines', guidelines)) after = guidelines + 'Guidelines'.length;
    return { name: within.slice(0, nameEnd), year: y[0], end: after };
  }
  return undefined;
}

/** Where the first of `needles` stands in text[from, end), or `end`. */
function firstOf(text: string, from: number, end: number, needles: string[]): number {
  let first = end;
  for (const n of needles) {
    const at = text.indexOf(n, from);
    if (at >= 0 && at < first) first = at;
  }
  return first;
}

/** Where a `Section(s):` list ends: at ", and" before the next guideline (a capital, then its year within a few words), or `end`. */
function nextGuideline(text: string, from: number, end: number): number {
  const list = text.slice(from, end);
  AND_NEXT.lastIndex = 0;
  for (let m = AND_NEXT.exec(list); m; m = AND_NEXT.exec(list)) {
    const name = list.slice(m.index + m[0].length, m.index + m[0].length + MAX_NAME + 6);
    const cut = firstOf(name, 0, name.length, ['.', ':']);
    YEAR.lastIndex = 0;
    for (let y = YEAR.exec(name); y && y.index < cut; y = YEAR.exec(name))
      if (y.index > 1 && y.index <= MAX_NAME + 1 && isSpace(name.charCodeAt(y.index - 1))) return from + m.index;
  }
  return end;
}

/** A shared name (General Approaches 2004) is settled by the section cited; otherwise the first entry. */
function pickEntry(named: GuidelineEntry[], parts: CitedPart[]): GuidelineEntry | undefined {
  if (named.length <= 1) return named[0];
  return parts.map((p) => p.entry).find((e) => e && named.includes(e)) ?? named[0];
}

/**
 * The topics of a `Section(s):` list. Topic names hold commas, so known names are matched whole,
 * longest first. A piece that is no name (a page number, a year, an edition) is not a topic: a
 * bare page number (`Section(s): 326`) is kept as a page, the rest is left as written.
 */
function topics(
  region: Region,
  catalog: CatalogLookups,
  named: GuidelineEntry[],
  from: number,
  to: number,
): { parts: CitedPart[]; pages: PageRef[] } {
  const text = region.text;
  const lookup = (piece: string) => {
    for (const g of named) {
      const hit = catalog.topic(g, piece);
      if (hit) return hit;
    }
    return undefined;
  };
  // Numbered sections (opioids) are split before each number; other topics hold commas, so
  // the longest run of comma-separated pieces that names a known topic is taken whole.
  const numbered = allMatches(NUMBERED_PIECE, text.slice(from, to)).map((m) => from + m.index);
  const commas = numbered.length > 0 ? numbered : commasIn(text, from, to);
  const parts: CitedPart[] = [];
  const pages: PageRef[] = [];
  let p = from;
  let next = 0; // the first comma after p
  while (p < to) {
    while (next < commas.length && commas[next] <= p) next++;
    // No topic name holds more than a few commas, so a piece joins at most MAX_TOPIC_COMMAS more: linear.
    const ends = commas.slice(next, next + MAX_TOPIC_COMMAS + 1);
    if (ends.length <= MAX_TOPIC_COMMAS) ends.push(to);
    let taken: { end: number; entry?: GuidelineEntry } | undefined;
    for (let k = numbered.length > 0 ? 0 : ends.length - 1; k >= 0 && !taken; k--) {
      const entry = lookup(text.slice(p, ends[k]));
      if (entry) taken = { end: ends[k], entry };
    }
    taken ??= { end: ends[0] };
    const pieceEnd = trimEnd(text, p, taken.end);
    const page = taken.entry ? undefined : pageNumber(text.slice(p, pieceEnd));
    if (page) pages.push({ range: region.range(p, pieceEnd), ...page });
    else if (pieceEnd > p && (taken.entry || !notAName(text.slice(p, pieceEnd))))
      parts.push({ span: span(region, p, pieceEnd), entry: taken.entry });
    p = skipSpace(text, taken.end + 1, to);
  }
  return { parts, pages };
}

/** `326` or `303-305` standing alone in a section list: pages (years and longer numbers are not). */
function pageNumber(piece: string): { from: number; to: number } | undefined {
  const m = /^(\d{1,3})(?:\s?[-–]\s?(\d{1,3}))?$/.exec(piece);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return from > 0 && to >= from ? { from, to } : undefined;
}

// Words that say where in a guideline, or which printing, but never name a part of it ("s" of "page(s)").
const NOT_NAME_WORDS = new Set([
  'page',
  'pages',
  's',
  'pg',
  'pgs',
  'p',
  'pp',
  'table',
  'tables',
  'figure',
  'fig',
  'ed',
  'edition',
  'st',
  'nd',
  'rd',
  'th',
  'updated',
  'update',
  'revised',
  'version',
  'web',
  'online',
  'accessed',
  'chapter',
  'ch',
  'section',
  'sections',
  'vol',
  'volume',
  'no',
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  ...MONTHS,
]);

/**
 * A piece of a section list that names nothing: numbers (a page, a year, `11/22/16`) with at most
 * words like "page", "Table", "3rd ed.", "updated": `pg. 607`, `Table 12-8`, `2016`, `(updated 11/22/16)`.
 */
function notAName(piece: string): boolean {
  if (!/\d/.test(piece)) return false;
  const words = piece.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.every((w) => NOT_NAME_WORDS.has(w));
}

/** Adds the pages a section list named bare (`Section(s): 326`) to those named with "page". */
function withListedPages(c: Citation, listed: PageRef[]): Citation {
  if (listed.length > 0) c.pages = [...c.pages, ...listed];
  return c;
}

/** Where the commas between `from` and `to` are (searched in that stretch alone, so many lists cost linear time). */
function commasIn(text: string, from: number, to: number): number[] {
  const within = text.slice(from, to);
  const commas: number[] = [];
  for (let at = within.indexOf(','); at >= 0; at = within.indexOf(',', at + 1)) commas.push(from + at);
  return commas;
}

/**
 * 2014-15 style: a known name at the start (`ACOEM Chapter 8 Neck and Upper Back Complaints`,
 * `Chronic Pain Treatment Guidelines`), then topics and pages in free form. The span starts at `lead`.
 */
function olderStyle(
  region: Region,
  catalog: CatalogLookups,
  lead: number,
  from: number,
  end: number,
  kind: 'mtus' | 'non-mtus',
): Citation {
  const text = region.text;
  const name = longestName(text, from, end, (t) => catalog.named(t)[0]);
  const parts: CitedPart[] = [];
  if (name) {
    const restStart = skipSpace(text, name.end, end);
    const firstPage = PAGES_AT(text, restStart, end);
    const topicText = text.slice(restStart, trimPunctuation(text, restStart, firstPage));
    const topic = topicText && !/^page/i.test(topicText) ? catalog.topic(name.entry, topicText) : undefined;
    if (topic) parts.push({ span: span(region, restStart, restStart + topicText.length), entry: topic });
    // Section names of the 2004 chapters quoted anywhere in the rest ("Introductory Material, Special Studies ...").
    if (name.entry.id.startsWith('mtus-acoem2-'))
      for (const part of sectionNamesIn(region, catalog, name.entry, restStart, end)) parts.push(part);
  }
  return withPages(
    citation(kind, span(region, lead, end), { name: name && span(region, from, name.end), entry: name?.entry, parts }),
    region,
    from,
    end,
  );
}

function sectionNamesIn(
  region: Region,
  catalog: CatalogLookups,
  chapter: GuidelineEntry,
  from: number,
  to: number,
): CitedPart[] {
  const parts: CitedPart[] = [];
  const re = /[A-Z][A-Za-z-]*(?:\s+[A-Za-z-]+){0,3}/g;
  const within = region.text.slice(from, to);
  for (let m = re.exec(within); m; m = re.exec(within)) {
    const at = from + m.index;
    const ends = [...m[0].matchAll(/[A-Za-z-]+/g)].map((w) => ({
      end: at + w.index! + w[0].length,
      capital: /^[A-Z]/.test(w[0]),
    }));
    // The longest run of words starting here, ending on a capitalised word, that names a section.
    for (let n = ends.length; n >= 1; n--) {
      if (!ends[n - 1].capital) continue;
      const entry = catalog.topic(chapter, region.text.slice(at, ends[n - 1].end));
      if (entry && entry.kind === 'section-name') {
        parts.push({ span: span(region, at, ends[n - 1].end), entry });
        re.lastIndex = ends[n - 1].end - from;
        break;
      }
    }
  }
  return parts;
}

// What stands between the ODG's name and its chapter ("Official Disability Guidelines (ODG),
// (updated 11/22/16), 2016, "): each part tried in turn where the last ended, so no two read the
// same white space.
const ODG_LEAD = [
  /\b(?:Official\s+Disability\s+Guidelines|ODG)\b/iy,
  /\s*\(ODG\)/iy,
  /\s+guidelines/iy,
  /\s*(?:[,:]\s*)?/y,
  /\((?:updated|online)[^)]*\)\s*(?:,\s*)?/iy,
  /(?:19|20)\d\d\s*,\s*/y,
];

/** Where the ODG's name and what follows it (above) end, from `at`. */
function odgLeadEnd(text: string, at: number): number {
  let p = at;
  for (const part of ODG_LEAD) {
    part.lastIndex = p;
    if (part.exec(text)) p = part.lastIndex;
  }
  return p;
}

/**
 * `Official Disability Guidelines (ODG), Low Back Chapter`, `ACOEM ..., 3rd ed., Low Back Disorders, pg. 607`,
 * UpToDate, a drug information page, a web address. The span starts at `lead` ("Non-MTUS Citation").
 */
function nonMtus(region: Region, catalog: CatalogLookups, lead: number, from: number, end: number): Citation {
  const text = region.text;
  const within = text.slice(from, end);
  const url = /https?:\/\/[^\s]+[^\s.,)]/i.exec(within);
  const odgAt = within.search(/\b(?:Official\s+Disability\s+Guidelines|ODG)\b/i);
  if (odgAt >= 0) {
    // Matched on the same slice the search ran on: word boundaries at its edges are the slice's.
    const chapterStart = from + odgLeadEnd(within, odgAt);
    const chapter = longestName(text, chapterStart, end, (t) => catalog.odgChapter(t));
    const parts: CitedPart[] = [];
    if (chapter) {
      const topicStart = skipSpace(text, chapter.end, end, true);
      const topicEnd = trimEnd(text, topicStart, PAGES_AT(text, topicStart, end));
      if (topicEnd > topicStart) parts.push({ span: span(region, topicStart, topicEnd) });
    }
    const name = span(region, from + odgAt, chapter ? chapter.end : trimEnd(text, from + odgAt, chapterStart));
    return withPages(
      citation('non-mtus', span(region, lead, end), { name, entry: chapter?.entry ?? catalog.get('odg'), parts }),
      region,
      from,
      end,
    );
  }
  const c = olderStyle(region, catalog, lead, from, end, 'non-mtus');
  if (!c.entry) {
    // A source named anywhere in the citation ("Drug information accessed from UpToDate.com", "Work Loss Data Institute").
    const source = sourceNamedIn(text, from, end, catalog);
    if (source) {
      c.entry = source.entry;
      c.name = span(region, source.start, source.end);
    }
  }
  if (url) c.url = url[0];
  return c;
}

/** The words a source outside the MTUS is looked for among: a citation names its source early. */
const MAX_SOURCE_WORDS = 40;

/** The first source outside the MTUS that the catalog knows, named by a run of words starting anywhere in the first words. */
function sourceNamedIn(
  text: string,
  from: number,
  end: number,
  catalog: CatalogLookups,
): { start: number; end: number; entry: GuidelineEntry } | undefined {
  const outside = (t: string) => catalog.named(t).find((e) => !e.mtus);
  const word = /[A-Za-z0-9]\S*/g;
  word.lastIndex = from;
  let count = 0;
  for (let m = word.exec(text); m && m.index < end && count < MAX_SOURCE_WORDS; m = word.exec(text), count++) {
    const name = longestName(text, m.index, end, outside);
    if (name) return { start: m.index, end: name.end, entry: name.entry };
    word.lastIndex = m.index + m[0].length;
  }
  return undefined;
}

/** The longest run of words from `from` (up to 12) that `find` resolves. */
function longestName(
  text: string,
  from: number,
  end: number,
  find: (t: string) => GuidelineEntry | undefined,
): { end: number; entry: GuidelineEntry } | undefined {
  const ends: number[] = [];
  const word = /\S+/g;
  word.lastIndex = from;
  for (let m = word.exec(text); m && m.index < end && ends.length < 12; m = word.exec(text))
    ends.push(Math.min(m.index + m[0].length, end));
  for (let n = ends.length; n >= 1; n--) {
    const stop = trimEnd(text, from, ends[n - 1]);
    const entry = find(text.slice(from, stop));
    if (entry) return { end: stop, entry };
  }
  return undefined;
}

// ---- Prose (rationales) ----

interface ProseRecogniser {
  re: RegExp;
  /** Words it cannot match without (one of them, as written): a rationale that lacks them all is not scanned. */
  needs?: string[];
  resolve: (m: RegExpExecArray, catalog: CatalogLookups, year?: number) => GuidelineEntry | undefined;
}

const PROSE: ProseRecogniser[] = [
  {
    // ACOEM Chapter 12, Table 12-8, page 309 / MTUS Guideline in ACOEM Chapter 8 / Chapter 13, Table 13-2, pages 335-336
    re: /\b(?:(?:CA\s+)?MTUS(?:\s+Guidelines?)?\s+(?:in\s+)?)?(?:ACOEM\s+)?Chapter\s+(\d{1,2})\b(?:,?\s+Table\s+\d{1,2}-\d{1,2})?(?:,?\s+(?:page\(s\)|pages?|pg\.?|p\.)\s*\d+(?:\s*-\s*\d+)?)?/gi,
    resolve: (m, catalog) => catalog.get(`mtus-acoem2-ch${m[1].padStart(2, '0')}`),
  },
  {
    // page 82 of the MTUS Chronic Pain Medical Treatment Guidelines (July 28, 2016)
    re: /\b(?:page|pages|pg\.?)\s*\d+(?:\s*-\s*\d+)?\s+of\s+the\s+((?:CA\s+)?(?:MTUS\s+)?(?:[A-Z][A-Za-z-]*\s+){1,6}Guidelines)(?:\s*\((?:[A-Za-z]+\s+\d{1,2},\s*)?((?:19|20)\d\d)\))?/g,
    needs: ['Guidelines'],
    resolve: (m, catalog, year) => named(catalog, m[1], m[2] ? Number(m[2]) : year),
  },
  {
    // 8 C.C.R. 9792.24.4, 8 CCR §9792.24.2
    re: /\b8\s*C\.?\s*C\.?\s*R\.?\s*(?:§\s*)?(9792\.\d+(?:\.\d+)*)/gi,
    needs: ['9792'],
    resolve: (m, catalog, year) =>
      inForce(
        catalog.entries.filter((e) => e.regulation === m[1] && e.kind === 'guideline'),
        year,
      ) ?? catalog.entries.find((e) => e.regulation === m[1]),
  },
  {
    // Chronic Pain Medical Treatment Guidelines, the California MTUS 2016 Chronic Pain Guidelines, Opioids Treatment Guidelines, ...
    re: /\b(?:(?:CA|California)\s+)?(?:MTUS\s+)?(?:((?:19|20)\d\d)\s+)?(Chronic Pain(?: Medical)?(?: Treatment)?|Opioids?(?: Treatment)?|Acupuncture(?: Medical)?(?: Treatment)?|Post-?surgical(?: Treatment)?) Guidelines\b(?:\s*\((?:[A-Za-z]+\s+\d{1,2},\s*)?((?:19|20)\d\d)\))?/g,
    needs: ['Guidelines'],
    resolve: (m, catalog, year) =>
      named(
        catalog,
        m[2].replace(/^Opioid\b(?!s)/, 'Opioids').replace('Post-surgical', 'Postsurgical'),
        Number(m[1] ?? m[3] ?? 0) || year,
      ),
  },
  {
    // Official Disability Guidelines, ODG
    re: /\bOfficial\s+Disability\s+Guidelines\b(?:\s*\(ODG\))?|\bODG\b/g,
    needs: ['Official', 'ODG'],
    resolve: (_m, catalog) => catalog.get('odg'),
  },
  {
    // CA MTUS/ACOEM Guidelines, the ACOEM Guidelines
    re: /\b(?:(?:CA|California)\s+)?MTUS\s*\/\s*ACOEM(?:\s+Guidelines)?|\bACOEM(?:\s+(?:Practice|Treatment))?\s+Guidelines\b/g,
    needs: ['ACOEM'],
    resolve: (_m, catalog) => catalog.get('mtus-acoem2'),
  },
];

/**
 * Guidelines named inside prose. A name with no year is read as the version in force when the
 * letter was decided (`year`), since reviewers cite the current one.
 */
export function proseCitations(region: Region, catalog: CatalogLookups, year?: number): Citation[] {
  const found: Citation[] = [];
  for (const { re, needs, resolve } of PROSE) {
    if (needs && !needs.some((word) => region.text.includes(word))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(region.text); m; m = re.exec(region.text)) {
      const entry = resolve(m, catalog, year);
      if (!entry) continue;
      const end = m.index + m[0].length;
      const table = /Table\s+\d{1,2}-\d{1,2}/.exec(m[0]);
      const tableSpan = table
        ? span(region, m.index + table.index, m.index + table.index + table[0].length)
        : undefined;
      found.push(
        withPages(citation('prose', span(region, m.index, end), { entry, table: tableSpan }), region, m.index, end),
      );
    }
  }
  // Where two recognisers claim the same words, the first (more specific) one keeps them.
  found.sort(byStart);
  return withoutOverlaps(found);
}

/**
 * The citations (sorted by start) that overlap no citation before them, kept or not. Every
 * citation is a non-empty match and starts no earlier than those before it, so it overlaps one of
 * them exactly when it starts before the furthest end so far: one pass, however many there are.
 */
function withoutOverlaps(sorted: Citation[]): Citation[] {
  const kept: Citation[] = [];
  let furthest: Position | undefined;
  for (const c of sorted) {
    const { start, end } = c.span.range;
    if (!furthest || !before(start, furthest)) kept.push(c);
    if (!furthest || before(furthest, end)) furthest = end;
  }
  return kept;
}

/** Of several versions (CPMTG 2009 and 2016), the latest one not newer than the letter. */
function inForce(entries: GuidelineEntry[], year?: number): GuidelineEntry | undefined {
  const yearOf = (e: GuidelineEntry) => Number(/(?:19|20)\d\d/.exec(e.id)?.[0] ?? 0);
  const usable = entries.filter((e) => !year || yearOf(e) <= year).sort((a, b) => yearOf(b) - yearOf(a));
  return usable[0] ?? entries[0];
}

function named(catalog: CatalogLookups, name: string, year?: number): GuidelineEntry | undefined {
  const base = name.replace(/^(?:CA|California)\s+/, '');
  if (year) {
    const dated =
      catalog.named(`${base} ${year}`)[0] ??
      (year >= 2016 && /chronic pain/i.test(base) ? catalog.get('mtus-cpmtg-2016') : undefined);
    if (dated) return dated;
  }
  return catalog.named(base)[0];
}

// ---- helpers ----

/** Every match of a global regular expression: what `[...text.matchAll(re)]` gives, without the iterator's cost. */
function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

function PAGES_AT(text: string, from: number, end: number): number {
  const m = /\b(?:page\(s\)|pages?|pgs?\.?|pp?\.)\s*:?/i.exec(text.slice(from, end));
  return m ? from + m.index : end;
}

/** Fills in the pages cited between `from` and `to`, and those that could not be read. */
function withPages(c: Citation, region: Region, from: number, to: number): Citation {
  const within = region.text.slice(from, to);
  let pages: PageRef[] | undefined;
  let badPages: Span[] | undefined;
  PAGES.lastIndex = 0;
  for (let m = PAGES.exec(within); m; m = PAGES.exec(within)) {
    const listStart = from + m.index + m[0].length - m[1].length - m[2].length;
    if (m[2]) (badPages ??= []).push(span(region, listStart, listStart + m[1].length + 1)); // `171-` with nothing after it
    const item = /(\d+)(?:\s*-\s*(\d+))?/g;
    for (let n = item.exec(m[1]); n; n = item.exec(m[1])) {
      const at = listStart + n.index;
      const fromPage = Number(n[1]);
      const toPage = n[2] ? Number(n[2]) : fromPage;
      if (toPage < fromPage) (badPages ??= []).push(span(region, at, at + n[0].length));
      else (pages ??= []).push({ range: region.range(at, at + n[0].length), from: fromPage, to: toPage });
    }
  }
  if (pages) c.pages = pages;
  if (badPages) c.badPages = badPages;
  return c;
}

// Most citations name no page and no part: they share these (read-only) empty lists.
const NO_PARTS: readonly CitedPart[] = [];
const NO_PAGES: readonly PageRef[] = [];
const NO_SPANS: readonly Span[] = [];

/** A citation with no pages yet. Written out, not spread: one object shape for every citation keeps the hot path fast. */
function citation(
  kind: Citation['kind'],
  whole: Span,
  more: Pick<Citation, 'name' | 'entry' | 'table' | 'statement'> & { parts?: readonly CitedPart[] },
): Citation {
  const c: Citation = {
    kind,
    span: whole,
    parts: more.parts && more.parts.length > 0 ? more.parts : NO_PARTS,
    pages: NO_PAGES,
    badPages: NO_SPANS,
  };
  if (more.name) c.name = more.name;
  if (more.entry) c.entry = more.entry;
  if (more.table) c.table = more.table;
  if (more.statement) c.statement = more.statement;
  return c;
}

function span(region: Region, from: number, to: number): Span {
  return { range: region.range(from, to), text: collapseWhite(region.text.slice(from, to)) };
}

/** Back over white space and , . : (what ends a topic before its pages). */
function trimPunctuation(text: string, from: number, to: number): number {
  while (to > from && (isSpace(text.charCodeAt(to - 1)) || ',.:'.includes(text[to - 1]))) to--;
  return to;
}

/** Back over white space and . , ; */
function trimEnd(text: string, from: number, to: number): number {
  while (to > from && isSpaceOrStop(text.charCodeAt(to - 1))) to--;
  return to;
}

function isSpaceOrStop(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || isSpace(c);
}

/** Forward over white space (and, with `andPunctuation`, over , / :). */
function skipSpace(text: string, from: number, to: number, andPunctuation = false): number {
  while (from < to && (isSpace(text.charCodeAt(from)) || (andPunctuation && isListPunctuation(text.charCodeAt(from)))))
    from++;
  return from;
}

function isListPunctuation(c: number): boolean {
  return c === 44 || c === 47 || c === 58;
}

function byStart(a: Citation, b: Citation): number {
  const x = a.span.range.start;
  const y = b.span.range.start;
  return x.line - y.line || x.character - y.character;
}
