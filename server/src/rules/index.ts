import type { Letter } from '../letter/model';
import { annotationTodo } from './annotation-todo';
import { annotationUnknownKind } from './annotation-unknown-kind';
import { annotationMalformed } from './annotation-malformed';
import { annotationNested } from './annotation-nested';
import { annotationUnclosed } from './annotation-unclosed';
import { sectionOutOfOrder } from './section-out-of-order';
import { sectionDuplicate } from './section-duplicate';
import { itemDuplicate } from './item-duplicate';
import { labelNonstandard } from './label-nonstandard';
import { textFormFeedInField } from './text-form-feed-in-field';
import { textSplitWord } from './text-split-word';
import { isSuppressed } from '../letter/suppressions';
import { kindVocabulary } from '../vocabulary/annotation-kinds';
import { citationBadPageList } from './citation-bad-page-list';
import { citationMaximusNonMtusOnly } from './citation-maximus-non-mtus-only';
import { citationPageOutOfRange } from './citation-page-out-of-range';
import { citationUnresolved } from './citation-unresolved';
import { headerBadCaseNumber } from './header-bad-case-number';
import { headerBadDate } from './header-bad-date';
import { headerBadPriority } from './header-bad-priority';
import { headerDatesOutOfOrder } from './header-dates-out-of-order';
import { headerFutureDate } from './header-future-date';
import { headerMissingField } from './header-missing-field';
import { issuesNoItems } from './issues-no-items';
import { itemConclusionNamesOtherTreatment } from './item-conclusion-names-other-treatment';
import { itemDecisionContradictsRationale } from './item-decision-contradicts-rationale';
import { itemEmptyField } from './item-empty-field';
import { itemInvalidDecision } from './item-invalid-decision';
import { itemMissingDecision } from './item-missing-decision';
import { itemMissingField } from './item-missing-field';
import { itemNoConclusion } from './item-no-conclusion';
import { letterBinary } from './letter-binary';
import { letterEmpty } from './letter-empty';
import { letterTooLarge } from './letter-too-large';
import { letterPdfUnreadable } from './letter-pdf-unreadable';
import { letterUnrecognized } from './letter-unrecognized';
import { reviewerMissingField } from './reviewer-missing-field';
import type { FindingMemo } from '../incremental/finding-memo';
import { type Finding, LEVELS, type Level, type Problem, type Rule, type RuleContext } from './rule';
import { sectionMissing } from './section-missing';
import { summaryInjuryDateMismatch } from './summary-injury-date-mismatch';
import { summaryUndecidedTreatment } from './summary-undecided-treatment';
import { suppressionUnknownRule } from './suppression-unknown-rule';

export const RULES: readonly Rule[] = [
  letterBinary,
  letterEmpty,
  letterUnrecognized,
  letterTooLarge,
  letterPdfUnreadable,
  sectionMissing,
  sectionDuplicate,
  sectionOutOfOrder,
  headerMissingField,
  headerBadCaseNumber,
  headerBadDate,
  headerBadPriority,
  headerDatesOutOfOrder,
  headerFutureDate,
  summaryInjuryDateMismatch,
  summaryUndecidedTreatment,
  reviewerMissingField,
  issuesNoItems,
  itemMissingDecision,
  itemInvalidDecision,
  itemMissingField,
  itemEmptyField,
  itemDuplicate,
  itemDecisionContradictsRationale,
  itemNoConclusion,
  itemConclusionNamesOtherTreatment,
  citationUnresolved,
  citationPageOutOfRange,
  citationBadPageList,
  citationMaximusNonMtusOnly,
  labelNonstandard,
  textSplitWord,
  textFormFeedInField,
  suppressionUnknownRule,
  annotationUnclosed,
  annotationMalformed,
  annotationUnknownKind,
  annotationNested,
  annotationTodo,
];
const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

export interface CheckOptions {
  /** Level per rule id; a rule not named keeps its default. */
  rules?: Readonly<Record<string, Level>>;
  /** Defaults to now. */
  today?: Date;
  /** Annotation kinds the user added to the defaults. */
  annotationKinds?: readonly string[];
  /** Above this many characters only the rules that say what the text is run (the editor's limit; none by default). */
  sizeLimit?: number;
}

/**
 * Runs every rule that is not switched off, at the level the user set. With `memo` (the
 * document's), the findings of items kept from the last version are taken back.
 */
// Most rules find nothing in an item: the memo keeps one shared empty list for all of them.
const NONE: Finding[] = [];
const orNone = (findings: Finding[]) => (findings.length === 0 ? NONE : findings);

export function checkLetter(letter: Letter, options: CheckOptions = {}, memo?: FindingMemo): Problem[] {
  const problems: Problem[] = [];
  const context: RuleContext = {
    today: options.today ?? new Date(),
    annotationKinds: kindVocabulary(options.annotationKinds).map((k) => k.id),
    sizeLimit: options.sizeLimit,
    ruleIds: RULE_IDS,
  };
  const tooLarge = options.sizeLimit !== undefined && letter.size > options.sizeLimit;
  // What an item rule may read besides the item: findings kept under another one are not taken back.
  const rows = memo?.rows(
    letter.items,
    `${letter.layout.id} ${context.today.toDateString()} ${context.annotationKinds.join()}`,
    RULES.length,
  );
  RULES.forEach((rule, r) => {
    const level = levelOf(rule, options);
    if (level === 'off' || (!rule.appliesToAnyText && (!letter.recognized || tooLarge))) return;
    const report = ({ range, message, fixes }: Finding) => {
      if (isSuppressed(letter.suppressions, rule.id, range.start.line)) return;
      // Written out, not spread: a long letter has thousands of findings, and a spread copies slowly.
      problems.push(
        fixes
          ? { range, message, fixes, ruleId: rule.id, severity: level }
          : { range, message, ruleId: rule.id, severity: level },
      );
    };
    if (rule.check) rule.check(letter, context).forEach(report);
    const checkItem = rule.checkItem;
    if (checkItem)
      letter.items.forEach((item, k) =>
        (rows
          ? (rows[k][r] ??= orNone(checkItem(item, letter.layout, context)))
          : checkItem(item, letter.layout, context)
        ).forEach(report),
      );
  });
  return problems.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** The level a rule is reported at: the one set for it, or its default (a malformed setting keeps the default). */
function levelOf(rule: Rule, options: CheckOptions): Level {
  const set = options.rules?.[rule.id];
  return set !== undefined && LEVELS.includes(set) ? set : rule.severity;
}

/** A PDF that gave no letter text, as the finding of letter.pdf-unreadable at its level (none when it is off). */
export function checkUnreadablePdf(message: string, options: CheckOptions = {}): Problem[] {
  const level = levelOf(letterPdfUnreadable, options);
  if (level === 'off') return [];
  const start = { line: 0, character: 0 };
  return [{ range: { start, end: start }, message, ruleId: letterPdfUnreadable.id, severity: level }];
}
