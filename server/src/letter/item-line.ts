import type { LetterText } from './text/letter-text';

/**
 * Where an item line starts, and what a modified-UR item line names. Plain `pdftotext` keeps no
 * blank lines, and a page break can stand where a blank line was, so a paragraph break alone does
 * not say where an item line starts: the end of the previous field's last sentence does too.
 */

const MAX_TITLE_LINES = 6;
// Words whose period is not a sentence's end ("Dr. Smith", "No. 3", "vs. placebo").
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'no', 'nos', 'vs', 'st', 'approx', 'qty', 'etc', 'fig', 'inc']);
// What the sentences of a modified-UR paragraph speak of, and words a rationale's conclusion uses and they never do.
const MODIFIED_SENTENCE =
  /original\s+request|authorized\s+by\s+the\s+claims\s+administrator|claims\s+administrator\s+(?:has\s+)?(?:authorized|certified|approved)|imr\s+eligible/i;
const VERDICT_WORD = /necessary|appropriate|necessity/i;
const ORIGINAL_REQUEST = /original\s+request/i;

/**
 * The first line of the item line whose colon is on line `last`: back to a paragraph break, a
 * line that ends a sentence (the previous field's), or `floor`, at most a few lines. A
 * modified-UR paragraph ("X was the original request. Y was authorized by the Claims
 * Administrator. The remaining IMR eligible portion of the original request, Z is:") is taken
 * whole, its own sentences included. When a field's text runs into the item line with neither a
 * break nor a sentence's end between them, only the line itself is sure.
 */
export function itemLineStart(text: LetterText, last: number, floor: number, afterLabel: boolean): number {
  let first = last;
  let count = 1;
  let joined = text.trimmed(last); // the lines taken so far: "original request" may wrap
  for (let i = last - 1; i >= floor; i--) {
    if (text.isBreak(i)) return first;
    if (text.lines[i].blank) continue;
    const sentence = sentenceEndingAt(text, i, floor);
    // A sentence ends on line i: the item line starts after it, unless the sentence is one of the paragraph's own.
    if (
      sentence !== undefined &&
      !(ORIGINAL_REQUEST.test(joined) && MODIFIED_SENTENCE.test(sentence) && !VERDICT_WORD.test(sentence))
    )
      return first;
    if (++count > MAX_TITLE_LINES) return last;
    first = i;
    joined = `${text.trimmed(i)} ${joined}`;
  }
  return afterLabel ? last : first;
}

/**
 * The sentence that ends at the end of line i (read back over at most two lines of text above it,
 * not below `floor` nor across a paragraph break), or undefined when the line does not end a sentence.
 */
function sentenceEndingAt(text: LetterText, i: number, floor: number): string | undefined {
  const line = text.trimmed(i);
  if (!endsSentence(line)) return undefined;
  let sentence = line;
  let stop = sentence.lastIndexOf('. ');
  for (let k = i - 1, taken = 0; stop < 0 && k >= floor && taken < 2 && !text.isBreak(k); k--) {
    if (text.lines[k].blank) continue; // a double-spaced letter's blank line inside a paragraph
    sentence = `${text.trimmed(k)} ${sentence}`;
    stop = sentence.lastIndexOf('. ');
    taken++;
  }
  return stop >= 0 ? sentence.slice(stop + 2) : sentence;
}

/** Whether a line's last word ends a sentence: a period (maybe inside a closing quote or bracket) after a word that is not an abbreviation. */
function endsSentence(line: string): boolean {
  let end = line.length;
  while (end > 0 && (line[end - 1] === '"' || line[end - 1] === ')' || line[end - 1] === '\u201d')) end--;
  if (end === 0 || line[end - 1] !== '.') return false;
  const word = line.slice(line.lastIndexOf(' ', end - 1) + 1, end - 1).toLowerCase();
  // "p.o." and "L." are abbreviations; a word of two letters or more with no period inside is not.
  return word.length >= 2 && !word.includes('.') && !ABBREVIATIONS.has(word);
}

// Where a modified-UR item line names the portion decided: after "...eligible portion of the
// original request," or "...IMR eligible. The original request,".
const PORTION_LEAD = [
  /remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request\b/gi,
  /\bthe\s+original\s+request\s*,/gi,
];
const TRAILING_VERB = [' is', ' was'];
const LEADING_VERB = ['is ', 'was '];

/**
 * The portion of the original request a modified-UR item line decides ("Baclofen 100mg #3" of
 * "... The remaining IMR eligible portion of the original request, Baclofen 100mg #3"), or
 * undefined when the line is not one. The last lead in the line wins, so an earlier mention of
 * the original request does not.
 */
export function modifiedPortion(title: string): string | undefined {
  if (!ORIGINAL_REQUEST.test(title)) return undefined;
  for (const lead of PORTION_LEAD) {
    let end = -1;
    lead.lastIndex = 0;
    for (let m = lead.exec(title); m; m = lead.exec(title)) end = m.index + m[0].length;
    if (end < 0) continue;
    let portion = title.slice(end).trim();
    if (portion.startsWith(',')) portion = portion.slice(1).trim();
    // "...of the original request is Baclofen 100mg #3"
    for (const verb of LEADING_VERB)
      if (portion.toLowerCase().startsWith(verb)) portion = portion.slice(verb.length).trim();
    for (const verb of TRAILING_VERB)
      if (portion.toLowerCase().endsWith(verb)) portion = portion.slice(0, -verb.length).trim();
    if (portion) return portion;
  }
  return undefined;
}
