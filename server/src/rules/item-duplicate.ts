import { collapseWhite } from '../letter/text/spaces';
import type { Finding, Rule } from './rule';

export const itemDuplicate: Rule = {
  id: 'item.duplicate',
  description: 'The same disputed item is decided twice.',
  why: 'The same treatment decided twice may be decided two ways; one of the blocks is probably a paste error.',
  example: 'Two `Hinged knee brace, left: ...` items.',
  severity: 'warning',
  check(letter) {
    const seen = new Map<string, number>();
    return letter.items.flatMap((item, i): Finding[] => {
      const key = collapseWhite(item.name.toLowerCase()).trim();
      if (!key) return [];
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
        return [];
      }
      return [
        {
          range: item.title.range,
          message: `Item "${item.name}" is decided twice (first on line ${letter.items[first].title.range.start.line + 1}).`,
        },
      ];
    });
  },
};
