import type { ItemFieldKind } from '../letter/model';
import { ITEM_FIELD_LABELS, bare, listing } from './labels';
import type { Finding, Rule } from './rule';

const KINDS = Object.keys(ITEM_FIELD_LABELS) as ItemFieldKind[];

export const itemMissingField: Rule = {
  id: 'item.missing-field',
  description: 'A disputed item lacks its Claims Administrator guideline, MAXIMUS guideline or Decision rationale.',
  severity: 'error',
  check: (letter) =>
    letter.layout.items !== 'blocks'
      ? []
      : letter.items.flatMap((item): Finding[] => {
          const missing = KINDS.filter((k) => !item.fields.some((f) => f.kind === k)).map((k) => bare(ITEM_FIELD_LABELS[k]));
          if (missing.length === 0) return [];
          const range = item.title.text ? item.title.range : item.range;
          const name = item.name ? `Item "${item.name}"` : 'This item';
          return [{ range, message: `${name} is missing ${listing(missing)}.` }];
        }),
};
