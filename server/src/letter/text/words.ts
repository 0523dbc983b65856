/**
 * The words of a text as the catalog's keys and the treatment-matching rules compare them: the
 * runs of a-z and 0-9 in the lower-cased text (what `split(/[^a-z0-9]+/)` gives, without its
 * empty pieces), found by one pass over the characters, since they read every citation's pieces
 * and every item's name and title.
 */
function lowerCaseWords(text: string): string[] {
  const words: string[] = [];
  someLowerCaseWord(text, (w) => void words.push(w));
  return words;
}

/** Whether `test` holds for one of the text's lower-case words; reading stops at the first that does. */
export function someLowerCaseWord(text: string, test: (word: string) => boolean | void): boolean {
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (test(lower.slice(start, i))) return true;
      start = -1;
    }
  }
  return false;
}

/** The word without one trailing "s" (a plural, roughly). */
export function singular(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** The words that can name a treatment: lower case, a plural's s dropped, one-letter words and `filler` left out. */
export function treatmentWords(text: string, filler: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const raw of lowerCaseWords(text)) {
    const w = singular(raw);
    if (w.length > 1 && !filler.has(w)) out.push(w);
  }
  return out;
}
