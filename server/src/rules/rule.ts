import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Layout } from '../letter/layouts';
import type { Item, Letter } from '../letter/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Level = Severity | 'off';
export const LEVELS: readonly Level[] = ['error', 'warning', 'information', 'hint', 'off'];

/** A fix is plain edit data, so the quick fix, fix-all and the command line share it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply unasked (fix-all, fix on save, `imr-lint --fix`): it only restores what the finding says is wrong. */
  safe?: boolean;
}

export interface Finding {
  range: Range;
  message: string;
  /**
   * The ways to fix it, the preferred one first; several when a reader must choose. Made when a
   * code action or --fix asks, not kept with every finding: a long letter has thousands.
   */
  fixes?: () => Fix[];
}

export interface Rule {
  /** Stable id, `area.problem`; users set levels and silence findings by it. */
  id: string;
  description: string;
  /** Why it matters for this kind of letter (for docs/rules.md). */
  why: string;
  /** A short example of what it catches. */
  example: string;
  severity: Severity;
  /** Rules run only on text recognised as a letter, except those that say what the text is. */
  appliesToAnyText?: boolean;
  /** Findings about the letter as a whole, or across its items. */
  check?(letter: Letter, context: RuleContext): Finding[];
  /**
   * Findings about one item, read from the item and the letter's layout alone (reported after
   * check's, item by item): the server keeps them for the items an edit did not touch.
   */
  checkItem?(item: Item, layout: Layout, context: RuleContext): Finding[];
}

/** What a rule may know besides the letter. */
export interface RuleContext {
  /** Today's date, for dates in the future (given, so checks stay pure and testable). */
  today: Date;
  /** The annotation kinds in use: the defaults and the user's. */
  annotationKinds: readonly string[];
  /** Letters over this many characters get no checks but the one that says so (no limit when absent). */
  sizeLimit?: number;
  /** The ids of every rule, for directives that name one. */
  ruleIds: ReadonlySet<string>;
}

/** A finding with its rule and the level it is reported at. */
export interface Problem extends Finding {
  ruleId: string;
  severity: Severity;
}
