import type { Range } from 'vscode-languageserver-types';
import { FURNITURE_CHARACTERS, before, contains, range } from './text/lines';
import type { Artifacts, Item, Reviewer } from './model';
import type { LetterText } from './text/letter-text';

// "red- flag": a word whose line break became a space after its hyphen. "pre- and post-operative" is English.
const SPLIT_WORD = /\b([A-Za-z]{2,})-( +)(?!(?:and|or|to|nor)\b)([a-z]{2,})\b/g;
// A hyphen and a space in the source: a tab or a form feed is a space in a line's text. Tried at
// each hyphen, found with indexOf, which skips to a rare character faster than a regular
// expression starting with it scans (docs/PERFORMANCE.md).
const HYPHEN_SPACE = new RegExp(`-[ ${FURNITURE_CHARACTERS}]`, 'y');

/** Leftovers of PDF extraction: words split by a hyphen and a space, and page breaks inside a field's text. */
export function findArtifacts(text: LetterText, items: Item[], reviewer: Reviewer): Artifacts {
  const splitWords = [];
  // Only lines holding a hyphen and a space can hold one: found by searching the whole text, not each line.
  const source = text.source;
  for (let at = source.indexOf('-'); at >= 0; at = source.indexOf('-', at + 1)) {
    HYPHEN_SPACE.lastIndex = at;
    if (!HYPHEN_SPACE.test(source)) continue;
    const i = text.positionAt(at).line;
    const line = text.lines[i];
    at = (i + 1 < text.starts.length ? text.starts[i + 1] : source.length) - 1; // on to the next line
    SPLIT_WORD.lastIndex = 0;
    for (let m = SPLIT_WORD.exec(line.text); m; m = SPLIT_WORD.exec(line.text)) {
      const hyphen = m.index + m[1].length;
      splitWords.push({ range: range(i, hyphen, i, hyphen + 1 + m[2].length), text: m[0] });
    }
  }
  const formFeeds: Range[] = [];
  if (!text.source.includes('\f')) return { splitWords, formFeeds }; // no page break, nothing to place
  // Values in document order, walked alongside the form feeds (also in order): linear.
  const values: Range[] = [];
  for (const f of reviewer.fields) if (f.value) values.push(f.value.range);
  for (const item of items) for (const f of item.fields) if (f.value) values.push(f.value.range);
  // They almost always are already: sorted only when not.
  if (values.some((r, k) => k > 0 && before(r.start, values[k - 1].start))) values.sort((a, b) => (before(a.start, b.start) ? -1 : 1));
  let v = 0;
  for (let at = text.source.indexOf('\f'); at >= 0; at = text.source.indexOf('\f', at + 1)) {
    const p = text.positionAt(at);
    while (v < values.length && before(values[v].end, p)) v++;
    const value = values[v];
    // Inside a value, not at its very start.
    if (value && contains(value, { start: p, end: p }) && before(value.start, p)) formFeeds.push(range(p.line, p.character, p.line, p.character + 1));
  }
  return { splitWords, formFeeds };
}
