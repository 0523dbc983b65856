import { DATE_PATTERN, parseDate } from './dates';
import type { LetterText } from './text/letter-text';
import type { Section, SummaryFacts } from './model';
import { Region } from './text/region';

const INJURY_DATE = new RegExp(`\\b(?:industrial\\s+injury|injury|injured|occupational\\s+claim)\\s+(?:on|of|from|dated)\\s+(${DATE_PATTERN})|\\bdate\\s+of\\s+injury\\s+(?:of\\s+|was\\s+|is\\s+)?(${DATE_PATTERN})`, 'i');
// What follows "The requested treatment was" when it says what became of the request, not what it
// was: a decision ("denied on 12/23/2016"), another verb ("submitted", "reviewed"), a relative
// clause ("which was modified"), or a date.
const NOT_A_TREATMENT = /^(?:(?:was|were|is|are|has been|had been)\s+)?(?:denied|non-?certified|not|modified|approved|certified|authorized|upheld|overturned|partially|reviewed|submitted|received|requested|dated|deferred|pending|withdrawn|on|which|that|who|per|by|as|at|in|from|until|since|because)\b/i;
const DATE_ONLY = new RegExp(`^(?:on\\s+)?${DATE_PATTERN}$`, 'i');

/** Whether a piece of the requested list names a treatment: not a date, a verb phrase or a decision. */
function namesTreatment(piece: string): boolean {
  const t = piece.trim();
  return !NOT_A_TREATMENT.test(t) && !DATE_ONLY.test(t) && /[A-Za-z]{2}/.test(t);
}

const REQUESTED = /\bThe\s+requested\s+treatments?\s+(?:includes?|is|are|was|were)\s+([^.]+)\./i;

/** What the case summary states that the rules compare with the rest of the letter. */
export function readSummary(text: LetterText, section: Section): SummaryFacts {
  const body = { start: { line: section.heading.range.end.line, character: section.heading.range.end.character }, end: section.range.end };
  const region = new Region(text, body);
  const facts: SummaryFacts = { requested: [] };
  const injury = INJURY_DATE.exec(region.text);
  if (injury) {
    const written = injury[1] ?? injury[2];
    const at = injury.index + injury[0].length - written.length;
    const date = parseDate(written);
    if (date) facts.injuryDate = { span: { range: region.range(at, at + written.length), text: written }, date };
  }
  const requested = REQUESTED.exec(region.text);
  if (requested) {
    // "a lumbar epidural steroid injection at L4-S1 and a MRI of the cervical spine"
    const listStart = requested.index + requested[0].length - requested[1].length - 1;
    const pieces = /[^,]+?(?=,\s*(?:and\s+)?|\s+and\s+|$)/g;
    pieces.lastIndex = 0;
    for (let m = pieces.exec(requested[1]); m; m = pieces.exec(requested[1])) {
      const raw = m[0].replace(/^\s*(?:,\s*)?(?:and\s+)?/, '');
      const offset = listStart + m.index + (m[0].length - raw.length);
      if (raw.trim() && namesTreatment(raw)) facts.requested.push({ range: region.range(offset, offset + raw.trimEnd().length), text: raw.trim().replace(/\s+/g, ' ') });
      if (m[0].length === 0) pieces.lastIndex++;
    }
  }
  return facts;
}
