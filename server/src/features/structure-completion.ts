import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { fieldLabel } from '../letter/items';
import type { SectionSpec } from '../letter/layouts';
import type { Decision, HeaderKey, Item, ItemFieldKind, Letter, ReviewerFieldKind, Section } from '../letter/model';
import { HEADER_LABELS, ITEM_FIELD_LABELS, PLACEHOLDER, REVIEWER_LABELS } from '../vocabulary/labels';
import { DECISION_MEANING } from '../vocabulary/decisions';

/*
 * Completion that knows where the cursor is in the letter: the section headings the layout still
 * lacks, the header labels, the reviewer's credentials and an item's fields that are missing, the
 * decision after an item line's colon, and snippets for a whole letter, a header block and a
 * disputed item. Runs on every keystroke: one pass over the sections, the header fields and the
 * items, nothing over the text.
 */

/** Longer than any heading or label: a longer start of a line is prose, not something being typed. */
const MAX_TYPED = 100;

const HEADER_DOCS: Record<HeaderKey, string> = {
  caseNumber: 'The IMR case number, CMyy-nnnnnnn (two-digit year, seven digits).',
  dateAssigned: 'The date the case was assigned to the expert reviewer, MM/DD/YYYY.',
  dateOfInjury: "The date of the worker's industrial injury, MM/DD/YYYY.",
  decisionDate: 'The date of the IMR Final Determination, MM/DD/YYYY; the 30-day appeal period runs from it.',
  urDenialDate: 'The date of the utilization review decision that denied or modified the treatment, MM/DD/YYYY.',
  priority: 'Standard or Expedited.',
  applicationReceived: 'The date the IMR application was received, MM/DD/YYYY.',
};

const REVIEWER_DOCS: Record<ReviewerFieldKind, string> = {
  licensure: 'The states where the expert reviewer is licensed, separated by commas.',
  specialty: "The expert reviewer's board certification(s) and specialty, separated by commas.",
};

const ITEM_FIELD_DOCS: Record<ItemFieldKind, string> = {
  claimsAdministratorGuideline: "The guideline the claims administrator's utilization review relied on.",
  maximusGuideline: 'The guideline the IMR expert reviewer relied on.',
  rationale: "The expert reviewer's reasons, ending with whether the treatment is medically necessary.",
};

const DECISIONS: Decision[] = ['Upheld', 'Overturned'];

// What the letters print, word for word (shared/domain.md §2.4), wrapped as they wrap it.
const DETERMINATION_BOILERPLATE = [
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no',
  'affiliation with the employer, employee, providers or the claims administrator. He/she has been',
  'in active clinical practice for more than five years and is currently working at least 24 hours a',
  'week in active practice. The expert reviewer was selected based on his/her clinical experience,',
  'education, background, and expertise in the same or similar specialties that evaluate and/or treat',
  'the medical condition and disputed items/Service. He/she is familiar with governing laws and',
  'regulations, including the strength of evidence hierarchy that applies to Independent Medical',
  'Review determinations.',
].join('\n');
const CREDENTIALS_INTRO = 'The Expert Reviewer has the following credentials:';
const SUMMARY_LEAD =
  'The expert reviewer developed the following clinical case summary based on a review of the\ncase file, including all medical records:';
const ISSUES_LEAD = 'The Final Determination was based on decisions for the disputed items/services set forth below:';

// Snippet defaults are chosen so that a snippet accepted as it is still parses and passes the
// checks (a dummy case number and date of the right shape); prose fields hold the placeholder the
// quick fixes insert.
const DUMMY_CASE = 'CM00-0000000';
const DUMMY_DATE = '01/01/2000';
const TREATMENT = '[requested treatment]';

/** The header block, one `Label: value` a line, tab stops from `first`. */
function headerSnippet(first: number): string {
  const keys = Object.keys(HEADER_LABELS) as HeaderKey[];
  return keys
    .map((key, k) => {
      const stop = first + k;
      const value =
        key === 'caseNumber'
          ? `\${${stop}:${DUMMY_CASE}}`
          : key === 'priority'
            ? `\${${stop}|Standard,Expedited|}`
            : `\${${stop}:${DUMMY_DATE}}`;
      return `${HEADER_LABELS[key]} ${value}`;
    })
    .join('\n');
}

/** A disputed item: its line with the decision to choose, then its three fields, tab stops from `first`. */
function itemSnippet(first: number): string {
  return [
    `\${${first}:${TREATMENT}}: \${${first + 1}|Upheld,Overturned|}`,
    '',
    `${ITEM_FIELD_LABELS.claimsAdministratorGuideline} \${${first + 2}:${PLACEHOLDER}}`,
    '',
    `${ITEM_FIELD_LABELS.maximusGuideline} \${${first + 3}:${PLACEHOLDER}}`,
    '',
    `${ITEM_FIELD_LABELS.rationale} \${${first + 4}:${PLACEHOLDER}}`,
  ].join('\n');
}

