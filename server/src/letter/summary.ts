import { DATE_PATTERN, parseDate } from './dates';
import type { LetterText } from './text/letter-text';
import type { Section, SummaryFacts } from './model';
import { Region } from './text/region';

const INJURY_DATE = new RegExp(
  `\\b(?:industrial\\s+injury|injury|injured|occupational\\s+claim)\\s+(?:on|of|from|dated)\\s+(${DATE_PATTERN})|\\bdate\\s+of\\s+injury\\s+(?:of\\s+|was\\s+|is\\s+)?(${DATE_PATTERN})`,
  'i',
);
// What follows "The requested treatment was" when it says what became of the request, not what it
// was: a decision ("denied on 12/23/2016"), another verb ("submitted", "reviewed"), a relative
// clause ("which was modified"), or a date.
const NOT_A_TREATMENT =
  /^(?:(?:was|were|is|are|has been|had been)\s+)?(?:denied|non-?certified|not|modified|approved|certified|authorized|upheld|overturned|partially|reviewed|submitted|received|requested|dated|deferred|pending|withdrawn|on|which|that|who|per|by|as|at|in|from|until|since|because)\b/i;
const DATE_ONLY = new RegExp(`^(?:on\\s+)?${DATE_PATTERN}$`, 'i');

/** Whether a piece of the requested list names a treatment: not a date, a verb phrase or a decision. */
function namesTreatment(piece: string): boolean {
  const t = piece.trim();
  return !NOT_A_TREATMENT.test(t) && !DATE_ONLY.test(t) && /[A-Za-z]{2}/.test(t);
}

const REQUESTED = /\bThe\s+requested\s+treatments?\s+(?:includes?|is|are|was|were)\s+/gi;
// Between two pieces of the list: a comma, or "and" standing alone.
const LIST_SEPARATOR = /,|(?<=\s)and(?=\s)/g;

/** The list after "The requested treatment is", up to its full stop: where it starts and its text. */
function requestedList(text: string): { at: number; list: string } | undefined {
  REQUESTED.lastIndex = 0;
  for (let m = REQUESTED.exec(text); m; m = REQUESTED.exec(text)) {
    const at = m.index + m[0].length;
    const stop = text.indexOf('.', at);
    if (stop < 0) return undefined;
    if (stop > at) return { at, list: text.slice(at, stop) };
  }
  return undefined;
}

/** The pieces of a list ("a, b and c"): each with where it starts in the list, white space around it left out. */
function listPieces(list: string): { at: number; text: string }[] {
  const pieces: { at: number; text: string }[] = [];
  let from = 0;
  const piece = (to: number) => {
    const text = list.slice(from, to);
    const lead = text.length - text.trimStart().length;
    if (text.trim()) pieces.push({ at: from + lead, text: text.slice(lead).trimEnd() });
  };
  LIST_SEPARATOR.lastIndex = 0;
  for (let m = LIST_SEPARATOR.exec(list); m; m = LIST_SEPARATOR.exec(list)) {
    piece(m.index);
    from = m.index + m[0].length;
  }
  piece(list.length);
  return pieces;
}

/** What the case summary states that the rules compare with the rest of the letter. */
export function readSummary(text: LetterText, section: Section): SummaryFacts {
  const body = {
    start: { line: section.heading.range.end.line, character: section.heading.range.end.character },
    end: section.range.end,
  };
  const region = new Region(text, body);
  const facts: SummaryFacts = { requested: [] };
  const injury = INJURY_DATE.exec(region.text);
  if (injury) {
    const written = injury[1] ?? injury[2];
    const at = injury.index + injury[0].length - written.length;
    const date = parseDate(written);
    if (date) facts.injuryDate = { span: { range: region.range(at, at + written.length), text: written }, date };
  }
  const requested = requestedList(region.text);
  // "a lumbar epidural steroid injection at L4-S1 and a MRI of the cervical spine"
  for (const p of requested ? listPieces(requested.list) : []) {
    const offset = requested!.at + p.at;
    if (namesTreatment(p.text))
      facts.requested.push({ range: region.range(offset, offset + p.text.length), text: p.text.replace(/\s+/g, ' ') });
  }
  return facts;
}
