import type { Range } from 'vscode-languageserver-types';
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
  | 'caseNumber'
  | 'dateAssigned'
  | 'dateOfInjury'
  | 'decisionDate'
  | 'urDenialDate'
  | 'priority'
  | 'applicationReceived';

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
  header?: Header;
  sections: Section[];
  reviewer: Reviewer;
  items: Item[];
  lineCount: number;
}