const HEADER_SNIPPET = `${headerSnippet(1)}\n$0`;
const ITEM_SNIPPET = `${itemSnippet(1)}\n$0`;
/** A whole Final Determination letter (the current layout). */
const SKELETON_SNIPPET = [
  headerSnippet(1),
  '',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  DETERMINATION_BOILERPLATE,
  '',
  CREDENTIALS_INTRO,
  `${REVIEWER_LABELS.licensure} \${8:${PLACEHOLDER}}`,
  `${REVIEWER_LABELS.specialty} \${9:${PLACEHOLDER}}`,
  '',
  'CLINICAL CASE SUMMARY',
  SUMMARY_LEAD,
  '',
  `\${10:${PLACEHOLDER}}`,
  '',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  ISSUES_LEAD,
  '',
  itemSnippet(11),
  '$0',
].join('\n');

/** A candidate before it becomes a completion item: the group orders candidates across contexts. */
interface Candidate {
  label: string;
  newText: string;
  kind: CompletionItemKind;
  detail: string;
  documentation?: string;
  snippet?: boolean;
  group: number;
}

// Groups, in the order the items are listed.
const G_SKELETON = 0;
const G_CONTEXT = 1; // the fields this place lacks: header, reviewer, item
const G_SNIPPET = 2;
const G_HEADING_HERE = 3;
const G_HEADING_ELSEWHERE = 4;

/**
 * Completions for the structure of the letter at `position`. `linePrefix` is the line's text up to
 * the cursor. Each item's edit replaces exactly what was typed of it on this line.
 *
 * `lineSuffix`, the line's text after the cursor, is optional: the model knows where headings,
 * labels and item lines are, but not every line of prose, so without it a line of a paragraph whose
 * start the cursor is at looks like an empty line. Given, any text after the cursor means none.
 */
export function structureCompletions(
  letter: Letter,
  position: Position,
  linePrefix: string,
  lineSuffix = '',
): CompletionItem[] {
  if (letter.binary || lineSuffix.trim() !== '') return [];
  const line = position.line;
  const decision = afterTitleColon(letter, position, linePrefix);
  if (decision) return decision;

  const typed = /^\s*(.*)$/s.exec(linePrefix)![1];
  if (typed.length > MAX_TYPED) return [];
  const from = position.character - typed.length;
  // Something the model knows runs on past the cursor: the line is not empty, and inserting a
  // heading or label would push it along (or split it).
  if (lineBusy(letter, line, position.character)) return [];

  const place = placeOf(letter, line);
  if (place === 'inside-heading') return [];
  const { current, next } = place;
  const candidates: Candidate[] = [];
  if (!current) candidates.push(...headerCandidates(letter, line));
  if (current?.kind === 'determination') candidates.push(...reviewerCandidates(letter));

  // The disputed items.
  let inItems = false;
  if (current?.kind === 'issues' && letter.layout.items !== 'numbered-notices') {
    const item = itemBefore(letter, current, line);
    inItems = item !== undefined;
    if (item && letter.layout.items === 'blocks') {
      const present = new Set(item.fields.map((f) => f.kind));
      const name = item.name
        ? `"${item.name.length > 40 ? `${item.name.slice(0, 40)}…` : item.name}"`
        : 'the item above';
      for (const kind of Object.keys(ITEM_FIELD_LABELS) as ItemFieldKind[]) {
        if (!present.has(kind))
          candidates.push({
            label: ITEM_FIELD_LABELS[kind],
            newText: `${ITEM_FIELD_LABELS[kind]} `,
            kind: CompletionItemKind.Field,
            detail: `Field of ${name}`,
            documentation: ITEM_FIELD_DOCS[kind],
            group: G_CONTEXT,
          });
      }
    }
    // A new item goes between items, not between an item's line and its fields. The typed text
    // itself may have become the last line of the item above.
    const within = item !== undefined && item.range.end.line >= line && !(typed !== '' && item.range.end.line === line);
    if (letter.layout.items === 'blocks' && !within) {
      candidates.push({
        label: 'Disputed item',
        newText: ITEM_SNIPPET,
        kind: CompletionItemKind.Snippet,
        detail: 'Item line with its decision, then its three fields',
        documentation:
          'A disputed item: the treatment, Upheld or Overturned, the guidelines both sides relied on and the rationale.',
        snippet: true,
        group: G_SNIPPET,
      });
    }
  }

  // Section headings the layout expects and the letter lacks; those that belong here first.
  const specs = letter.layout.sections;
  const present = new Set(letter.sections.map((s) => s.kind));
  const index = (s: Section) => specs.findIndex((spec) => spec.kind === s.kind);
  const lo = current ? index(current) : -1;
  const hi = next ? index(next) : specs.length;
  specs.forEach((spec, k) => {
    if (present.has(spec.kind)) return;
    const here = lo < k && k < hi;
    if (inItems && !here) return; // among the items only a heading that follows them is wanted
    candidates.push(headingCandidate(spec, letter.layout.name, here));
  });

  return toItems(candidates, line, from, position, typed);
}

