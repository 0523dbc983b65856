import type { Range } from 'vscode-languageserver-types';
import type { GuidelineEntry } from '../guidelines/catalog';
import type { CalendarDate } from './dates';
import type { Layout, SectionKind } from './layouts';

/** A piece of the letter: its range in the text and its text with wrapped lines joined and spaces collapsed. */
export interface Span {
  range: Range;
  text: string;
}

export interface Section {
  kind: SectionKind;
  /** The heading as the layout names it (canonical spelling). */
  name: string;
  heading: Span;
  /** From the heading to the last non-blank line before the next section. */
  range: Range;
}

export type HeaderKey =
  'caseNumber' | 'dateAssigned' | 'dateOfInjury' | 'decisionDate' | 'urDenialDate' | 'priority' | 'applicationReceived';

export interface HeaderField {
  key: HeaderKey;
  label: Span;
  /** Absent when the label has no value. */
  value?: Span;
}

export interface Header {
  range: Range;
  /** Every header label found, in document order (a label may appear twice in a broken letter). */
  fields: HeaderField[];
}

/** A `Label: value` field, such as `State(s) of Licensure:` or `Decision rationale:`. */
export interface LabeledField<K extends string = string> {
  kind: K;
  label: Span;
  /** Absent when the label is followed by nothing. */
  value?: Span;
  /** From the label to the end of the value. */
  range: Range;
  /** Guideline citations in the value (guideline fields and rationales only). */
  citations?: Citation[];
}

/** A page or page range as cited: `178`, `171-171`, `pg. 607`. */
export interface PageRef {
  range: Range;
  from: number;
  to: number;
}

/** A section or topic named in a citation (`Section(s): Special Studies`, `1.4 Opioids for Acute Pain: ...`). */
export interface CitedPart {
  span: Span;
  entry?: GuidelineEntry;
}

/**
 * One guideline cited: `MTUS Low Back Complaints 2004, Section(s): Summary`, `Non-MTUS Citation
 * Official Disability Guidelines (ODG), Low Back Chapter`, `ACOEM Chapter 12, Table 12-8, page 309`,
 * or one of the fixed statements that no guideline (or none in the MTUS) was relied on.
 */
export interface Citation {
  /** mtus / non-mtus: a `Decision based on` citation; prose: named inside a rationale; statement: a fixed sentence. */
  kind: 'mtus' | 'non-mtus' | 'prose' | 'statement';
  span: Span;
  /** The guideline's name as written. */
  name?: Span;
  /** The catalog entry the name resolves to; absent when it resolves to none. */
  entry?: GuidelineEntry;
  parts: readonly CitedPart[];
  pages: readonly PageRef[];
  /** A table cited in prose (`Table 12-8`). */
  table?: Span;
  /** Page lists that could not be read (`171-` with nothing after it, `179-171`). */
  badPages: readonly Span[];
  statement?: 'outside-mtus' | 'no-evidence';
  /** A web address cited as a non-MTUS source. */
  url?: string;
}

export type ReviewerFieldKind = 'licensure' | 'specialty';

export interface Reviewer {
  /** The line that introduces the credentials ("The Expert Reviewer has the following credentials:"), if present. */
  intro?: Span;
  fields: LabeledField<ReviewerFieldKind>[];
  /** Layouts that describe the reviewer in prose (2013 notice, professional review) keep it here. */
  prose?: Span;
}

export type Decision = 'Upheld' | 'Overturned';

export interface ItemDecision {
  /** The decision as written after the item's last colon. */
  text: string;
  range: Range;
  /** Upheld or Overturned when the text is one of them (in any letter case); absent when it is something else. */
  value?: Decision;
  /** True when the layout states no decision word and it was read from a sentence (2013 notices). */
  inferred?: boolean;
}

export type ItemFieldKind = 'claimsAdministratorGuideline' | 'maximusGuideline' | 'rationale';

/** The rationale's closing verdict on the treatment. */
export interface Conclusion {
  span: Span;
  /** True for "is medically necessary", false for "is not medically necessary". */
  necessary: boolean;
  /** The treatment the sentence names, when it names one ("the request for X is ..."). */
  subject?: string;
}

export interface Item {
  /** The requested treatment, short: for a modified-UR paragraph, the portion the decision is about. */
  name: string;
  /** The whole item line(s) before the decision's colon. Empty text (and an empty range) when the item has no title. */
  title: Span;
  decision?: ItemDecision;
  fields: LabeledField<ItemFieldKind>[];
  /** `Associated surgical service: ...` items. */
  associatedSurgicalService: boolean;
  /** A modified-UR item: part of the original request was authorized and the rest went to IMR. */
  modifiedRequest: boolean;
  /** The rationale's conclusion, when it has one. */
  conclusion?: Conclusion;
  range: Range;
}

/** What the clinical case summary states, for checks against the header and the items. */
export interface SummaryFacts {
  /** The injury date the summary gives ("sustained an industrial injury on 10-13-16"). */
  injuryDate?: { span: Span; date: CalendarDate };
  /** The treatments of "The requested treatment includes X and Y." */
  requested: Span[];
}

/** A word split by a hyphen at a line end. */
export interface SplitWord {
  /** From the hyphen to the start of the next line's word (line break, blank lines and indentation between). */
  range: Range;
  /** The first part, its hyphen included ("FDA-"), and the word the next line starts with ("approved"). */
  before: string;
  after: string;
}

/** What PDF extraction left behind. */
export interface Artifacts {
  /** Words split by a hyphen at a line end ("FDA-" / "approved"). */
  splitWords: SplitWord[];
  /** Form feeds (page breaks) that split a sentence or a word inside a field's text, one character each. */
  formFeeds: Range[];
}

/** A reader's annotation (CriticMarkup). */
export interface Annotation {
  form: 'comment' | 'highlight' | 'addition' | 'deletion' | 'substitution';
  /** The whole markup; for a highlight, its comment included. */
  range: Range;
  /** False when the closing marker is missing; the range is then the opening marker. */
  closed: boolean;
  /** The kind the comment starts with ("question", "appeal-fact"), lower-cased, as written. */
  kind?: string;
  kindRange?: Range;
  /** The comment's words after its kind. */
  note: string;
  /** The highlighted, deleted or replaced text. */
  quote?: string;
  /** The text an addition or substitution proposes. */
  proposed?: string;
  /** For a highlight: where its comment is. */
  commentRange?: Range;
  /** Why the markup cannot be read, when it cannot. */
  malformed?: string;
  /** Offsets into the source, for edits and exports. */
  offsets: { start: number; end: number; innerStart: number; innerEnd: number; arrow: number };
}

/** An inline `{>>imr-disable... rule<<}` directive. No rule ids means every rule. */
export interface Suppression {
  kind: 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';
  rules: string[];
  range: Range;
}

export interface Letter {
  layout: Layout;
  /** False when nothing of an IMR letter was recognised (no heading, header label or item). */
  recognized: boolean;
  /** True when the text is not text at all (NUL bytes, control characters): nothing was parsed. */
  binary: boolean;
  /** True when the extractor put a blank line after every line. */
  doubleSpaced: boolean;
  /** True when the text holds nothing but white space and page breaks, or nothing at all. */
  blank: boolean;
  header?: Header;
  sections: Section[];
  reviewer: Reviewer;
  items: Item[];
  summary?: SummaryFacts;
  artifacts: Artifacts;
  annotations: Annotation[];
  suppressions: Suppression[];
  lineCount: number;
  /** Characters in the text, annotations included. */
  size: number;
}
