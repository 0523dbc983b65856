import type { TextEdit } from 'vscode-languageserver-types';
import type { Item, ItemFieldKind } from '../letter/model';
import { ITEM_FIELD_LABELS, PLACEHOLDER, bare, listing } from '../vocabulary/labels';
import type { Finding, Rule } from './rule';

const KINDS = Object.keys(ITEM_FIELD_LABELS) as ItemFieldKind[];

export const itemMissingField: Rule = {
  id: 'item.missing-field',
  description: 'A disputed item lacks its Claims Administrator guideline, MAXIMUS guideline or Decision rationale.',
  why: 'Each item must show the guidelines both sides relied on and the reasons; a missing one leaves the decision unexplained.',
  example: 'An item with a Claims Administrator guideline and a Decision rationale but no MAXIMUS guideline.',
  severity: 'error',
  checkItem: (item, layout): Finding[] => {
    if (layout.items !== 'blocks') return [];
    const missing = missingKinds(item);
    if (missing.length === 0) return [];
    const range = item.title.text ? item.title.range : item.range;
    const name = item.name ? `Item "${item.name}"` : 'This item';
    return [
      {
        range,
        message: `${name} is missing ${listing(missing.map(named))}.`,
        // Worked out again from the item when asked, so a finding keeps no list of its own.
        fixes: () => {
          const kinds = missingKinds(item);
          return [
            {
              title: `Insert ${listing(kinds.map(named))} with a placeholder`,
              edits: kinds.map((k) => skeleton(item, k)),
            },
          ];
        },
      },
    ];
  },
};

function missingKinds(item: Item): ItemFieldKind[] {
  return KINDS.filter((k) => !item.fields.some((f) => f.kind === k));
}

const named = (kind: ItemFieldKind) => bare(ITEM_FIELD_LABELS[kind]);

/** The missing field, in its place: before the next field the item has, or after the item. */
function skeleton(item: Item, kind: ItemFieldKind): TextEdit {
  const field = `${ITEM_FIELD_LABELS[kind]} ${PLACEHOLDER}`;
  const next = item.fields.find((f) => KINDS.indexOf(f.kind) > KINDS.indexOf(kind));
  if (next) {
    const at = { line: next.label.range.start.line, character: next.label.range.start.character };
    return { range: { start: at, end: at }, newText: `${field}\n\n` };
  }
  const end = item.range.end;
  return { range: { start: end, end }, newText: `\n\n${field}` };
}