function headingCandidate(spec: SectionSpec, layout: string, here: boolean): Candidate {
  const detail = `Section heading${spec.required ? '' : ' (optional)'}${here ? '' : ' (belongs elsewhere in the letter)'}`;
  return {
    label: spec.heading,
    newText: spec.heading,
    kind: CompletionItemKind.Module,
    detail,
    documentation: `A section of the ${layout} layout.`,
    group: here ? G_HEADING_HERE : G_HEADING_ELSEWHERE,
  };
}

/** Candidates whose text starts with what was typed, ordered by group, each label once. */
function toItems(
  candidates: Candidate[],
  line: number,
  from: number,
  position: Position,
  typed: string,
): CompletionItem[] {
  const want = normalize(typed);
  const seen = new Set<string>();
  const range: Range = { start: { line, character: from }, end: position };
  const counts = new Map<number, number>();
  const kept = candidates
    .map((c, k) => ({ c, k }))
    .filter(({ c }) => normalize(c.label).startsWith(want) && !seen.has(c.label) && seen.add(c.label))
    .sort((a, b) => a.c.group - b.c.group || a.k - b.k);
  return kept.map(({ c }) => {
    const n = counts.get(c.group) ?? 0;
    counts.set(c.group, n + 1);
    const item: CompletionItem = {
      label: c.label,
      kind: c.kind,
      detail: c.detail,
      sortText: `${c.group}${String(n).padStart(3, '0')}`,
      filterText: c.label,
      textEdit: { range, newText: c.newText },
    };
    if (c.documentation) item.documentation = c.documentation;
    item.insertTextFormat = c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText;
    return item;
  });
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}

/**
 * `Upheld` and `Overturned` after the last colon of an item line in the issues section
 * (`Hinged knee brace, left: U`), replacing the word begun there. Undefined when the line is not
 * an item line there.
 */
function afterTitleColon(letter: Letter, position: Position, linePrefix: string): CompletionItem[] | undefined {
  const m = /^\s*(\S.*):(\s*)([A-Za-z]*)$/s.exec(linePrefix);
  if (!m || letter.layout.items === 'numbered-notices') return undefined;
  const [, title, space, word] = m;
  const line = position.line;
  const place = placeOf(letter, line);
  if (place === 'inside-heading' || place.current?.kind !== 'issues') return undefined;
  if (letter.sections.some((s) => s.heading.range.start.line === line)) return undefined; // a heading ending in a colon
  if (
    fieldLabel(linePrefix.trim()) ||
    /^associated surgical service$/i.test(title.trim()) ||
    /^the final determination was based|\bbelow$/i.test(title.trim())
  )
    return undefined;
  const lower = word.toLowerCase();
  const choices = DECISIONS.filter((d) => d.toLowerCase().startsWith(lower) && d !== word); // a decision written out needs nothing
  if (choices.length === 0 || !isItemLine(letter, line, position.character)) return [];
  const start = { line, character: position.character - word.length };
  const lead = space === '' && word === '' ? ' ' : ''; // right after the colon: the space letters put there
  return choices.map((d, k) => ({
    label: d,
    kind: CompletionItemKind.EnumMember,
    detail: DECISION_MEANING[d].summary,
    documentation: DECISION_MEANING[d].explanation,
    sortText: `${G_CONTEXT}${String(k).padStart(3, '0')}`,
    filterText: d,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: { start, end: position }, newText: lead + d },
  }));
}

/**
 * Whether `line` reads as an item line: it is an item's title (or decision) line, or it belongs
 * to no item, or it follows the conclusion of the rationale it ran into (a new item typed after
 * the last one, before it has its decision). A line inside a field's text is prose.
 */
function isItemLine(letter: Letter, line: number, character: number): boolean {
  for (const item of letter.items) {
    if (item.range.start.line > line) break;
    if (item.range.end.line < line) continue;
    const titleEnd = item.decision && item.decision.text ? item.decision.range.end.line : item.title.range.end.line;
    if (item.title.text && item.title.range.start.line <= line && line <= titleEnd) {
      // The cursor before or inside a decision already written: completing would add a second one.
      const d = item.decision;
      return !(d && d.text && d.range.start.line === line && d.range.end.character > character);
    }
    for (const f of item.fields) {
      if (f.range.start.line > line || f.range.end.line < line) continue;
      const end = item.conclusion?.span.range.end.line;
      return f.kind === 'rationale' && end !== undefined && end < line && f.range.end.line === line;
    }
  }
  return true;
}

