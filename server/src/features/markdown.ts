/**
 * Letter text (and catalog text a user may supply) goes into hovers as plain text. Only the
 * characters that would change the rendering where they stand are backslash-escaped, so a client
 * that shows the Markdown as typed (Neovim, a terminal) reads "Ch. 12" and "MTUS, 8 CCR", not
 * "Ch\. 12": links, images, HTML, code spans, emphasis, tables and entities in the text still
 * render as the characters they are.
 */
export function escapeMarkdown(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  let out = '';
  for (let i = 0; i < one.length; i++) {
    const c = one[i];
    if (ALWAYS.has(c) || (c === '&' && startsEntity(one, i + 1)) || startsAutolink(one, i)) out += `\\${c}`;
    else out += c;
  }
  return escapeLineStart(out);
}

// Emphasis, code, links and images, HTML and autolinks, table cells, strike-through, and the escape itself.
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~']);

/**
 * Where a client that turns bare addresses into links (GFM autolinks) would: the ":" of "https://",
 * the "." of a "www." that starts a word, the "@" of an e-mail address.
 */
function startsAutolink(text: string, i: number): boolean {
  const c = text[i];
  if (c === ':') return text.startsWith('//', i + 1);
  if (c === '.') return i >= 3 && text.slice(i - 3, i).toLowerCase() === 'www' && !isAlphanumeric(text[i - 4]);
  return c === '@' && isAlphanumeric(text[i - 1]) && isAlphanumeric(text[i + 1]);
}

function isAlphanumeric(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9]/.test(c);
}

/** After "&": an entity name or number and ";" (`&amp;`, `&#60;`), which would render as the character. */
function startsEntity(text: string, from: number): boolean {
  let i = from;
  if (text[i] === '#') i++;
  const start = i;
  while (i < text.length && i - start < 32 && isAlphanumeric(text[i])) i++;
  return i > start && text[i] === ';';
}

/**
 * What only the start of a line can make: a heading ("# "), a list item ("- ", "+ ", "1. ", "1) "),
 * a thematic break or setext underline ("---", "=="). The text may be placed at a line start, so
 * its start is treated as one; "1.4 Opioids" or "-2" start nothing and are left alone.
 */
function escapeLineStart(text: string): string {
  if (/^(?:#{1,6}(?:\s|$)|[-+](?:\s|$)|[-=]+\s*$)/.test(text)) return `\\${text}`;
  const number = /^(\d{1,9})[.)](?:\s|$)/.exec(text);
  return number ? `${number[1]}\\${text.slice(number[1].length)}` : text;
}

/** A link only to a web page: anything else (command:, file:, javascript:) is dropped. */
export function markdownLink(label: string, url: string): string | undefined {
  if (!/^https?:\/\/[^\s()<>]+$/i.test(url)) return undefined;
  return `[${escapeMarkdown(label)}](${url})`;
}

/**
 * A web search for exactly these words: a plain https address the user may choose to open
 * (nothing is fetched). Every character that could end or break a Markdown link is encoded.
 */
export function webSearchUrl(words: string): string {
  const query = encodeURIComponent(words.replace(/\s+/g, ' ').trim()).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `https://duckduckgo.com/?q=${query}`;
}

/**
 * A link that opens a letter at a line (`file:///...#L42`, as VS Code's link opener reads it):
 * only file and untitled addresses, with anything that could end the link encoded.
 */
export function letterLink(label: string, uri: string, line: number): string | undefined {
  if (!/^(file|untitled):[^\s<>]+$/i.test(uri)) return undefined;
  const safe = uri.replace(/[()[\]#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdown(label)}](${safe}#L${line + 1})`;
}
