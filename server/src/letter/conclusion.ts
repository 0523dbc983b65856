import type { Conclusion } from './model';
import type { Region } from './text/region';
import { collapseWhite } from './text/spaces';

// "is not medically necessary", "was determined to be not medically necessary", "is considered not
// medically necessary", "is deemed medically appropriate", "was medically necessary, medically
// appropriate, and indicated", "is not-medically necessary", "will be considered not medically
// necessary"; "the request is not necessary." (the bare word only in the negative, where the
// sentence ends, in a sentence about the request: "Clarification is not necessary." is no verdict).
// Each word of the run between the verb and "medically" is letters then white space or hyphens: the
// two classes are apart, so the run is read one way only.
const VERDICT =
  /\b(?:is|was|are|were|(?:will|would|shall)\s+be)\s+((?:[a-z]+[\s-]+){0,4}?)medically[\s-]+(?:necessary|appropriate)\b|\bis\s+(not\s+)?a\s+medical\s+necessity\b|\b(?:is|was|are|were|(?:will|would|shall)\s+be)\s+(not)\s+necessary(?=\s*(?:[.;]|$))/gi;
const NEGATION = /\b(?:not|non|no)\b/i;
// A subject that negates the whole clause: "none of the associated services are medically necessary".
const NEGATED_SUBJECT = /^(?:none|neither|no)\b/i;
const NONE_OF = /^(?:none|neither) of /i;
// Words that open a clause before its subject ("Therefore,", "As such,") and are not part of it.
const CONNECTIVE =
  /^(?:therefore|thus|hence|so|consequently|accordingly|as such|in conclusion|in summary|then|and|also|furthermore|given the above|based on [^,]{0,80}|no|yes),? /i;
// Clauses that only set up the conclusion ("As the surgery is not necessary, ...", "With the criteria not met, ...").
const SUBORDINATE =
  /^(?:as|since|because|with|given|if|while|although|though|due|when|under|in|after|before|without)\b/i;
// An absolute clause: "The criteria noted above not having been met, X is not medically necessary".
const ABSOLUTE = /\b(?:having|being)\b/i;
const DETERMINER = /^(?:the|this|these|that|such|none|neither)\b/i;
const ARTICLE = /^(?:the|this|these)\s+(?:(?:request(?:ed)?|use)\s+(?:(?:for|of)\s+)?)?/i;
const GENERIC =
  /^(?:request|it|this|this request|treatment|requested treatment|the request|this treatment|service|services|associated services?|associated surgical services?|requested services?|above)$/i;

/**
 * The rationale's conclusion: its last sentence saying the treatment is (or is not) medically
 * necessary, whether it says so, and the treatment it names when it names one.
 */
export function findConclusion(region: Region): Conclusion | undefined {
  const text = region.text;
  let last: RegExpExecArray | undefined;
  VERDICT.lastIndex = 0;
  for (let m = VERDICT.exec(text); m; m = VERDICT.exec(text))
    if (m[3] === undefined || aboutTheRequest(text, m.index)) last = m;
  if (!last) return undefined;
  const stop = text.lastIndexOf('. ', last.index);
  const sentenceStart = stop < 0 ? 0 : stop + 2; // the rationale's first sentence starts at the region's start
  const clause = subjectClause(collapseWhite(text.slice(sentenceStart, last.index)));
  const negatedByWords = last[2] !== undefined || last[3] !== undefined || NEGATION.test(last[1] ?? '');
  const necessary = !negatedByWords && !NEGATED_SUBJECT.test(clause);
  const subject = clause.replace(NONE_OF, '').replace(ARTICLE, '').trim();
  const end = last.index + last[0].length;
  return {
    span: { range: region.range(sentenceStart, end), text: collapseWhite(text.slice(sentenceStart, end)).trim() },
    necessary,
    subject: !subject || GENERIC.test(subject) ? undefined : subject,
  };
}

/** Whether the sentence holding offset `at`, up to it, speaks of the request. */
function aboutTheRequest(text: string, at: number): boolean {
  const stop = text.lastIndexOf('. ', at);
  return /\brequest/i.test(text.slice(stop < 0 ? 0 : stop + 2, at));
}

/**
 * The clause of `before` (the sentence up to its verdict) that names what the verdict is about:
 * the last of its comma-separated clauses that starts with "the", "this" or the like; else what
 * follows a clause that only sets the scene ("As ...", "With ...", "The criteria not having been
 * met"); else the whole, connectives
 * ("Therefore,") left out either way. Scans the commas rather than matching a pattern, so an
 * item name with a comma in it ("L4-L5, L5-S1") stays whole.
 */
function subjectClause(before: string): string {
  const pieces = before.trim().replace(/,$/, '').split(', ');
  let from = -1;
  for (let k = pieces.length - 1; k >= 0 && from < 0; k--)
    if (DETERMINER.test(stripConnectives(pieces[k])) && !ABSOLUTE.test(pieces[k])) from = k;
  const setsScene = (piece: string) => SUBORDINATE.test(stripConnectives(piece)) || ABSOLUTE.test(piece);
  if (from < 0) from = pieces.length > 1 && setsScene(pieces[0]) ? 1 : 0;
  return stripConnectives(pieces.slice(from).join(', ')).trim();
}

function stripConnectives(text: string): string {
  let t = text.trim();
  for (let m = CONNECTIVE.exec(t); m && m[0].length > 0; m = CONNECTIVE.exec(t)) t = t.slice(m[0].length);
  return t;
}