type Place = { current?: Section; next?: Section } | 'inside-heading';

/**
 * The section the line is in (the last whose heading starts above it) and the next section after
 * it. A heading on the line itself is what is being typed and counts as neither.
 */
function placeOf(letter: Letter, line: number): Place {
  let current: Section | undefined;
  for (const s of letter.sections) {
    const h = s.heading.range;
    if (h.start.line < line) {
      if (h.end.line >= line) return 'inside-heading'; // the second line of a wrapped heading
      current = s;
    } else if (h.start.line > line) {
      return { current, next: s };
    }
  }
  return { current };
}

/** The last item of the section starting above the line, if the line is in the issues section after one. */
function itemBefore(letter: Letter, section: Section, line: number): Item | undefined {
  let found: Item | undefined;
  for (const item of letter.items) {
    const start = item.range.start.line;
    if (start >= line) break;
    if (start > section.heading.range.end.line) found = item;
  }
  return found;
}

/**
 * Whether a heading, label, item line or decision the model knows starts on the line and ends
 * after the cursor. What starts on the line and ends at the cursor is what is being typed.
 */
function lineBusy(letter: Letter, line: number, cursor: number): boolean {
  const busy = (r: Range | undefined) =>
    r !== undefined && r.start.line === line && (r.end.line > line || r.end.character > cursor);
  if (letter.sections.some((s) => busy(s.heading.range))) return true;
  if (letter.header?.fields.some((f) => busy(f.label.range) || busy(f.value?.range))) return true;
  if (letter.reviewer.fields.some((f) => busy(f.label.range) || busy(f.value?.range))) return true;
  for (const item of letter.items) {
    if (item.range.start.line > line) break;
    if (item.range.end.line < line) continue;
    if ((item.title.text && busy(item.title.range)) || (item.decision?.text && busy(item.decision.range))) return true;
    if (item.fields.some((f) => busy(f.label.range) || busy(f.value?.range))) return true;
  }
  return false;
}

/** The header zone (before the first section): a letter or header skeleton, and the header labels still missing. */
function headerCandidates(letter: Letter, line: number): Candidate[] {
  const candidates: Candidate[] = [];
  // What was typed on the line and is already recognised counts as there, except `Application`
  // alone: the model reads it as the first half of a wrapped label, the typist means `Application Received:`.
  const typedHalfLabel = (label: Range, text: string) => label.start.line === line && !text.endsWith(':');

  const present = new Set(
    (letter.header?.fields ?? []).filter((f) => !typedHalfLabel(f.label.range, f.label.text)).map((f) => f.key),
  );
  const noHeader = present.size === 0;
  if (letter.sections.length === 0 && noHeader) {
    candidates.push({
      label: 'IMR letter skeleton',
      newText: SKELETON_SNIPPET,
      kind: CompletionItemKind.Snippet,
      detail: 'A whole IMR Final Determination letter to fill in',
      documentation:
        "Header, the three sections with their standard sentences, the expert reviewer's credentials and one disputed item.",
      snippet: true,
      group: G_SKELETON,
    });
  }
  if (noHeader && letter.layout.headerFields.length > 0) {
    candidates.push({
      label: 'IMR header block',
      newText: HEADER_SNIPPET,
      kind: CompletionItemKind.Snippet,
      detail: 'Case number, dates and priority',
      documentation: 'The header every Final Determination letter starts with.',
      snippet: true,
      group: G_CONTEXT,
    }); // before the labels it holds
  }
  for (const key of letter.layout.headerFields) {
    if (!present.has(key))
      candidates.push({
        label: HEADER_LABELS[key],
        newText: `${HEADER_LABELS[key]} `,
        kind: CompletionItemKind.Field,
        detail: 'Header field',
        documentation: HEADER_DOCS[key],
        group: G_CONTEXT,
      });
  }
  return candidates;
}

/** In the section on how the determination was made: the expert reviewer's credentials still missing. */
function reviewerCandidates(letter: Letter): Candidate[] {
  const candidates: Candidate[] = [];
  if (!letter.layout.reviewerFields) return candidates;
  const present = new Set(letter.reviewer.fields.map((f) => f.kind));
  for (const kind of Object.keys(REVIEWER_LABELS) as ReviewerFieldKind[]) {
    if (!present.has(kind))
      candidates.push({
        label: REVIEWER_LABELS[kind],
        newText: `${REVIEWER_LABELS[kind]} `,
        kind: CompletionItemKind.Field,
        detail: 'Expert reviewer credential',
        documentation: REVIEWER_DOCS[kind],
        group: G_CONTEXT,
      });
  }
  return candidates;
}
