/**
 * Letter text (and catalog text a user may supply) goes into hovers as plain text: every ASCII
 * punctuation character is backslash-escaped, so links, `command:` URIs, HTML and code spans in it
 * render as the characters they are.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:"'=$%^;,/?@]/g, '\\$&').replace(/\s+/g, ' ');
}

/** A link only to a web page: anything else (command:, file:, javascript:) is dropped. */
export function markdownLink(label: string, url: string): string | undefined {
  if (!/^https?:\/\/[^\s()<>]+$/i.test(url)) return undefined;
  return `[${escapeMarkdown(label)}](${url})`;
}
