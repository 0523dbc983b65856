/**
 * Reader annotations in CriticMarkup ({>> comment <<}, {== highlight ==}, {++ addition ++},
 * {-- deletion --}, {~~ old ~> new ~~}) are not part of the letter. The analysis reads the letter
 * as it was before them: the markup, comments and proposed additions turn into spaces (line
 * breaks kept), so every offset stays true, and highlighted, deleted or replaced text stays.
 */
export function maskAnnotations(source: string): string {
  if (!source.includes('{')) return source;
  let out = '';
  let i = 0;
  const unclosed = new Set<string>(); // kinds with no closer left: never searched again, so the scan stays linear
  while (i < source.length) {
    const open = source.indexOf('{', i);
    if (open < 0) break;
    const kind = source.slice(open, open + 3);
    const close = CLOSERS[kind];
    const end = close && !unclosed.has(kind) ? source.indexOf(close, open + 3) : -1;
    if (close && end < 0) unclosed.add(kind);
    if (end < 0) {
      out += source.slice(i, open + 1);
      i = open + 1;
      continue;
    }
    out += source.slice(i, open);
    const inner = source.slice(open + 3, end);
    if (kind === '{>>' || kind === '{++') out += blank(source.slice(open, end + 3));
    else if (kind === '{==' || kind === '{--') out += '   ' + inner + '   ';
    else {
      const arrow = inner.indexOf('~>');
      const old = arrow < 0 ? inner : inner.slice(0, arrow);
      out += '   ' + old + blank(inner.slice(old.length)) + '   ';
    }
    i = end + 3;
  }
  return out + source.slice(i);
}

const CLOSERS: Record<string, string> = { '{>>': '<<}', '{==': '==}', '{++': '++}', '{--': '--}', '{~~': '~~}' };

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
