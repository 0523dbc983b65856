import type { Range } from 'vscode-languageserver-types';
import { before, contains, range } from './text/lines';
import type { Artifacts, Item, Reviewer, SplitWord } from './model';
import { isSpace } from './text/spaces';
import type { LetterText } from './text/letter-text';

// A word and the hyphen that ends its line ("FDA-", "electro-"), white space after it allowed.
const WORD_HYPHEN_AT_END = /[A-Za-z]{2}-$/;
// The word the next line starts with, small letters first ("approved"); "pre- / and post-operative" is English.
const CONTINUATION = /^[a-z]{2,}/;
const NOT_A_CONTINUATION = new Set(['and', 'or', 'to', 'nor']);

/** Leftovers of PDF extraction: words split at a line end, and page breaks that split a sentence inside a field's text. */
export function findArtifacts(text: LetterText, items: Item[], reviewer: Reviewer): Artifacts {
  const splitWords: SplitWord[] = [];
  // Only a hyphen that ends a line splits a word: a mid-line "- " is punctuation ("guidelines- low
  // back chapter"). Hyphens are found with indexOf (docs/PERFORMANCE.md), and only one with
  // nothing but spaces after it on its line is placed on a line.
  const source = text.source;
  for (let at = source.indexOf('-'); at >= 0; at = source.indexOf('-', at + 1)) {
    let after = at + 1;
    while (source.charCodeAt(after) === 32 || source.charCodeAt(after) === 9) after++;
    if (after < source.length && source[after] !== '\n' && source[after] !== '\r') continue;
    const i = text.positionAt(at).line;
    const line = text.lines[i];
    if (
      line.end < 3 ||
      line.text.charCodeAt(line.end - 1) !== 45 ||
      !WORD_HYPHEN_AT_END.test(line.text.slice(line.end - 3, line.end))
    )
      continue;
    // The next line of the same paragraph (a double-spaced letter's single blank line joins two lines).
    const next = text.nextContent(i + 1);
    if (next < 0 || (next > i + 1 && text.isBreak(i + 1))) continue;
    const nextLine = text.lines[next];
    const word = CONTINUATION.exec(nextLine.text.slice(nextLine.first, nextLine.first + 40))?.[0];
    if (!word || NOT_A_CONTINUATION.has(word)) continue;
    const start = line.text.lastIndexOf(' ', line.end - 1) + 1;
    splitWords.push({
      range: range(i, line.end - 1, next, nextLine.first),
      before: line.text.slice(Math.max(start, line.first), line.end),
      after: word,
    });
  }
  const formFeeds: Range[] = [];
  if (!source.includes('\f')) return { splitWords, formFeeds }; // no page break, nothing to place
  // Values in document order, walked alongside the form feeds (also in order): linear.
  const values: Range[] = [];
  for (const f of reviewer.fields) if (f.value) values.push(f.value.range);
  for (const item of items) for (const f of item.fields) if (f.value) values.push(f.value.range);
  // They almost always are already: sorted only when not.
  if (values.some((r, k) => k > 0 && before(r.start, values[k - 1].start)))
    values.sort((a, b) => (before(a.start, b.start) ? -1 : 1));
  // An item's line starts a new item, wherever the field before it was read to end.
  const itemStarts = new Set(items.map((item) => item.title.range.start.line));
  let v = 0;
  for (let at = source.indexOf('\f'); at >= 0; at = source.indexOf('\f', at + 1)) {
    const p = text.positionAt(at);
    while (v < values.length && before(values[v].end, p)) v++;
    const value = values[v];
    // Inside a value, not at its very start, and in the middle of a sentence: a page break
    // between two sentences or paragraphs is where PDFs break pages.
    if (
      value &&
      contains(value, { start: p, end: p }) &&
      before(value.start, p) &&
      !afterSentence(source, at) &&
      !itemStarts.has(p.line)
    )
      formFeeds.push(range(p.line, p.character, p.line, p.character + 1));
  }
  return { splitWords, formFeeds };
}

/**
 * Whether the text before offset `at` (white space and page breaks passed over) ends a sentence
 * or a line that leads into the next (a period, a colon, a question or exclamation mark, maybe in
 * a closing quote or bracket), or nothing is before it.
 */
function afterSentence(source: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && isSpace(source.charCodeAt(k))) k--;
  while (k >= 0 && (source[k] === '"' || source[k] === ')' || source[k] === '\u201d')) k--;
  return k < 0 || source[k] === '.' || source[k] === ':' || source[k] === '?' || source[k] === '!';
}
